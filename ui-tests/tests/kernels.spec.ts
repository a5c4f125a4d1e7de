import { expect, test } from '@jupyterlab/galata';
import { startLongCell } from '../longCell';

// In-browser kernel sessions do not survive a reload: every test gets a fresh workspace.
test.use({ autoGoto: true });

test('the launcher offers the twin kernel beside Python', async ({ page }) => {
  const launcher = page.locator('.jp-Launcher');
  await expect(launcher.locator('.jp-LauncherCard[title="Within-host Twin"]').first()).toBeVisible();
  await expect(launcher.locator('.jp-LauncherCard[title="Lung Twin"]').first()).toBeVisible();
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
  await page.notebook.createNew('interrupt-wait.ipynb', { kernel: 'immunotwin-target-cell-limited' });
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

test('interrupting a long simulation stops it within the 2 s grace and keeps earlier variables', async ({ page }) => {
  // A thousand exact stochastic (SSA) runs of an infection of 10^7 cells: minutes of work in the kernel's worker.
  await startLongCell(
    page,
    'interrupt-run.ipynb',
    "const before = 41; twin.set({ U0: 1e7, V0: 100 }); await twin.run({ method: 'ssa', replicates: 1000 })",
    'before + 1',
  );
  await page.waitForTimeout(1500);
  await page.evaluate(() => window.jupyterapp.commands.execute('notebook:interrupt-kernel'));
  const output = page.locator('.jp-Cell').first().locator('.jp-OutputArea');
  await expect(output).toContainText('KeyboardInterrupt');
  // Had the run not stopped within 2 s, the kernel would have restarted its worker and said so.
  await expect(output).not.toContainText('WorkerRestarted');
  await page.notebook.runCell(1);
  expect((await page.notebook.getCellTextOutput(1))?.join('')).toContain('42');
});

test('an endless loop is recovered by restarting the worker, and the next cell runs', async ({ page }) => {
  await page.notebook.createNew('endless.ipynb', { kernel: 'immunotwin-target-cell-limited' });
  await page.notebook.setCell(0, 'code', 'const lost = 1;');
  await page.notebook.addCell('code', 'while (true) {}');
  await page.notebook.addCell('code', 'typeof lost + " " + (6 * 7)');
  await page.notebook.runCell(0);
  await page.notebook.selectCells(1);
  await page.keyboard.press('Control+Enter');
  await page.waitForTimeout(1000);
  await page.evaluate(() => window.jupyterapp.commands.execute('notebook:interrupt-kernel'));
  const looping = page.locator('.jp-Cell').nth(1);
  // The loop never checks the interrupt flag: after 2 s the worker is restarted and the user is told.
  await expect(looping.locator('.jp-OutputArea')).toContainText('WorkerRestarted', { timeout: 15_000 });
  await expect(looping.locator('.jp-OutputArea')).toContainText('variables from earlier cells are lost');
  await page.notebook.runCell(2);
  // The new worker runs the next cell; the earlier cell's variable is gone, as the notice said.
  expect((await page.notebook.getCellTextOutput(2))?.join('')).toContain('undefined 42');
});

test.describe('opened by URL', () => {
  // Galata's readiness check waits for a Launcher tab; a page opened on a notebook has none.
  test.use({
    // eslint-disable-next-line no-empty-pattern -- Playwright fixtures take their dependencies destructured
    waitForApplication: async ({}, use) => {
      await use(async (page) => {
        await page.locator('#jupyterlab-splash').waitFor({ state: 'detached' });
      });
    },
  });

  test('a twin notebook opened by its URL as JupyterLab starts gets its kernel without asking', async ({
    page,
    tmpPath,
  }) => {
    const notebook = {
      cells: [{ cell_type: 'code', execution_count: null, metadata: {}, outputs: [], source: ['6 * 7'] }],
      metadata: {
        kernelspec: {
          name: 'immunotwin-target-cell-limited',
          display_name: 'Within-host Twin',
          language: 'typescript',
        },
      },
      nbformat: 4,
      nbformat_minor: 5,
    };
    await page.contents.uploadContent(JSON.stringify(notebook), 'text', `${tmpPath}/startup.ipynb`);
    // A fresh page load straight onto the notebook: the kernelspecs must already hold the twin kernel.
    await page.goto(`tree/${tmpPath}/startup.ipynb`);
    await expect(page.locator('.jp-NotebookPanel-toolbar .jp-KernelName')).toHaveText('Within-host Twin');
    await expect(page.locator('.jp-Dialog')).toHaveCount(0);
    await page.notebook.runCell(0);
    expect((await page.notebook.getCellTextOutput(0))?.join('')).toContain('42');
  });
});
