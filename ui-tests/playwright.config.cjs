// Playwright configuration of the end-to-end tests, on Debian's Chromium with nothing downloaded (no video,
// no trace). Two projects: `lab` runs Galata against a real `jupyter lab`; `lite` runs plain Playwright
// against the JupyterLite site of `npm run lite` (dist/lite) under Python's static file server.
const base = require('@jupyterlab/galata/lib/playwright-config');

// Ports of the two servers; UI_TESTS_LAB_PORT and UI_TESTS_LITE_PORT move them (e.g. for a second checkout's
// run beside this one).
const LAB_PORT = Number(process.env.UI_TESTS_LAB_PORT ?? 8899);
const LITE_PORT = Number(process.env.UI_TESTS_LITE_PORT ?? 8900);

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
  ],
  webServer: [
    {
      command: '../.venv/bin/jupyter lab --no-browser --config jupyter_server_test_config.py',
      url: `http://localhost:${LAB_PORT}/lab`,
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
