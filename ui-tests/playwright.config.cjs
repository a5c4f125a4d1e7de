// Playwright configuration of the end-to-end tests, on Debian's Chromium with nothing downloaded (no video,
// no trace). Three projects: `lab` runs Galata against a real `jupyter lab`; `lite` runs plain Playwright
// against the JupyterLite site of `npm run lite` (dist/lite) under Python's static file server; `notebook7` runs
// plain Playwright against Jupyter Notebook 7 (`jupyter notebook`, installed in .venv beside JupyterLab).
const base = require('@jupyterlab/galata/lib/playwright-config');

// Ports of the three servers; UI_TESTS_LAB_PORT, UI_TESTS_LITE_PORT and UI_TESTS_NOTEBOOK_PORT move them (e.g.
// for a second checkout's run beside this one).
const LAB_PORT = Number(process.env.UI_TESTS_LAB_PORT ?? 8899);
const LITE_PORT = Number(process.env.UI_TESTS_LITE_PORT ?? 8900);
const NOTEBOOK_PORT = Number(process.env.UI_TESTS_NOTEBOOK_PORT ?? 8901);

const chromium = {
  browserName: 'chromium',
  headless: true,
  video: 'off',
  trace: 'off',
  launchOptions: require('../scripts/chromium.cjs'),
};

module.exports = {
  ...base,
  reporter: [['list']],
  retries: 0,
  workers: 1,
  timeout: 120_000,
  projects: [
    { name: 'lab', testDir: './tests', use: { ...base.use, ...chromium, baseURL: `http://localhost:${LAB_PORT}` } },
    { name: 'lite', testDir: './lite-tests', use: { ...chromium, baseURL: `http://localhost:${LITE_PORT}/` } },
    {
      name: 'notebook7',
      testDir: './notebook7-tests',
      use: { ...chromium, baseURL: `http://localhost:${NOTEBOOK_PORT}/` },
    },
  ],
  webServer: [
    {
      command: '../.venv/bin/jupyter lab --no-browser --config jupyter_server_test_config.py',
      url: `http://localhost:${LAB_PORT}/lab`,
      timeout: 120_000,
      reuseExistingServer: false,
    },
    {
      // The same test configuration (no token, a temporary root folder), on its own port.
      command: `../.venv/bin/jupyter notebook --no-browser --config jupyter_server_test_config.py --ServerApp.port=${NOTEBOOK_PORT}`,
      url: `http://localhost:${NOTEBOOK_PORT}/tree`,
      timeout: 120_000,
      reuseExistingServer: false,
    },
    {
      command: `python3 -m http.server --bind 127.0.0.1 --directory ../dist/lite ${LITE_PORT}`,
      url: `http://localhost:${LITE_PORT}/lab/index.html`,
      timeout: 30_000,
      reuseExistingServer: false,
    },
  ],
};
