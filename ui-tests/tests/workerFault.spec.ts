import { expect, test, type IJupyterLabPageFixture } from '@jupyterlab/galata';
import { startLongCell } from '../longCell';
import { settled } from '../workbenchSettled';

// A workbench whose worker dies mid-run (the worker closes itself: the browser ends it as it would a crashed one)
// says why, and Restart brings it back with its state, without reloading the page. In the light and the dark theme.
test.use({ autoGoto: true });

/** The peaks of the first workbench's virus traces: the live run (solid) and the pinned one (dashed). */
function virusPeaks(page: IJupyterLabPageFixture): Promise<{ live: number; pinned: number }> {
  return page.evaluate(() => {
    const workbench = document.querySelector('twin-workbench');
    const series = workbench?.shadowRoot?.querySelector('twin-timeseries');
    const graph = series?.shadowRoot?.querySelector('.js-plotly-plot') as
      (HTMLElement & { data?: { name?: string; y?: ArrayLike<number>; line?: { dash?: string } }[] }) | null;
    const peak = (dashed: boolean): number => {
      const trace = (graph?.data ?? []).find(
        (t) => (t.name ?? '').startsWith('Free virus') && Boolean(t.line?.dash) === dashed,
      );
      const y = Array.from(trace?.y ?? []);
      return y.length > 1 ? Math.max(...y) : NaN;
    };
    return { live: peak(false), pinned: peak(true) };
  });
}

/**
 * Closes a worker of the page from inside, found by the label its name starts with (`immunotwin-widget-session`,
 * `immunotwin-kernel`).
 */
async function killWorker(page: IJupyterLabPageFixture, label: string): Promise<void> {
  for (const worker of page.workers()) {
    const name = await worker.evaluate(() => (self as unknown as { name: string }).name).catch(() => '');
    if (name.startsWith(label)) {
      await worker.evaluate(() => (self as unknown as { close(): void }).close());
      return;
    }
  }
  throw new Error(`no ${label} worker on the page`);
}

const progress = (page: IJupyterLabPageFixture) =>
  page.locator('twin-workbench [role="progressbar"]').getAttribute('aria-valuenow').then(Number);

