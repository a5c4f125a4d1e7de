import { expect, test, type IJupyterLabPageFixture, type Locator } from '@jupyterlab/galata';
import { MAX_HEIGHT } from '../outputBounds';
import { tissueCanvasColours } from '../tissueCanvas';

// The Lung Twin's workbench with the tissue view of its run: pictures come from the workbench's own worker
// session while the run goes, the view follows the run, its time slider looks back over the kept pictures (the
// plot marks that time), its field picker re-runs with another field drawn, and a
// parameter change re-runs and re-pictures it — within the workbench's bounds, side by side and stacked, light and
// dark; saved and reopened, the workbench runs again and shows the same tissue and field. A 120 × 120 section with T cells from
// day 1 (every epithelial state shows by day 6; see lung.spec.ts). One test, both themes (the theme switches on the
// page), to keep its time down.
test.use({ autoGoto: true, viewport: { width: 1500, height: 1100 } });

/** The count a tissue legend shows for a cell state or an immune cell type. */
async function legendCount(tissue: Locator, what: string): Promise<number> {
  return Number(await tissue.locator(`li${what} .count`).textContent());
}

/** The counts of every cell state and immune cell type the legend shows (the picture's census). */
async function census(tissue: Locator): Promise<string> {
  return (await tissue.locator('li .count').allTextContents()).join(' ');
}

/** Screenshots of the workbench in the light and the dark theme, named `name-light.png` and `name-dark.png`. */
async function screenshots(page: IJupyterLabPageFixture, name: string): Promise<void> {
  await page.mouse.move(1, 1);
  for (const theme of ['light', 'dark'] as const) {
    if (theme === 'dark') await page.theme.setDarkTheme();
    else await page.theme.setLightTheme();
    await page.locator('.jp-ImmunoTwinWorkbench').screenshot({ path: test.info().outputPath(`${name}-${theme}.png`) });
  }
  await page.theme.setLightTheme();
}

