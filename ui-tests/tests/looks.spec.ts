import { expect, test, type IJupyterLabPageFixture } from '@jupyterlab/galata';

// What each kind of ImmunoTwin output looks like, in the light and the dark theme, compared with committed
// pictures (looks.spec.ts-snapshots/). A difference of more than 1 % of the pixels fails: enough for
// anti-aliasing noise, far below a moved legend, a lost mode bar icon or a wrong theme colour. The pictures are
// updated only on purpose: `cd ui-tests && npx playwright test --config playwright.config.cjs --project lab
// tests/looks.spec.ts --update-snapshots`, then look at every changed picture before committing it.

// Wide enough for the workbench's side-by-side layout, tall enough for every output to fit on screen.
test.use({ autoGoto: true, viewport: { width: 1500, height: 1100 } });

const TOLERANCE = { maxDiffPixelRatio: 0.01, animations: 'disabled' as const };

/** Runs one cell in a new notebook of `kernel` and waits until its output is drawn in full. */
async function showOutput(page: IJupyterLabPageFixture, kernel: string, code: string, selector: string) {
  await page.notebook.createNew(undefined, { kernel });
  await page.notebook.setCell(0, 'code', code);
  await page.notebook.runCell(0);
  const output = page.locator(selector).first();
  await expect(output).toBeVisible({ timeout: 60_000 });
  // Wait for the elements' own "done" signals: a workbench settled (run and drawing), a plot flushed.
  await output.evaluate(async (node) => {
    const find = (root: ParentNode, tag: string): Element | null => {
      const direct = root.querySelector(tag);
      if (direct) return direct;
      for (const el of root.querySelectorAll('*')) {
        const inner = el.shadowRoot ? find(el.shadowRoot, tag) : null;
        if (inner) return inner;
      }
      return null;
    };
    const workbench = find(node, 'twin-workbench') as (Element & { settled(): Promise<void> }) | null;
    if (workbench) await workbench.settled();
    const plot = find(node, 'twin-timeseries') as (Element & { flushed(): Promise<void> }) | null;
    if (plot) await plot.flushed();
  });
  // Away from the plot, so plotly's hover-only mode bar is hidden; the cell deselected.
  await page.mouse.move(1, 1);
  await page.waitForTimeout(300);
  return output;
}

const PLOT = `const result = await twin.run({ duration: 12 });
twin.plot(result, { log: true, title: 'Target-cell-limited infection' })`;
const WORKBENCH = 'twin.controls({ duration: 12, log: true })';
const TISSUE = `twin.set({ latticeSize: 48 });
await twin.tissue({ duration: 4, times: [0, 4], field: 'virus' })`;

for (const theme of ['light', 'dark'] as const) {
  test.describe(`${theme} theme`, () => {
    test.beforeEach(async ({ page }) => {
      if (theme === 'dark') await page.theme.setDarkTheme();
      else await page.theme.setLightTheme();
    });

    test(`a twin.plot() output (${theme})`, async ({ page }) => {
      const output = await showOutput(page, 'immunotwin-target-cell-limited', PLOT, '.jp-ImmunoTwinPlot');
      await expect(output).toHaveScreenshot(`plot-${theme}.png`, TOLERANCE);
    });

    test(`a workbench (${theme})`, async ({ page }) => {
      const output = await showOutput(page, 'immunotwin-target-cell-limited', WORKBENCH, '.jp-ImmunoTwinWorkbench');
      await expect(output).toHaveScreenshot(`workbench-${theme}.png`, TOLERANCE);
    });

    if (theme === 'light') {
      test('a workbench in a narrow notebook: plot, then the controls below it', async ({ page }) => {
        await page.setViewportSize({ width: 1000, height: 1300 });
        const output = await showOutput(page, 'immunotwin-target-cell-limited', WORKBENCH, '.jp-ImmunoTwinWorkbench');
        await expect(output).toHaveScreenshot('workbench-narrow-light.png', TOLERANCE);
      });
    }

    test(`a tissue view (${theme})`, async ({ page }) => {
      const output = await showOutput(page, 'immunotwin-immune-system', TISSUE, '.jp-ImmunoTwinTissue');
      await expect(output).toHaveScreenshot(`tissue-${theme}.png`, TOLERANCE);
    });
  });
}