for (const theme of ['light', 'dark'] as const) {
  test(`a workbench whose worker dies mid-run says why, and Restart brings it back with its state (${theme})`, async ({
    page,
  }) => {
    if (theme === 'dark') await page.theme.setDarkTheme();
    else await page.theme.setLightTheme();
    await page.notebook.createNew(`fault-${theme}.ipynb`, { kernel: 'immunotwin-target-cell-limited' });
    await page.notebook.setCell(0, 'code', 'twin.controls()');
    await page.notebook.runCell(0);
    const workbench = page.locator('twin-workbench');
    await expect.poll(async () => (await virusPeaks(page)).live, { timeout: 30_000 }).toBeGreaterThan(1e4);

    // State worth keeping: c changed by a step of its slider, that run pinned, then an entry inhibitor added.
    const c = workbench.locator('twin-controls .row[data-parameter="c"]');
    const cValue = c.locator('input.field');
    const defaultC = await cValue.inputValue();
    await c.locator('input[type="range"]').focus();
    await page.keyboard.press('PageUp');
    await expect(cValue).not.toHaveValue(defaultC);
    const chosenC = await cValue.inputValue();
    await page.waitForTimeout(300); // the new run (a few ms) is in
    await workbench.locator('button[data-action="pin"]').click();
    await expect.poll(async () => (await virusPeaks(page)).pinned).toBeGreaterThan(0);
    await workbench.locator('twin-interventions button[data-add="entryInhibitor"]').click();
    // The inhibited run is in when its peak parts from the pinned one.
    await expect
      .poll(async () => {
        const { live, pinned } = await virusPeaks(page);
        return Math.abs(live - pinned) / pinned;
      })
      .toBeGreaterThan(1e-3);
    await expect(workbench.locator('[role="progressbar"]')).toHaveAttribute('aria-valuenow', '100');
    await settled(page);
    const before = await virusPeaks(page);

    // Slowly played, so the worker dies mid-run.
    await workbench.locator('select#speed').selectOption('0.5');
    await workbench.locator('button[data-action="play"]').click();
    await expect.poll(() => progress(page)).toBeGreaterThan(0);
    await killWorker(page, 'immunotwin-widget-session');

    const alert = workbench.locator('[role="alert"]');
    const restart = workbench.locator('button[data-action="restart"]');
    await expect(alert).toContainText(
      "The twin's worker is gone. The worker stopped: it closed, crashed or was terminated.",
      { timeout: 10_000 },
    );
    await expect(restart).toBeVisible();
    expect(await progress(page)).toBeLessThan(100);
    // The notice fits the workbench: the button is whole and inside it, the text wraps within it.
    const box = (await workbench.boundingBox())!;
    const button = (await restart.boundingBox())!;
    const notice = (await alert.boundingBox())!;
    expect(button.width).toBeGreaterThan(40);
    expect(button.height).toBeGreaterThan(16);
    expect(button.x + button.width).toBeLessThanOrEqual(box.x + box.width);
    expect(notice.width).toBeLessThanOrEqual(box.width);
    await page.mouse.move(1, 1);
    await page
      .locator('.jp-ImmunoTwinWorkbench')
      .screenshot({ path: test.info().outputPath(`worker-died-${theme}.png`) });

    await restart.click();
    await expect(restart).toHaveCount(0);
    await expect(alert).toHaveText('');
    // Its state came back: the speed, c, the entry inhibitor and the pinned run, recomputed in a new worker.
    await expect(workbench.locator('select#speed')).toHaveValue('0.5');
    await expect(cValue).toHaveValue(chosenC);
    await expect(workbench.locator('twin-interventions .bar')).toHaveCount(1);
    // The new worker plays it at the saved speed; full speed finishes it.
    await expect(workbench.locator('button[data-action="pause"]')).toBeVisible();
    await workbench.locator('select#speed').selectOption('Infinity');
    await expect.poll(() => progress(page), { timeout: 10_000 }).toBe(100);
    // Drawn: the same peaks as before the worker died.
    await settled(page);
    const after = await virusPeaks(page);
    expect(after.live).toBeCloseTo(before.live, 6);
    expect(after.pinned).toBeCloseTo(before.pinned, 6);
    await page.mouse.move(1, 1);
    await page
      .locator('.jp-ImmunoTwinWorkbench')
      .screenshot({ path: test.info().outputPath(`worker-restarted-${theme}.png`) });
  });
}

test('a twin kernel whose worker dies mid-run answers the cell with the reason, and the next cell runs', async ({
  page,
}) => {
  // Thousands of short exact stochastic runs (many chunks): seconds of work in the kernel's worker, which dies a
  // second in.
  await startLongCell(
    page,
    'kernel-fault.ipynb',
    "const lost = 1; twin.set({ U0: 1e7, V0: 10 }); await twin.run({ method: 'ssa', duration: 10, replicates: 3000 })",
    'typeof lost + " " + (6 * 7)',
  );
  await page.waitForTimeout(1000);
  await killWorker(page, 'immunotwin-kernel');
  const output = page.locator('.jp-Cell').first().locator('.jp-OutputArea');
  await expect(output).toContainText('WorkerDiedError: The worker stopped: it closed, crashed or was terminated.', {
    timeout: 10_000,
  });
  await expect(output).toContainText(
    "The kernel's worker died and was restarted; variables from earlier cells are lost.",
  );
  await page.notebook.runCell(1);
  // The new worker runs the next cell; the earlier cell's variable is gone, as the notice said.
  expect((await page.notebook.getCellTextOutput(1))?.join('')).toContain('undefined 42');
});
