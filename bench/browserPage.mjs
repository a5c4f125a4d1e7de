/**
 * What the browser benchmarks share: their page (a folder under bench/ with an index.html and a TypeScript
 * entry) built with vite into dist/ (again only when an input is newer than the last build), a small static
 * server for it, and Debian's Chromium (scripts/chromium.cjs) launched by Playwright.
 */
import { createServer } from 'node:http';
import { existsSync } from 'node:fs';
import { readFile, readdir, stat, writeFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright';
import { build } from 'vite';
import chromiumLaunch from '../scripts/chromium.cjs';

/** The repository's root folder. */
export const ROOT = fileURLToPath(new URL('..', import.meta.url));

async function newestMtime(path) {
  const info = await stat(path);
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = 0;
  for (const entry of await readdir(path)) {
    if (entry === 'node_modules' || entry.endsWith('.tsbuildinfo')) continue;
    newest = Math.max(newest, await newestMtime(join(path, entry)));
  }
  return newest;
}

/**
 * Builds the page in `page` with vite into `out` when one of its inputs (the page folder, the `lib` folders of
 * `packages`, and the files or folders in `inputs`) is newer than the last build. Returns whether it built.
 *
 * @param {{ page: string, out: string, packages: string[], inputs?: string[] }} options
 */
export async function buildPage({ page, out, packages, inputs = [] }) {
  const all = [page, ...inputs, ...packages.map((name) => join(ROOT, 'packages', name, 'lib'))];
  let newest = 0;
  for (const input of all) newest = Math.max(newest, await newestMtime(input).catch(() => 0));
  const stamp = join(out, '.inputs-mtime');
  const built = Number(await readFile(stamp, 'utf8').catch(() => '0'));
  if (built === newest) return false;
  await build({
    root: page,
    base: './',
    configFile: false,
    logLevel: 'warn',
    // The browser workers, like the extension's, are ES module workers.
    worker: { format: 'es' },
    // Minifying changes nothing measured here and takes long (plotly.js, where a page has it, is minified already).
    build: { outDir: out, emptyOutDir: true, minify: false, reportCompressedSize: false, chunkSizeWarningLimit: 8000 },
  });
  await writeFile(stamp, String(newest));
  return true;
}

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
};

/** Serves the files under `root` on a free port of 127.0.0.1; resolves to the listening server. */
export function serve(root) {
  const server = createServer(async (request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url, 'http://localhost').pathname));
    const file = join(root, path.endsWith('/') ? join(path, 'index.html') : path);
    if (!file.startsWith(root + sep)) {
      response.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(file);
      response.writeHead(200, {
        'content-type': MIME[extname(file)] ?? 'application/octet-stream',
        'cache-control': 'no-store',
      });
      response.end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/**
 * Launches the project's Chromium (headless) with Playwright; exits the process with a message naming the path
 * when there is none. `name` is the benchmark's, for that message.
 */
export async function launchChromium(name) {
  const { executablePath, args } = chromiumLaunch;
  if (!existsSync(executablePath)) {
    console.error(
      `${name}: no Chromium at ${executablePath}; install it (Debian: apt-get install chromium) or set CHROMIUM_PATH`,
    );
    process.exit(1);
  }
  return chromium.launch({ executablePath, args });
}

/**
 * Opens the page built into `out` in the project's Chromium and waits until it says it is ready
 * (`document.body.dataset.ready`). Errors the page throws are collected in `errors`; `close()` ends the browser and
 * the server. `name` is the benchmark's, for messages.
 */
export async function openBenchPage(name, out) {
  const browser = await launchChromium(name);
  const server = await serve(out);
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error));
  const close = async () => {
    await browser.close();
    server.close();
  };
  try {
    await page.goto(`http://127.0.0.1:${server.address().port}/`);
    await page.waitForFunction(() => document.body.dataset.ready === 'true');
  } catch (error) {
    await close();
    throw error;
  }
  return { browser, page, errors, close };
}
