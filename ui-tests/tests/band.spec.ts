import { expect, test, type IJupyterLabPageFixture } from '@jupyterlab/galata';
import { MAX_HEIGHT } from '../outputBounds';
import { settled } from '../workbenchSettled';

// A workbench switched from one live run to a band: a cohort of virtual patients (any model) or replicates (a
// stepped model), drawn as a median with shaded bands, in the light and the dark theme. Wide enough for the
// workbench's side-by-side layout.
test.use({ autoGoto: true, viewport: { width: 1500, height: 1100 } });

/** What the n-th workbench's plot holds: its traces (name, filled or not, points) as plotly has them. */
interface IPlotted {
  name: string;
  filled: boolean;
  points: number;
  median: number;
}

function plotted(page: IJupyterLabPageFixture, index = 0): Promise<IPlotted[]> {
  return page.evaluate((n) => {
    const series = document.querySelectorAll('twin-workbench')[n]?.shadowRoot?.querySelector('twin-timeseries');
    const graph = series?.shadowRoot?.querySelector('.js-plotly-plot') as
      (HTMLElement & { data?: { name?: string; fill?: string; y?: ArrayLike<number> }[] }) | null;
    return (graph?.data ?? []).map((trace) => {
      const y = Array.from(trace.y ?? []);
      return { name: trace.name ?? '', filled: trace.fill === 'tonexty', points: y.length, median: y[y.length >> 1] };
    });
  }, index);
}

/** The shaded areas plotly drew in the n-th workbench: their count and the smallest of their boxes. */
function fillBoxes(page: IJupyterLabPageFixture, index = 0): Promise<{ count: number; smallest: number }> {
  return page.evaluate((n) => {
    const series = document.querySelectorAll('twin-workbench')[n]?.shadowRoot?.querySelector('twin-timeseries');
    const fills = [...(series?.shadowRoot?.querySelectorAll('.scatterlayer path.js-fill') ?? [])];
    const areas = fills.map((f) => {
      const box = f.getBoundingClientRect();
      return getComputedStyle(f).visibility === 'visible' && Number(getComputedStyle(f).fillOpacity) > 0
        ? box.width * box.height
        : 0;
    });
    return { count: fills.length, smallest: areas.length ? Math.min(...areas) : 0 };
  }, index);
}

/** The rendered size of the n-th workbench's plot and of its whole output. */
async function sizes(page: IJupyterLabPageFixture, index = 0) {
  const plot = await page.locator('twin-workbench twin-timeseries').nth(index).boundingBox();
  const output = await page.locator('.jp-ImmunoTwinWorkbench').nth(index).boundingBox();
  return { plot: plot!, output: output! };
}

/** The workbench state written into the first output of the current notebook. */
function savedView(page: IJupyterLabPageFixture): Promise<unknown> {
  return page.evaluate(() => {
    const panel = window.jupyterapp.shell.currentWidget as unknown as {
      content: { model: { toJSON(): { cells: { outputs?: { data?: Record<string, unknown> }[] }[] } } };
    };
    const output = panel.content.model.toJSON().cells[0].outputs?.[0];
    return (output?.data?.['application/vnd.immunotwin.workbench+json'] as { view?: unknown } | undefined)?.view;
  });
}

