import { expect, test, type IJupyterLabPageFixture } from '@jupyterlab/galata';
import { MAX_HEIGHT } from '../outputBounds';
import { printedSeries, seriesCell } from '../seriesCell';
import { tissueCanvasColours } from '../tissueCanvas';

// The Lung Twin's own kernel: its launcher card, its workbench and its tissue view, in the light and the dark
// theme. A 200 × 200 section with T cells from day 1: by day 3 and 6 every epithelial state is on it (the
// default 100 × 100 section is all dead by day 6) and still only a second or two of work in the worker.
// Wide enough for the workbench's side-by-side layout.
test.use({ autoGoto: true, viewport: { width: 1500, height: 1100 } });

const SECTION = 'twin.set({ latticeSize: 200, tCellDelay: 1 });';
const STATES = ['healthy', 'incubating', 'expressing', 'apoptotic', 'dead', 'antiviral'];

/** The count the tissue legend shows for a cell state or an immune cell type. */
async function legendCount(page: IJupyterLabPageFixture, what: string): Promise<number> {
  return Number(await page.locator(`.jp-ImmunoTwinTissue twin-tissue li${what} .count`).textContent());
}

for (const theme of ['light', 'dark'] as const) {
  test(`the Lung Twin kernel shows its workbench and its tissue view (${theme})`, async ({ page }) => {
    if (theme === 'dark') await page.theme.setDarkTheme();
    else await page.theme.setLightTheme();
    await expect(page.locator('.jp-LauncherCard[title="Lung Twin"]').first()).toBeVisible();
    await page.notebook.createNew(`lung-${theme}.ipynb`, { kernel: 'immunotwin-lung' });
    await expect(page.locator('.jp-NotebookPanel-toolbar .jp-KernelName')).toHaveText('Lung Twin');

    // The workbench: controls from the lung's parameters and a live plot of its run.
    await page.notebook.setCell(0, 'code', `${SECTION}\ntwin.controls({ duration: 10 })`);
    await page.notebook.runCell(0, { inplace: true });
    const workbench = page.locator('twin-workbench');
    await expect(workbench).toHaveCount(1);
    await expect(workbench.locator('twin-controls')).toBeVisible({ timeout: 30_000 });
    await workbench.evaluate((el) => (el as Element & { settled(): Promise<void> }).settled());
    await expect(workbench.locator('twin-timeseries .js-plotly-plot svg.main-svg').first()).toBeVisible();
    await expect(workbench.locator('twin-controls input[type="range"]').first()).toBeVisible();
    // Its controls are the lung's: the section side holds the value set in the cell.
    await expect(workbench.locator('twin-controls [data-parameter="latticeSize"] input.field')).toHaveValue('200');
    const bench = (await page.locator('.jp-ImmunoTwinWorkbench').boundingBox())!;
    expect(bench.height).toBeGreaterThan(300);
    expect(bench.height).toBeLessThanOrEqual(MAX_HEIGHT.workbench);
    expect(bench.width).toBeLessThanOrEqual(1500);

    // The tissue view, in a second cell.
    await page.notebook.addCell('code', 'await twin.tissue({ times: [0, 3, 6] })');
    await page.notebook.runCell(1, { inplace: true });
    const tissue = page.locator('.jp-ImmunoTwinTissue twin-tissue');
    await expect(tissue).toHaveCount(1, { timeout: 60_000 });
    await expect(tissue.locator('canvas')).toBeVisible();
    await expect(tissue.locator('output')).toHaveText('day 0');
    // A legend of the six epithelial states and the immune cells (CD8 T cells, macrophages, neutrophils, NK cells),
    // and the virions glowing by default.
    await expect(tissue.locator('li[data-state]')).toHaveText(STATES.map((s) => new RegExp(`^\\s*${s}\\s+\\d+\\s*$`)));
    await expect(tissue.locator('li[data-agent]')).toHaveText(
      ['cd8', 'macrophage', 'neutrophil', 'nk'].map((agent) => new RegExp(`^\\s*${agent}\\s+\\d+\\s*$`)),
    );
    await expect(tissue.locator('input[data-action="field"]')).toBeChecked();
    await expect(tissue.locator('.controls label').filter({ hasText: 'virions' })).toBeVisible();
    expect(await legendCount(page, '[data-state="healthy"]')).toBe(40_000);
    // Day 3: the foci have spread (cells incubating and expressing); day 6: T cells in the tissue.
    await tissue.locator('input[type="range"]').fill('1');
    await expect(tissue.locator('output')).toHaveText('day 3');
    expect(await legendCount(page, '[data-state="incubating"]')).toBeGreaterThan(0);
    expect(await legendCount(page, '[data-state="expressing"]')).toBeGreaterThan(0);
    expect(await tissueCanvasColours(tissue)).toBeGreaterThan(3);
    await tissue.locator('input[type="range"]').fill('2');
    await expect(tissue.locator('output')).toHaveText('day 6');
    expect(await legendCount(page, '[data-agent="cd8"]')).toBeGreaterThan(0);
    // Bounded: the picture at most 420 px either way, the whole view within a tissue output's height.
    const canvas = (await tissue.locator('canvas').boundingBox())!;
    expect(canvas.width).toBeGreaterThan(200);
    expect(canvas.width).toBeLessThanOrEqual(422);
    expect(canvas.height).toBeLessThanOrEqual(422);
    const view = (await page.locator('.jp-ImmunoTwinTissue').boundingBox())!;
    expect(view.height).toBeGreaterThan(canvas.height);
    expect(view.height).toBeLessThanOrEqual(MAX_HEIGHT.tissue);

    await page.mouse.move(1, 1);
    await page
      .locator('.jp-ImmunoTwinWorkbench')
      .screenshot({ path: test.info().outputPath(`workbench-${theme}.png`) });
    await page.locator('.jp-ImmunoTwinTissue').scrollIntoViewIfNeeded();
    await page.locator('.jp-ImmunoTwinTissue').screenshot({ path: test.info().outputPath(`tissue-${theme}.png`) });
  });
}

