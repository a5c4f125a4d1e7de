import { expect, test, type IJupyterLabPageFixture } from '@jupyterlab/galata';

// The workbench's size follows the page, never its own content: it fills the output's width as the window or the
// notebook panel changes, keeps its plot's height, and lays plot and controls side by side only where it is wide
// enough. plotly's own stylesheet reaches into the shadow roots (the mode bar is drawn as plotly means it).

test.use({ autoGoto: true, viewport: { width: 1500, height: 1000 } });

/** Where the workbench's parts are (px, page coordinates), and the width plotly drew its figure at. */
interface ILayout {
  output: { width: number; height: number };
  plot: { top: number; bottom: number; width: number; height: number };
  /** Top of the panel holding the parameters and interventions. */
  controlsTop: number;
  drawnWidth: number;
}

function layout(page: IJupyterLabPageFixture): Promise<ILayout> {
  return page.locator('.jp-ImmunoTwinWorkbench').evaluate((output) => {
    const workbench = output.querySelector('twin-workbench')!;
    const series = workbench.shadowRoot!.querySelector('twin-timeseries')!;
    const plot = series.getBoundingClientRect();
    const controls = workbench.shadowRoot!.querySelector('.side')!.getBoundingClientRect();
    const svg = series.shadowRoot!.querySelector('svg.main-svg')!;
    const box = output.getBoundingClientRect();
    return {
      output: { width: Math.round(box.width), height: Math.round(box.height) },
      plot: {
        top: Math.round(plot.top),
        bottom: Math.round(plot.bottom),
        width: Math.round(plot.width),
        height: Math.round(plot.height),
      },
      controlsTop: Math.round(controls.top),
      drawnWidth: Math.round(Number(svg.getAttribute('width'))),
    };
  });
}

/** Waits until plotly's figure has the width of its element (a resize is followed at the next frames). */
async function settledLayout(page: IJupyterLabPageFixture): Promise<ILayout> {
  await expect
    .poll(async () => {
      const now = await layout(page);
      return Math.abs(now.drawnWidth - now.plot.width);
    })
    .toBeLessThanOrEqual(1);
  return layout(page);
}

test('a workbench follows the window and the notebook panel, with a fixed plot height and no growth', async ({
  page,
}) => {
  await page.notebook.createNew(undefined, { kernel: 'immunotwin-target-cell-limited' });
  await page.notebook.setCell(0, 'code', 'twin.controls({ duration: 12 })');
  await page.notebook.runCell(0);
  await expect(page.locator('twin-workbench .js-plotly-plot svg.main-svg').first()).toBeVisible({ timeout: 30_000 });
  await page.sidebar.close('left');
  const wide = await settledLayout(page);
  // Wide: the controls beside the plot, their tops level; the plot 380 px tall.
  expect(wide.plot.height).toBe(380);
  expect(Math.abs(wide.controlsTop - wide.plot.top)).toBeLessThanOrEqual(2);
  expect(wide.plot.width).toBeLessThan(wide.output.width * 0.75);

  // The notebook panel narrows (a sidebar opens) with the window unchanged: the figure follows.
  await page.sidebar.open('left');
  await page.sidebar.setWidth(500, 'left');
  const panel = await settledLayout(page);
  expect(panel.output.width).toBeLessThan(wide.output.width);
  expect(panel.plot.height).toBe(380);

  // A narrow window: plot, then the controls below it, the whole still bounded.
  await page.setViewportSize({ width: 900, height: 1000 });
  const narrow = await settledLayout(page);
  expect(narrow.plot.height).toBe(380);
  expect(narrow.controlsTop).toBeGreaterThan(narrow.plot.bottom);
  expect(narrow.plot.width).toBeGreaterThanOrEqual(narrow.output.width - 2);
  expect(narrow.output.height).toBeLessThanOrEqual(1000);

  // And back: side by side again, at the same size as before (nothing grew on the way).
  await page.setViewportSize({ width: 1500, height: 1000 });
  await page.sidebar.close('left');
  const again = await settledLayout(page);
  expect(again).toEqual(wide);
});

test("plotly's stylesheet applies inside the widgets' shadow roots: the mode bar is styled", async ({ page }) => {
  await page.notebook.createNew(undefined, { kernel: 'immunotwin-target-cell-limited' });
  await page.notebook.setCell(0, 'code', 'twin.plot(await twin.run({ duration: 5 }))');
  await page.notebook.runCell(0);
  const plot = page.locator('.jp-ImmunoTwinPlot .js-plotly-plot').first();
  await expect(plot.locator('svg.main-svg').first()).toBeVisible({ timeout: 30_000 });
  await plot.hover();
  const modebar = plot.locator('.modebar').first();
  await expect(modebar).toBeVisible();
  const look = await modebar.evaluate((bar) => {
    const icon = bar.querySelector('.modebar-btn path')!;
    return {
      position: getComputedStyle(bar).position,
      iconFill: getComputedStyle(icon).fill,
      buttons: bar.querySelectorAll('.modebar-btn').length,
    };
  });
  // plotly's rules place the bar over the plot's corner and colour its icons; without them the bar sits in the
  // flow and its icons are black squares.
  expect(look.position).toBe('absolute');
  expect(look.iconFill).not.toBe('rgb(0, 0, 0)');
  expect(look.buttons).toBeGreaterThan(3);
});
