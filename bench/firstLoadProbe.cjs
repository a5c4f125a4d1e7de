// The measurement of the first-load benchmark (bench/firstLoad.mjs), shared with the lite end-to-end test
// (ui-tests/lite-tests/firstLoad.spec.ts): CommonJS, so the test runner can load it as it loads the test.
'use strict';

/** The URL path of the extension's own static folder in a JupyterLite site (and under a Jupyter server). */
const EXTENSION_STATIC = '/extensions/@immunotwin/jupyterlab-extension/static/';

/** The first plotly figure drawn anywhere on the page (CSS locators pierce the widgets' open shadow roots). */
const PLOT = '.js-plotly-plot .main-svg';

/** Outputs that draw a plot: the plot renderer's, and the widgets' elements holding a time series. */
const PLOT_OUTPUT = '.jp-ImmunoTwinPlot, twin-timeseries, twin-workbench';

/**
 * Opens `notebook` in the JupyterLite site at `baseURL` in `page` (a fresh context, so nothing is cached),
 * runs its code cells in order until the first plot is drawn, and returns every response finished by then:
 * `{ responses: [{ url, bytes, worker }], total, extension, extensionPage }` (bytes: the decoded body's
 * length; worker: whether a dedicated worker asked for it; `extension`: the sum over
 * {@link EXTENSION_STATIC}, `extensionPage` the part of it the page itself fetched). Requests of the
 * page's dedicated workers are included (Chromium reports them on the page). `timeout` bounds each wait, in ms.
 */
async function measureFirstLoad(page, { baseURL, notebook = '02-immune-response.ipynb', timeout = 120_000 }) {
  const pending = [];
  let stopped = false;
  page.on('requestfinished', (request) => {
    if (stopped) return;
    pending.push(responseSize(request));
  });

  await page.goto(new URL(`lab/index.html?path=${notebook}`, baseURL).href);
  await page
    .locator('.jp-NotebookPanel-toolbar .jp-Notebook-ExecutionIndicator[data-status="idle"]')
    .waitFor({ timeout });
  // The notebook attaches its cells lazily: wait until all its code cells (counted in the file) are there.
  const file = await (await page.request.get(new URL(`files/${notebook}`, baseURL).href)).json();
  const codeCells = file.cells.filter((cell) => cell.cell_type === 'code').length;
  const cells = page.locator('.jp-Notebook .jp-CodeCell');
  await cells.nth(codeCells - 1).waitFor({ state: 'attached', timeout });
  for (let i = 0; i < codeCells; i++) {
    const cell = cells.nth(i);
    await cell.locator('.jp-InputArea-editor').click();
    await page.keyboard.press('Shift+Enter');
    // The cell has run when it shows an execution count; stop at the first whose output is a plot.
    await cell.locator('.jp-InputArea-prompt', { hasText: /\[\d+\]/ }).waitFor({ timeout });
    if ((await cell.locator(PLOT_OUTPUT).count()) > 0) break;
  }
  await page.locator(PLOT).first().waitFor({ state: 'visible', timeout });
  stopped = true;

  const responses = (await Promise.all(pending)).filter((r) => r !== null);
  const extension = responses.filter((r) => new URL(r.url).pathname.includes(EXTENSION_STATIC));
  const sum = (list) => list.reduce((total, r) => total + r.bytes, 0);
  return {
    responses,
    total: sum(responses),
    extension: sum(extension),
    extensionPage: sum(extension.filter((r) => !r.worker)),
  };
}

/** The decoded body size of a finished request's response, or null when it has none. */
async function responseSize(request) {
  const response = await request.response().catch(() => null);
  if (!response) return null;
  try {
    return { url: request.url(), bytes: (await response.body()).length, worker: await fromWorker(request) };
  } catch {
    // Some bodies are gone by the time they are asked for (redirects, evicted buffers): take the wire size.
    const sizes = await request.sizes().catch(() => null);
    return sizes ? { url: request.url(), bytes: sizes.responseBodySize, worker: await fromWorker(request) } : null;
  }
}

/**
 * Whether a request came from a dedicated worker rather than the page. Chromium reports both on the page; a
 * worker's script is requested with no referrer and everything a worker imports has the worker's script as
 * its referrer, while the page's requests name the page (an HTML document).
 */
async function fromWorker(request) {
  const referer = (await request.allHeaders())['referer'];
  return !referer || !new URL(referer).pathname.endsWith('.html');
}

module.exports = { EXTENSION_STATIC, measureFirstLoad };
