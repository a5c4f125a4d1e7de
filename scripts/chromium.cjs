// How this project launches Chromium (the end-to-end tests and the browser benchmark): Debian's Chromium or
// the one CHROMIUM_PATH names, headless, with nothing downloaded or synchronised.
module.exports = {
  /** The Chromium executable. */
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  /** Command-line flags for a headless run on a machine with no GPU, as root, with no network chatter. */
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
};
