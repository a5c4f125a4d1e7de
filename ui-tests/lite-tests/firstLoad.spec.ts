import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { expect, test } from '@playwright/test';
// @ts-expect-error -- the first-load benchmark's measurement (plain CommonJS, no type declarations).
import { EXTENSION_STATIC, measureFirstLoad } from '../../bench/firstLoadProbe.cjs';

// First load in the JupyterLite site: what the extension makes a person download before the first plot of
// 02-immune-response.ipynb is drawn. MB here is 10^6 bytes.

/**
 * The most extension JavaScript the page itself may fetch before the first plot (1.6 MB = 1.6e6 bytes): plotly's
 * basic bundle (1.15 MB) and the extension's page code with every model's manifest (0.36 MB on 2026-12-06), with
 * room for features; the 5.4 MB of before the models loaded as plugins is what it guards against. Raised from
 * 1.5 MB when the page reached 1.506 MB (the Lung Twin's manifest, trust, worker-fault handling).
 */
const PAGE_BUDGET = 1.6e6;

/**
 * A marker of model code: 64 characters from the middle of the immune twin's WebAssembly agent kernel, as the
 * base64 string its bytes module holds. Minifiers keep string literals verbatim; only `AgentKernel` imports
 * that module, and only `ImmuneModel` uses `AgentKernel`, so a chunk holding it holds the model's stepping
 * code (and one without it does not: they are bundled together). Read from the source, so the marker
 * follows the kernel when it is rebuilt; the engine's own diffusion kernel shares only the WebAssembly
 * header at the start, which the slice skips.
 */
function modelMarker(): string {
  const source = readFileSync(
    path.resolve(__dirname, '../../packages/model-immune/src/tissue/agentKernelBytes.ts'),
    'utf8',
  );
  const base64 = /AGENT_KERNEL_BASE64\s*=\s*'([^']+)'/.exec(source)?.[1] ?? '';
  expect(base64.length).toBeGreaterThan(1000);
  return base64.slice(500, 564);
}

interface IResponse {
  url: string;
  bytes: number;
  worker: boolean;
}

test('before the first plot the page fetches at most 1.6 MB of extension JavaScript, and no model code', async ({
  page,
  baseURL,
}) => {
  const result = (await measureFirstLoad(page, { baseURL, notebook: '02-immune-response.ipynb' })) as {
    responses: IResponse[];
    total: number;
    extension: number;
    extensionPage: number;
  };
  const note = (type: string, bytes: number) => test.info().annotations.push({ type, description: `${bytes} bytes` });
  note('every response', result.total);
  note('extension, page', result.extensionPage);
  note('extension, workers', result.extension - result.extensionPage);

  expect(result.extensionPage).toBeLessThanOrEqual(PAGE_BUDGET);

  // Which extension chunks hold model code: none the page fetched, and some a worker fetched (the kernel's
  // worker ran the immune twin), which shows the marker finds model code where it is.
  const marker = modelMarker();
  const chunks = result.responses.filter((r) => r.url.includes(EXTENSION_STATIC) && r.url.includes('.js'));
  const withModel = async (list: IResponse[]) => {
    const found: string[] = [];
    for (const r of list) if ((await (await page.request.get(r.url)).text()).includes(marker)) found.push(r.url);
    return found;
  };
  expect(await withModel(chunks.filter((r) => !r.worker))).toEqual([]);
  expect((await withModel(chunks.filter((r) => r.worker))).length).toBeGreaterThan(0);
});
