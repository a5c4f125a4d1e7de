import { expect, test } from '@jupyterlab/galata';
import { printedSeries, seriesCell } from '../seriesCell';
import { tissueCanvasColours } from '../tissueCanvas';

// In-browser kernel sessions do not survive a reload: every test gets a fresh workspace.
test.use({ autoGoto: true });

test('the Immune System Twin kernel runs the agent-based twin, plots it and shows its tissue', async ({ page }) => {
  await expect(page.locator('.jp-LauncherCard[title="Immune System Twin"]').first()).toBeVisible();
  await page.notebook.createNew('immune.ipynb', { kernel: 'immunotwin-immune-system' });
  await page.notebook.setCell(
    0,
    'code',
    "const r = await twin.run({ duration: 8 });\ntwin.plot(r, { observables: ['virus', 'tissueCTLs'], log: true })",
  );
  await page.notebook.runCell(0, { inplace: true });
  await expect(
    page.locator('.jp-Cell').first().locator('.jp-ImmunoTwinPlot .js-plotly-plot svg.main-svg').first(),
  ).toBeVisible({ timeout: 30_000 });

  // The same cell, now picturing the tissue.
  await page.notebook.setCell(0, 'code', 'await twin.tissue({ duration: 4, times: [0, 2, 4] })');
  await page.notebook.runCell(0, { inplace: true });
  const tissue = page.locator('.jp-Cell').first().locator('twin-tissue');
  await expect(tissue).toHaveCount(1);
  await expect(tissue.locator('output')).toHaveText('day 0');
  // Infection spreads: by day 4 some sites are infected or dead (the legend counts them).
  const count = async (state: string) => Number(await tissue.locator(`li[data-state="${state}"] .count`).textContent());
  const initiallyHealthy = await count('healthy');
  await tissue.locator('input[type="range"]').fill('2');
  await expect(tissue.locator('output')).toHaveText('day 4');
  expect(await count('healthy')).toBeLessThan(initiallyHealthy);
  // The canvas is painted: more than one colour on it.
  const colours = await tissueCanvasColours(tissue);
  expect(colours).toBeGreaterThan(2);
});

test('the same seed gives bit-identical numbers in the browser kernel and in Node', async ({ page }) => {
  // The browser's worker steps the fields in the WebAssembly kernel, as Node does; both must agree to the bit
  // (JSON keeps every double exactly).
  const ids = ['virus', 'infected', 'interferon', 'chemokine', 'tissueCTLs'];
  await expect(page.locator('.jp-LauncherCard[title="Immune System Twin"]').first()).toBeVisible();
  await page.notebook.createNew('same-seed.ipynb', { kernel: 'immunotwin-immune-system' });
  await page.notebook.setCell(0, 'code', seriesCell('{ duration: 4, seed: 7 }', ids));
  const browser = await printedSeries(page);

  const { simulateSync } = await import('@immunotwin/engine');
  const { immuneModel } = await import('@immunotwin/model-immune');
  const node = simulateSync(immuneModel, { model: 'immune-system', duration: 4, seed: 7 }).runs[0];
  expect(browser).toEqual(ids.map((id) => Array.from(node.observables[id])));
  // The run did something worth comparing: the virus grew and interferon was made.
  expect(Math.max(...browser[0])).toBeGreaterThan(10);
  expect(Math.max(...browser[2])).toBeGreaterThan(0);
});
