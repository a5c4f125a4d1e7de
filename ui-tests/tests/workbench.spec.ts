import { expect, test, type IJupyterLabPageFixture } from '@jupyterlab/galata';

// In-browser kernel sessions do not survive a reload: every test gets a fresh workspace.
test.use({ autoGoto: true });

/** One plotted trace of the n-th workbench on the page, as plotly holds it. */
interface ITrace {
  name: string;
  dash: string | null;
  points: number;
  peak: number;
}

/** The traces of the n-th workbench's plot (read from plotly's graph div inside the shadow roots). */
function traces(page: IJupyterLabPageFixture, index = 0): Promise<ITrace[]> {
  return page.evaluate((n) => {
    const workbench = document.querySelectorAll('twin-workbench')[n];
    const series = workbench?.shadowRoot?.querySelector('twin-timeseries');
    const graph = series?.shadowRoot?.querySelector('.js-plotly-plot') as
      (HTMLElement & { data?: { name?: string; y?: ArrayLike<number>; line?: { dash?: string } }[] }) | null;
    return (graph?.data ?? []).map((trace) => {
      const y = Array.from(trace.y ?? []);
      return { name: trace.name ?? '', dash: trace.line?.dash ?? null, points: y.length, peak: Math.max(...y) };
    });
  }, index);
}

/** The peak of the first (solid, current-run) trace whose name starts with `label`. */
async function peakOf(page: IJupyterLabPageFixture, label: string): Promise<number> {
  const trace = (await traces(page)).find((t) => t.name.startsWith(label) && !t.dash);
  return trace && trace.points > 1 ? trace.peak : NaN;
}

/** The workbench's parameter slider of `id`. */
const slider = (page: IJupyterLabPageFixture, id: string) =>
  page.locator('twin-workbench twin-controls').locator(`.row[data-parameter="${id}"] input[type="range"]`);

test('twin.controls() shows a live workbench: a slider, an intervention and a pinned run change the plot', async ({
  page,
}) => {
  await page.notebook.createNew('workbench.ipynb', { kernel: 'immunotwin-target-cell-limited' });
  await page.notebook.setCell(0, 'code', 'twin.controls()');
  await page.notebook.runCell(0);
  await expect(page.locator('twin-workbench')).toHaveCount(1);
  // The first run streams in from the workbench's own worker.
  await expect.poll(() => peakOf(page, 'Free virus'), { timeout: 30_000 }).toBeGreaterThan(1e4);
  const baseline = await peakOf(page, 'Free virus');

  // Faster clearance (c up a tenth of the slider, by keyboard): the new run's peak is lower. The plot must
  // follow within 1 s (150 ms debounce + a run of a few ms + drawing).
  await slider(page, 'c').focus();
  await page.keyboard.press('PageUp');
  await expect.poll(() => peakOf(page, 'Free virus'), { timeout: 1000 }).toBeLessThan(baseline * 0.95);
  const faster = await peakOf(page, 'Free virus');

  // Pin it, then add an entry inhibitor: the pinned run stays (dashed) beside the new one.
  await page.locator('twin-workbench button[data-action="pin"]').click();
  await expect.poll(async () => (await traces(page)).filter((t) => t.dash).length).toBeGreaterThan(0);
  await page.locator('twin-workbench twin-interventions button[data-add="entryInhibitor"]').click();
  await expect.poll(() => peakOf(page, 'Free virus'), { timeout: 10_000 }).not.toBeCloseTo(faster, 3);
  const shown = await traces(page);
  const pinned = shown.filter((t) => t.dash && t.name.startsWith('Free virus'));
  expect(pinned).toHaveLength(1);
  expect(pinned[0].peak).toBeCloseTo(faster, 6);
  expect(shown.filter((t) => !t.dash && t.name.startsWith('Free virus'))).toHaveLength(1);
});

test('a python3 kernel displays immunotwin.Workbench(...), and the saved notebook reopens live with no kernel', async ({
  page,
  tmpPath,
}) => {
  await page.notebook.createNew('python-workbench.ipynb', { kernel: 'python3' });
  await page.notebook.setCell(0, 'code', "from immunotwin import Workbench\nWorkbench('target-cell-limited', c=10)");
  await page.notebook.runCell(0);
  await expect(page.locator('twin-workbench')).toHaveCount(1);
  await expect(slider(page, 'c')).toBeVisible();
  await expect.poll(() => peakOf(page, 'Free virus'), { timeout: 30_000 }).toBeGreaterThan(1e3);
  // The field shows the value the Python cell gave.
  const field = page.locator('twin-workbench twin-controls .row[data-parameter="c"] input.field');
  await expect(field).toHaveValue('10');
  // A student's change is written into the output: set c to 20 and save.
  await field.fill('20');
  await field.press('Enter');
  // The workbench writes its new state into the output (after its debounce and a successful load).
  await expect
    .poll(() =>
      page.evaluate(() => {
        const panel = window.jupyterapp.shell.currentWidget as unknown as {
          content: { model: { toJSON(): { cells: { outputs?: { data?: Record<string, unknown> }[] }[] } } };
        };
        const output = panel.content.model.toJSON().cells[0].outputs?.[0];
        const state = output?.data?.['application/vnd.immunotwin.workbench+json'] as
          { scenario: { parameters?: Record<string, number> } } | undefined;
        return state?.scenario.parameters?.c;
      }),
    )
    .toBe(20);
  await page.notebook.save();
  await page.notebook.close(true);
  await page.kernel.shutdownAll();

  // Reopened: the Python kernel starts again, but the workbench does not need it — shut it down, and the
  // workbench still shows the saved state and runs.
  await page.notebook.openByPath(`${tmpPath}/python-workbench.ipynb`);
  await page.evaluate(() => window.jupyterapp.commands.execute('kernelmenu:shutdown'));
  await expect(page.locator('.jp-NotebookPanel-toolbar .jp-KernelName')).toHaveText('No Kernel');
  await expect(page.locator('twin-workbench twin-controls .row[data-parameter="c"] input.field')).toHaveValue('20');
  await expect.poll(() => peakOf(page, 'Free virus'), { timeout: 30_000 }).toBeGreaterThan(0);
  const before = await peakOf(page, 'Free virus');
  await slider(page, 'c').focus();
  await page.keyboard.press('Home');
  await expect.poll(() => peakOf(page, 'Free virus'), { timeout: 10_000 }).toBeGreaterThan(before * 2);
});
