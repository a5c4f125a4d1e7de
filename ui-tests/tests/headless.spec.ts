import { expect, test } from '@jupyterlab/galata';
import { printedSeries, seriesCell } from '../seriesCell';

// In-browser kernel sessions do not survive a reload: every test gets a fresh workspace.
test.use({ autoGoto: true });

test('a headless twin kernel runs in JupyterLab beside the in-browser one and gives the same bits', async ({
  page,
}) => {
  // The Immune System Twin: its code is the model module the extension serves to the browser, and the one bundled
  // in the Python package for the headless kernel; the series are printed as JSON, which keeps every double exactly.
  const ids = ['virus', 'infected', 'interferon', 'tissueCTLs'];
  const cell = seriesCell('{ duration: 4, seed: 7 }', ids);

  await page.notebook.createNew('in-browser.ipynb', { kernel: 'immunotwin-immune-system' });
  await expect(page.locator('.jp-NotebookPanel-toolbar .jp-KernelName')).toHaveText('Immune System Twin');
  await page.notebook.setCell(0, 'code', cell);
  const browser = await printedSeries(page);
  await page.notebook.save();
  await page.notebook.close();

  // The server's kernel, started by Jupyter Server through the hybrid kernel manager.
  await page.notebook.createNew('headless.ipynb', { kernel: 'immunotwin-headless-immune-system' });
  // The status bar names the kernel (the toolbar moves a name this long into its overflow menu) once it is idle.
  await expect(page.locator('#jp-main-statusbar')).toContainText('Immune System Twin (headless) | Idle', {
    timeout: 60_000,
  });
  await page.notebook.setCell(0, 'code', cell);
  const headless = await printedSeries(page);

  expect(headless).toEqual(browser);
  // The run did something worth comparing: the virus grew and interferon was made.
  expect(Math.max(...browser[0])).toBeGreaterThan(10);
  expect(Math.max(...browser[2])).toBeGreaterThan(0);
});
