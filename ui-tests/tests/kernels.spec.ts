import { expect, test } from '@jupyterlab/galata';

// In-browser kernel sessions do not survive a reload: every test gets a fresh workspace.
test.use({ autoGoto: true });

test('the launcher offers the twin kernel beside Python', async ({ page }) => {
  const launcher = page.locator('.jp-Launcher');
  await expect(launcher.locator('.jp-LauncherCard[title="Within-host Twin"]').first()).toBeVisible();
  await expect(launcher.locator('.jp-LauncherCard[title="Python 3 (ipykernel)"]').first()).toBeVisible();
});

test('a notebook on the twin kernel runs a simulation in the browser', async ({ page }) => {
  await page.notebook.createNew('twin.ipynb', { kernel: 'immunotwin-target-cell-limited' });
  await page.notebook.setCell(0, 'code', 'const r = await twin.run(); r');
  await page.notebook.runCell(0);
  // The plot bundle is drawn by plotly.js, loaded on first use.
  const cell = page.locator('.jp-Cell').first();
  await expect(cell.locator('.jp-ImmunoTwinPlot .js-plotly-plot svg.main-svg').first()).toBeVisible({
    timeout: 30_000,
  });
  await expect(cell.locator('.jp-ImmunoTwinPlot-fallback')).toHaveCount(0);
  const output = await page.notebook.getCellTextOutput(0);
  // The text/plain summary of the result (under the plot): the peak of each observable and when.
  expect(output?.join('\n')).toMatch(/V \(Free virus\): peak [\d.e+]+ TCID50\/mL at day/);
});

test('a Python notebook still runs on the server', async ({ page }) => {
  await page.notebook.createNew('python.ipynb', { kernel: 'python3' });
  await page.notebook.setCell(0, 'code', '1 + 1');
  await page.notebook.runCell(0);
  expect((await page.notebook.getCellTextOutput(0))?.join('')).toContain('2');
});

test('interrupting the twin kernel stops a waiting cell and keeps the kernel', async ({ page }) => {
  await page.notebook.createNew('interrupt.ipynb', { kernel: 'immunotwin-target-cell-limited' });
  await page.notebook.setCell(
    0,
    'code',
    'const before = 41; await new Promise((resolve) => setTimeout(resolve, 600_000))',
  );
  await page.notebook.addCell('code', 'before + 1');
  // Start the waiting cell without waiting for it, then interrupt through JupyterLab's command.
  await page.notebook.selectCells(0);
  await page.keyboard.press('Control+Enter');
  await page.waitForTimeout(1000);
  await page.evaluate(() => window.jupyterapp.commands.execute('notebook:interrupt-kernel'));
  await expect(page.locator('.jp-Cell').first().locator('.jp-OutputArea-output')).toContainText('KeyboardInterrupt');
  await page.notebook.runCell(1);
  expect((await page.notebook.getCellTextOutput(1))?.join('')).toContain('42');
});
