/**
 * First-load benchmark ("bytes before the first plot"): what a person downloads between opening a template in
 * the JupyterLite site and seeing its first plot. A fresh Chromium profile opens the notebook, runs its code
 * cells one by one until a plotly figure is drawn, and sums the uncompressed sizes of (a) every response and
 * (b) the responses from the extension's own static folder, up to that moment.
 * Usage: `npm run lite` (builds the site into dist/lite), then
 * `node bench/firstLoad.mjs [notebook] [--site DIR] [--list]` (default notebook `02-immune-response.ipynb`;
 * `--list` prints every extension file fetched). The site is served by Python's `http.server` (no
 * compression, so what crosses the wire is what the browser unpacks). The lite end-to-end test
 * `ui-tests/lite-tests/firstLoad.spec.ts` uses the same measurement (`firstLoadProbe.cjs`) with its own page.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import probe from './firstLoadProbe.cjs';

const { EXTENSION_STATIC, measureFirstLoad } = probe;

/** Serves `dir` with Python's `http.server` on a free port; resolves to `{ url, stop }`. */
function serve(dir) {
  return new Promise((resolve, reject) => {
    const server = spawn('python3', ['-u', '-m', 'http.server', '--bind', '127.0.0.1', '--directory', dir, '0'], {
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    server.on('error', reject);
    server.stdout.setEncoding('utf8');
    let output = '';
    server.stdout.on('data', (chunk) => {
      output += chunk;
      const port = /port (\d+)/.exec(output)?.[1];
      if (port) resolve({ url: `http://127.0.0.1:${port}/`, stop: () => server.kill() });
    });
    server.on('exit', (code) => reject(new Error(`http.server exited (code ${code}) before serving`)));
  });
}

const mb = (bytes) => `${(bytes / 1e6).toFixed(3)} MB (${bytes.toLocaleString('en')} bytes)`;

async function main() {
  const args = process.argv.slice(2);
  const siteAt = args.indexOf('--site');
  const site = siteAt >= 0 ? args[siteAt + 1] : fileURLToPath(new URL('../dist/lite', import.meta.url));
  const notebook = args.find((arg, i) => !arg.startsWith('--') && args[i - 1] !== '--site') ?? undefined;
  if (!existsSync(join(site, 'lab', 'index.html'))) {
    console.error(`firstLoad: no JupyterLite site in ${site}; run \`npm run lite\` first.`);
    process.exit(2);
  }
  const [{ chromium }, launch] = await Promise.all([
    import('playwright'),
    import('../scripts/chromium.cjs').then((m) => m.default),
  ]);
  const server = await serve(site);
  const browser = await chromium.launch({ ...launch, headless: true });
  try {
    const page = await (await browser.newContext()).newPage();
    const result = await measureFirstLoad(page, { baseURL: server.url, ...(notebook ? { notebook } : {}) });
    if (args.includes('--list')) {
      for (const r of result.responses
        .filter((r) => r.url.includes(EXTENSION_STATIC))
        .sort((a, b) => b.bytes - a.bytes))
        console.log(
          `${String(r.bytes).padStart(10)}  ${r.worker ? 'worker' : 'page  '}  ${r.url.slice(r.url.indexOf(EXTENSION_STATIC) + EXTENSION_STATIC.length)}`,
        );
    }
    console.log(
      `Bytes before the first plot (${notebook ?? '02-immune-response.ipynb'}, uncompressed; MB = 10^6 bytes):`,
    );
    console.log(`  every response:             ${mb(result.total)} in ${result.responses.length} responses`);
    console.log(`  the extension's static/:    ${mb(result.extension)}`);
    console.log(`    of which the page's:      ${mb(result.extensionPage)}`);
    console.log(`    and its workers':         ${mb(result.extension - result.extensionPage)}`);
  } finally {
    await browser.close();
    server.stop();
  }
}

// Run as a script.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
