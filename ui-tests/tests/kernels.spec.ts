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
  const output = await page.notebook.getCellTextOutput(0);
  // The text/plain summary of the result: the peak of each observable and when.
  expect(output?.join('\n')).toMatch(/V \(Free virus\): peak [\d.e+]+ TCID50\/mL at day/);
});

test('a Python notebook still runs on the server', async ({ page }) => {
  await page.notebook.createNew('python.ipynb', { kernel: 'python3' });
  await page.notebook.setCell(0, 'code', '1 + 1');
  await page.notebook.runCell(0);
  expect((await page.notebook.getCellTextOutput(0))?.join('')).toContain('2');
});