test('the Lung Twin workbench shows the tissue of its run, follows it and looks back', async ({ page, tmpPath }) => {
  await page.notebook.createNew('lung-bench.ipynb', { kernel: 'immunotwin-lung' });
  await page.notebook.setCell(
    0,
    'code',
    'twin.set({ latticeSize: 120, tCellDelay: 1 });\ntwin.controls({ duration: 6 })',
  );
  await page.notebook.runCell(0, { inplace: true });
  const workbench = page.locator('twin-workbench');
  await expect(workbench.locator('twin-controls')).toBeVisible({ timeout: 30_000 });
  const settle = () => workbench.evaluate((el) => (el as Element & { settled(): Promise<void> }).settled());
  await settle();

  // The tissue view of the finished run: following it, at its last picture (day 6), pixels drawn.
  const tissue = workbench.locator('twin-run-tissue twin-tissue');
  await expect(tissue.locator('canvas')).toBeVisible();
  await expect(tissue.locator('output')).toHaveText('day 6');
  await expect(tissue.locator('input[data-action="follow"]')).toBeChecked();
  expect(await tissueCanvasColours(tissue)).toBeGreaterThan(3);
  expect(await legendCount(tissue, '[data-state="dead"]')).toBeGreaterThan(0);
  // The kept pictures: more than the first and the last, never more than the bound (64).
  const pictures = Number(await tissue.locator('input[type="range"]').getAttribute('max')) + 1;
  expect(pictures).toBeGreaterThan(2);
  expect(pictures).toBeLessThanOrEqual(64);

  // Bounded: the canvas at most 300 px either way, the workbench within its bound, the tissue beside the
  // controls (under the plot) and inside the workbench's width.
  const box = async (locator: Locator) => (await locator.boundingBox())!;
  const bench = await box(page.locator('.jp-ImmunoTwinWorkbench'));
  const canvas = await box(tissue.locator('canvas'));
  const plot = await box(workbench.locator('twin-timeseries'));
  const side = await box(workbench.locator('.side'));
  const view = await box(workbench.locator('twin-run-tissue'));
  expect(canvas.width).toBeGreaterThan(200);
  expect(Math.max(canvas.width, canvas.height)).toBeLessThanOrEqual(302);
  expect(bench.height).toBeLessThanOrEqual(MAX_HEIGHT.workbench);
  expect(view.y).toBeGreaterThanOrEqual(plot.y + plot.height);
  expect(side.x).toBeGreaterThanOrEqual(view.x + view.width);
  expect(side.y + side.height).toBeLessThanOrEqual(view.y + view.height + 2);
  expect(view.x + view.width).toBeLessThanOrEqual(bench.x + bench.width);

  // Looking back: the slider's first picture is the start (all healthy but the foci); the view stops following.
  const atEnd = await census(tissue);
  await tissue.locator('input[type="range"]').fill('0');
  await expect(tissue.locator('output')).toHaveText('day 0');
  await expect(tissue.locator('input[data-action="follow"]')).not.toBeChecked();
  expect(await legendCount(tissue, '[data-state="dead"]')).toBe(0);
  expect(await legendCount(tissue, '[data-state="healthy"]')).toBe(14_400);

  // The plot marks the time looked at: a dotted line at that day across the plot, gone when the view follows the
  // run again. A picture mid-run, so the line stands clear of the axis.
  const marker = workbench.locator('twin-timeseries .layer-above .shapelayer path');
  await tissue.locator('input[type="range"]').fill(String(Math.floor((pictures - 1) / 2)));
  const day = Number((await tissue.locator('output').textContent())!.replace('day ', ''));
  expect(day).toBeGreaterThan(1);
  expect(day).toBeLessThan(5);
  await expect(marker).toHaveCount(1);
  const dayX = await workbench.locator('twin-timeseries').evaluate((element, time) => {
    const node = element.shadowRoot!.querySelector('.plot') as HTMLElement & {
      _fullLayout: { xaxis: { _offset: number; d2p(value: number): number } };
    };
    const axis = node._fullLayout.xaxis;
    return node.getBoundingClientRect().left + axis._offset + axis.d2p(time);
  }, day);
  const line = await box(marker);
  expect(Math.abs(line.x + line.width / 2 - dayX)).toBeLessThan(3);
  expect(line.height).toBeGreaterThan(0.5 * plot.height);

  await screenshots(page, 'lung-workbench');
  await tissue.locator('input[data-action="follow"]').check();
  await expect(marker).toHaveCount(0);

  // The field picker lists the section's five fields; picking the cytokine runs again and draws it (the same run:
  // the same census at day 6).
  const picker = workbench.locator('twin-run-tissue select[data-action="tissue-field"]');
  await expect(picker.locator('option')).toHaveCount(5);
  await expect(picker).toHaveValue('virions');
  await picker.selectOption('cytokine');
  await settle();
  await expect(tissue.locator('output')).toHaveText('day 6');
  await expect(tissue).toContainText('green glow: cytokine');
  await expect(picker).toHaveValue('cytokine');
  expect(await census(tissue)).toBe(atEnd);
  expect(await tissueCanvasColours(tissue)).toBeGreaterThan(3);

  // A parameter change re-runs: the view follows the new run to its end, and its tissue differs (T cells from day
  // 5 instead of day 1: a different census at day 6).
  const delay = workbench.locator('twin-controls [data-parameter="tCellDelay"] input.field');
  await delay.fill('5');
  await delay.press('Enter');
  await settle();
  await expect(tissue.locator('input[data-action="follow"]')).toBeChecked();
  await expect(tissue.locator('output')).toHaveText('day 6');
  expect(await census(tissue)).not.toBe(atEnd);
  expect(await tissueCanvasColours(tissue)).toBeGreaterThan(3);

  // Saved and reopened with no kernel: the output holds the state, not the pictures; the workbench runs it again
  // and shows the same tissue at day 6 (same scenario and seed: the same run).
  const changed = await census(tissue);
  await page.notebook.save();
  const saved = await (await page.request.get(`api/contents/${tmpPath}/lung-bench.ipynb`)).json();
  const outputs: { data?: Record<string, unknown> }[] = saved.content.cells[0].outputs;
  const state = outputs.find((output) => output.data?.['application/vnd.immunotwin.workbench+json'])!.data![
    'application/vnd.immunotwin.workbench+json'
  ] as { scenario: { parameters: Record<string, number> }; view?: { tissueField?: string } };
  expect(state.scenario.parameters).toMatchObject({ latticeSize: 120, tCellDelay: 5 });
  expect(state.view?.tissueField).toBe('cytokine');
  // No picture in the notebook: one picture of the 120² section would take over 19 kB of base64 alone.
  expect(JSON.stringify(saved).length).toBeLessThan(15_000);
  await page.notebook.close(true);
  await page.kernel.shutdownAll();
  await page.notebook.openByPath(`${tmpPath}/lung-bench.ipynb`);
  await expect(workbench.locator('twin-controls')).toBeVisible({ timeout: 30_000 });
  await settle();
  await expect(tissue.locator('output')).toHaveText('day 6');
  await expect(delay).toHaveValue('5');
  expect(await census(tissue)).toBe(changed);
  await expect(picker).toHaveValue('cytokine');
  await expect(tissue).toContainText('green glow: cytokine');

  // A saved field the model lacks (the state edited by hand): the run is not lost; the view draws the first
  // field, says so above the picture (within the workbench's width), and the picker is there to choose.
  await page.notebook.close(true);
  await page.kernel.shutdownAll();
  state.view = { ...state.view, tissueField: 'oxygen' };
  const written = await page.request.put(`api/contents/${tmpPath}/lung-bench.ipynb`, {
    data: { type: 'notebook', format: 'json', content: saved.content },
  });
  expect(written.ok()).toBe(true);
  await page.notebook.openByPath(`${tmpPath}/lung-bench.ipynb`);
  await expect(workbench.locator('twin-controls')).toBeVisible({ timeout: 30_000 });
  await settle();
  const note = workbench.locator('twin-run-tissue .note');
  await expect(note).toHaveText(
    'Lung Twin has no field "oxygen": drawing "virions"; its fields: virions, ifn, chemokine, cytokine, ros',
  );
  await expect(tissue.locator('output')).toHaveText('day 6');
  await expect(picker).toHaveValue('virions');
  await expect(tissue).toContainText('green glow: virions');
  const noteBox = await box(note);
  const viewBox = await box(workbench.locator('twin-run-tissue'));
  expect(noteBox.x + noteBox.width).toBeLessThanOrEqual(viewBox.x + viewBox.width);
  expect(noteBox.height).toBeLessThan(24); // one line: the workbench's height is bounded
  await screenshots(page, 'lung-workbench-stale-field');

  // Stacked in a narrow notebook: plot, tissue, controls one under the other, still within the bound.
  await page.setViewportSize({ width: 600, height: 1100 });
  await page.sidebar.close('left').catch(() => undefined);
  await expect
    .poll(async () => (await box(workbench.locator('.side'))).y)
    .toBeGreaterThan((await box(workbench.locator('twin-run-tissue'))).y);
  const narrow = await box(page.locator('.jp-ImmunoTwinWorkbench'));
  const narrowView = await box(workbench.locator('twin-run-tissue'));
  const narrowPlot = await box(workbench.locator('twin-timeseries'));
  expect(narrowView.y).toBeGreaterThanOrEqual(narrowPlot.y + narrowPlot.height);
  expect(narrowView.x + narrowView.width).toBeLessThanOrEqual(narrow.x + narrow.width);
  expect(narrow.height).toBeLessThanOrEqual(MAX_HEIGHT.workbench);
  test.info().annotations.push({ type: 'heights', description: JSON.stringify({ wide: bench, narrow }) });
  expect(await tissueCanvasColours(tissue)).toBeGreaterThan(3);
  await screenshots(page, 'lung-workbench-narrow');

  // While a run goes (played at 2 days a second), the view follows it: its time moves on picture after picture.
  await workbench.locator('select#speed').selectOption('2');
  await workbench.locator('.toolbar button[data-action="play"]').click();
  const seen = new Set<string>();
  await expect
    .poll(
      async () => {
        seen.add((await tissue.locator('output').textContent()) ?? '');
        return seen.size;
      },
      { intervals: [100], timeout: 15_000 },
    )
    .toBeGreaterThanOrEqual(4);
  await settle();
  await expect(tissue.locator('output')).toHaveText('day 6');
});
