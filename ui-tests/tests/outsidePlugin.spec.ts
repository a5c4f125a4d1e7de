import { expect, test } from '@jupyterlab/galata';
import { HIV_CELL, HIV_KERNEL, hivLogDropInNode } from '../hivReference';
import { expectOutputsInBounds } from '../outputBounds';

// The outside plugin examples/plugin-hiv-latent, installed into .venv by scripts/ensure-example-plugin.mjs as a
// user installs one (pip, prebuilt labextension): its extension registers the model with IModelRegistry, and
// ImmunoTwin gives it a kernel, a launcher card and workbenches whose workers import the plugin's own module.

// In-browser kernel sessions do not survive a reload: every test gets a fresh workspace.
test.use({ autoGoto: true });

/** The file every worker imports the plugin's code from (under the plugin's own static folder). */
const PLUGIN_MODULE = '/immunotwin-model-hiv-latent/static/models/hiv-latent.js';

test('the launcher shows the plugin\'s "HIV Latent Reservoir Twin" card in the ImmunoTwin section', async ({
  page,
}) => {
  const section = page
    .locator('.jp-Launcher-section')
    .filter({ has: page.locator('.jp-Launcher-sectionTitle', { hasText: /^ImmunoTwin$/ }) });
  const card = section.locator('.jp-LauncherCard', { hasText: HIV_KERNEL.displayName });
  await expect(card).toHaveCount(1);
  await card.scrollIntoViewIfNeeded();
  await expect(card).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('launcher.png') });
});

test('a notebook on the plugin kernel runs the model: the same log drop as immunotwin run --plugin prints', async ({
  page,
}) => {
  const expected = hivLogDropInNode();
  // ART for 14 days brings the virus down with slope δ = 1/day for most of the way: between 5 and 14/ln 10 logs.
  expect(Number(expected)).toBeGreaterThan(5);
  expect(Number(expected)).toBeLessThan(14 / Math.LN10);

  const fetched: string[] = [];
  page.on('requestfinished', (request) => fetched.push(request.url()));
  await page.notebook.createNew('hiv.ipynb', { kernel: HIV_KERNEL.name });
  // The kernel's name and state in the status bar (the notebook toolbar may fold its kernel name into "…").
  await expect(page.locator('#jp-main-statusbar')).toContainText(`${HIV_KERNEL.displayName} | Idle`);
  await page.notebook.setCell(0, 'code', HIV_CELL);
  await page.notebook.runCell(0);
  const output = (await page.notebook.getCellTextOutput(0))?.join('\n') ?? '';
  expect(output).toContain(`logs down after 14 days of ART: ${expected}`);
  // The kernel's worker imported the plugin's module from the plugin's own extension.
  expect(fetched.some((url) => url.endsWith(PLUGIN_MODULE))).toBe(true);
});

test.describe('workbench', () => {
  // Tall enough to see the whole workbench (toolbars, plot and controls) at once.
  test.use({ viewport: { width: 1024, height: 1300 } });

  test('twin.controls() on the plugin kernel shows a workbench whose worker runs the plugin, and it comes back after a reload', async ({
    page,
    tmpPath,
  }) => {
    await page.notebook.createNew('hiv-workbench.ipynb', { kernel: HIV_KERNEL.name });
    await page.notebook.setCell(0, 'code', "twin.intervene('art', { start: 10, stop: 120 }); twin.controls()");
    await page.notebook.runCell(0);
    const workbench = page.locator('twin-workbench');
    await expect(workbench).toHaveCount(1);
    await expect(workbench.locator('twin-timeseries .js-plotly-plot svg.main-svg').first()).toBeVisible({
      timeout: 30_000,
    });
    await expect(page.locator('.jp-ImmunoTwinWorkbench-error')).toHaveCount(0);
    // The plot holds the plugin's observables, named as its manifest names them, from a run of its model with
    // ART from day 10: the viral load starts at the untreated set point and ends below 1 copy/mL.
    const viralLoad = () =>
      workbench.evaluate((element) => {
        const series = element.shadowRoot?.querySelector('twin-timeseries');
        const graph = series?.shadowRoot?.querySelector('.js-plotly-plot') as
          (HTMLElement & { data?: { name?: string; y?: ArrayLike<number> }[] }) | null;
        const trace = (graph?.data ?? []).find((t) => (t.name ?? '').startsWith('Viral load'));
        const y = Array.from(trace?.y ?? []);
        return {
          names: (graph?.data ?? []).map((t) => t.name ?? ''),
          first: y[0] ?? NaN,
          last: y[y.length - 1] ?? NaN,
        };
      });
    await expect.poll(async () => (await viralLoad()).last, { timeout: 30_000 }).toBeLessThan(1);
    const drawn = await viralLoad();
    expect(drawn.first).toBeGreaterThan(4e5);
    expect(drawn.names.some((name) => name.startsWith('Latent reservoir'))).toBe(true);
    // A parameter slider of the plugin's model.
    await expect(workbench.locator('twin-controls .row[data-parameter="delta"] input[type="range"]')).toBeVisible();
    // Drawn at its bounded size, as wide as its output row, its first slider in reach.
    const boxes = await expectOutputsInBounds(page, { plots: 0, workbenches: 1, tissues: 0 });
    test.info().annotations.push({ type: 'outputs', description: JSON.stringify(boxes) });
    await page.screenshot({ path: test.info().outputPath('hiv-workbench.png') });

    // Saved and reopened with no kernel: the plugin is installed, so the workbench comes back alive and runs it.
    await page.notebook.save();
    await page.notebook.close(true);
    await page.kernel.shutdownAll();
    await page.notebook.openByPath(`${tmpPath}/hiv-workbench.ipynb`);
    await page.evaluate(() => window.jupyterapp.commands.execute('kernelmenu:shutdown'));
    await expect(page.locator('.jp-ImmunoTwinWorkbench-error')).toHaveCount(0);
    await expect.poll(async () => (await viralLoad()).last, { timeout: 30_000 }).toBeLessThan(1);
    expect((await viralLoad()).first).toBeCloseTo(drawn.first, 6);
  });
});
