/**
 * The course site as a teacher publishes it: built by the one command (`node scripts/course.mjs --out <folder>`, what
 * `npm run course` runs after building) into a fresh folder and served by Python's `http.server`, the server
 * docs/deploy.md offers for a USB stick — and a browser context that lets nothing leave that server.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { BrowserContext } from '@playwright/test';

/** A built and served course site. */
export interface ICourseSite {
  /** Its address, ending in `/`. */
  url: string;
  /** The folder it was built into. */
  folder: string;
  /** Stops the server and removes the folder. */
  close(): void;
}

/** Builds the course site into a new temporary folder and serves it on a free port of 127.0.0.1. */
export async function buildAndServeCourse(): Promise<ICourseSite> {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'immunotwin-course-site-'));
  const built = spawnSync(process.execPath, [path.resolve(__dirname, '../scripts/course.mjs'), '--out', folder], {
    encoding: 'utf8',
  });
  if (built.status !== 0) throw new Error(`the course build failed (exit ${built.status}):\n${built.stderr}`);
  const server = spawn('python3', ['-u', '-m', 'http.server', '0', '--bind', '127.0.0.1', '--directory', folder], {
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  // http.server says "Serving HTTP on 127.0.0.1 port <n> (http://127.0.0.1:<n>/) ...".
  const port = await new Promise<number>((resolve, reject) => {
    let said = '';
    server.stdout.on('data', (chunk: Buffer) => {
      said += chunk.toString();
      const match = /port (\d+)/.exec(said);
      if (match) resolve(Number(match[1]));
    });
    server.on('exit', (code) => reject(new Error(`python3 -m http.server stopped (exit ${code}): ${said}`)));
  });
  return {
    url: `http://127.0.0.1:${port}/`,
    folder,
    close() {
      server.kill();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

/**
 * Records every request of the context's pages and their workers that goes anywhere but `site`, and refuses it.
 * Returns the list, filled as requests are made. With `exposeApp`, the site's `jupyter-lite.json` files are served with
 * `exposeAppInBrowser` on (JupyterLite then sets `window.jupyterapp`, as Galata's JupyterLab does), so a test can reach
 * the notebook model.
 */
export async function onlyFromSite(context: BrowserContext, site: string, exposeApp = false): Promise<string[]> {
  const outside: string[] = [];
  const origin = new URL(site).origin;
  context.on('request', (request) => {
    const url = request.url();
    if (url.startsWith('http') && new URL(url).origin !== origin) outside.push(url);
  });
  await context.route(
    (url) => url.origin !== origin && url.protocol.startsWith('http'),
    (route) => route.abort('blockedbyclient'),
  );
  if (exposeApp) {
    await context.route('**/jupyter-lite.json', async (route) => {
      const response = await route.fetch();
      const json = (await response.json()) as { 'jupyter-config-data'?: Record<string, unknown> };
      json['jupyter-config-data'] = { ...json['jupyter-config-data'], exposeAppInBrowser: 'true' };
      await route.fulfill({ response, json });
    });
  }
  return outside;
}