for (const theme of ['light', 'dark'] as const) {
  test(`a workbench switched to a cohort shows its median and bands, at the same size (${theme})`, async ({ page }) => {
    if (theme === 'dark') await page.theme.setDarkTheme();
    else await page.theme.setLightTheme();
    await page.notebook.createNew(`cohort-${theme}.ipynb`, { kernel: 'immunotwin-target-cell-limited' });
    await page.notebook.setCell(0, 'code', "twin.controls({ duration: 12, log: true, observables: ['V', 'I'] })");
    await page.notebook.runCell(0);
    await expect(page.locator('twin-workbench twin-controls')).toHaveCount(1, { timeout: 30_000 });
    await settled(page);
    const before = await sizes(page);

    // The model is an ODE: replicates are off, and the control says why.
    const show = page.locator('twin-workbench twin-band-control select#show');
    await expect(show).toBeVisible();
    await expect(show.locator('option[value="replicates"]')).toBeDisabled();
    await expect(show).toHaveAttribute('title', /Replicates need a stochastic method/);

    await show.selectOption('cohort');
    await expect(page.locator('twin-workbench twin-band-control select#size')).toHaveValue('20');
    await settled(page);
    const shown = await plotted(page);
    expect(shown.filter((t) => t.filled)).toHaveLength(4); // 25–75 % and 5–95 % for V and I
    expect(shown.map((t) => t.name)).toEqual(expect.arrayContaining(['Free virus (TCID50/mL) median']));
    expect(shown.some((t) => t.name === 'Free virus (TCID50/mL)')).toBe(false); // no live run under it
    const fills = await fillBoxes(page);
    expect(fills.count).toBe(4);
    expect(fills.smallest).toBeGreaterThan(100); // every band is drawn with an area, not a line
    await expect(page.locator('twin-workbench .band-caption')).toContainText('Cohort of 20 virtual patients');
    await expect(page.locator('twin-workbench [role="progressbar"]')).toHaveAttribute('aria-valuenow', '100');
    expect(await savedView(page)).toEqual({ logY: true, band: { kind: 'cohort', size: 20, spread: 0.3 } });

    // The plot keeps its bounded size; the output stays within the workbench's bound.
    const after = await sizes(page);
    expect(after.plot.height).toBeCloseTo(before.plot.height, 0);
    expect(after.plot.width).toBeCloseTo(before.plot.width, 0);
    expect(after.output.height).toBeLessThanOrEqual(MAX_HEIGHT.workbench);

    // A wider spread: the band is recomputed, wider.
    const median = shown.find((t) => t.name === 'Free virus (TCID50/mL) median')!.median;
    await page.locator('twin-workbench twin-band-control select#spread').selectOption('1');
    await settled(page);
    const wider = await plotted(page);
    expect(wider.find((t) => t.name === 'Free virus (TCID50/mL) median')!.median).not.toBe(median);

    // The list of varied parameters opens over the plot without moving it.
    await page.locator('twin-workbench twin-band-control details.vary summary').click();
    await expect(page.locator('twin-workbench twin-band-control input[data-vary="beta"]')).toBeChecked();
    expect((await sizes(page)).plot.y).toBeCloseTo(after.plot.y, 0);
    await page.locator('twin-workbench').screenshot({ path: test.info().outputPath(`cohort-vary-${theme}.png`) });
    await page.locator('twin-workbench twin-band-control details.vary summary').click();

    await page.mouse.move(1, 1); // plotly's mode bar shows on hover only
    await page.locator('.jp-ImmunoTwinWorkbench').screenshot({ path: test.info().outputPath(`cohort-${theme}.png`) });
  });
}

test('replicates of a stepped model: the band follows a parameter change, and back to one run', async ({ page }) => {
  await page.notebook.createNew('replicates.ipynb', { kernel: 'immunotwin-immune-system' });
  await page.notebook.setCell(
    0,
    'code',
    "twin.set({ latticeSize: 32 });\ntwin.controls({ duration: 4, observables: ['virus', 'infected'], band: { kind: 'replicates', size: 10 } })",
  );
  await page.notebook.runCell(0);
  await expect(page.locator('twin-workbench twin-controls')).toHaveCount(1, { timeout: 60_000 });
  const show = page.locator('twin-workbench twin-band-control select#show');
  await expect(show).toHaveValue('replicates');
  await expect(show.locator('option[value="replicates"]')).toBeEnabled();
  await settled(page);
  expect((await plotted(page)).filter((t) => t.filled)).toHaveLength(4);
  expect((await fillBoxes(page)).smallest).toBeGreaterThan(0);
  await expect(page.locator('twin-workbench .band-caption')).toHaveText(
    /10 replicates: median with 25–75 % and 5–95 % bands/,
  );
  const { plot } = await sizes(page);
  await page.mouse.move(1, 1);
  await page.locator('.jp-ImmunoTwinWorkbench').screenshot({ path: test.info().outputPath('replicates-light.png') });

  // A parameter change recomputes the band (the median changes).
  const before = (await plotted(page)).find((t) => t.name.endsWith('median'))!;
  const field = page.locator('twin-workbench twin-controls .row[data-parameter="inoculum"] input.field');
  await field.fill('200');
  await field.press('Enter');
  await expect
    .poll(async () => (await plotted(page)).find((t) => t.name === before.name)?.median, { timeout: 60_000 })
    .not.toBe(before.median);
  await settled(page);
  expect((await sizes(page)).plot.height).toBeCloseTo(plot.height, 0);

  // Back to one run: the live run is drawn, no band.
  await show.selectOption('run');
  await settled(page);
  const live = await plotted(page);
  expect(live.filter((t) => t.filled)).toHaveLength(0);
  expect(live.some((t) => t.points > 1 && !t.name.endsWith('median'))).toBe(true);
  await expect(page.locator('twin-workbench button[data-action="play"]')).toBeVisible();
});