test('the same seed gives the same bits in the browser kernel and in Node, with a floor and the cytokine on voxels', async ({
  page,
}) => {
  // The worker runs the Lung Twin's WebAssembly kernels (fields, the voxels' readings, epithelium, T cells, innate
  // cells) as Node does; under fieldFloor the x sweep's forward recurrence is flushed below the x floor, and with
  // cytokineVoxel 4 the sites read the cytokine's voxels. Both must agree to the bit (JSON keeps every double).
  const parameters = { latticeSize: 150, tCellDelay: 1, fieldFloor: 1e-9, cytokineVoxel: 4 };
  const ids = ['virions', 'infected', 'interferon', 'cytokine', 'neutrophils', 'tCells'];
  await page.notebook.createNew('lung-same-seed.ipynb', { kernel: 'immunotwin-lung' });
  await page.notebook.setCell(
    0,
    'code',
    `twin.set(${JSON.stringify(parameters)});\n${seriesCell('{ duration: 3, seed: 5 }', ids)}`,
  );
  const browser = await printedSeries(page);

  const { simulateSync } = await import('@immunotwin/engine');
  const { lungModel } = await import('@immunotwin/model-lung');
  const node = simulateSync(lungModel, { model: 'lung', duration: 3, seed: 5, parameters }).runs[0];
  expect(browser).toEqual(ids.map((id) => Array.from(node.observables[id])));
  // The run did something worth comparing: the infection spread, cytokine was made and neutrophils came.
  expect(Math.max(...browser[1])).toBeGreaterThan(10);
  expect(Math.max(...browser[3])).toBeGreaterThan(0);
  expect(Math.max(...browser[4])).toBeGreaterThan(0);
});
