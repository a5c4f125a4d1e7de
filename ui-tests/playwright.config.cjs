// Galata's Playwright configuration, on Debian's Chromium with nothing downloaded (no video, no trace).
const base = require('@jupyterlab/galata/lib/playwright-config');

module.exports = {
  ...base,
  reporter: [['list']],
  retries: 0,
  workers: 1,
  timeout: 120_000,
  use: {
    ...base.use,
    baseURL: 'http://localhost:8899',
    browserName: 'chromium',
    headless: true,
    video: 'off',
    trace: 'off',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: {
    command: '../.venv/bin/jupyter lab --no-browser --config jupyter_server_test_config.py',
    url: 'http://localhost:8899/lab',
    timeout: 120_000,
    reuseExistingServer: false,
  },
};
