/**
 * What a student meets after Run All, measured in the page: the height of every output, and whether each
 * workbench's first parameter slider can be reached — shared by the server-JupyterLab tests
 * (tests/notebooks.spec.ts) and the JupyterLite ones (lite-tests/templates.spec.ts).
 */
import { expect, type Page } from '@playwright/test';

/**
 * The tallest an output of each kind may be, in CSS pixels. They follow from the widgets' fixed sizes: a
 * plot is 400 px plus its collapsed summary; a tissue view is at most 420 px of picture plus its controls;
 * a workbench stacks two toolbars, a 380 px plot and a controls panel of at most 420 px; a study's figures are
 * 320 px each with a title and caption, two abreast when wide (a study of three figures, one column when narrow); a
 * patient widget stacks a toolbar, a 160 px table, a 380 px plot, 110 px of estimates and 180 px of profiles when
 * narrow (table beside plot, estimates beside profiles, when wide). No output may grow
 * with its own content (the defect this guards against was a plot 33,554,432 px tall). Other outputs (text,
 * tables) are JupyterLab's and as long as the template makes them: they only must not be absurd.
 */
export const MAX_HEIGHT = { plot: 500, tissue: 600, workbench: 1000, study: 1400, patient: 1000, any: 3000 };

/** One output as measured. */
export interface IOutputBox {
  /** `plot`, `workbench`, `tissue`, `study` or `other`. */
  kind: 'plot' | 'workbench' | 'tissue' | 'study' | 'patient' | 'other';
  /** Rendered height and width (px). */
  height: number;
  width: number;
  /** The width it may fill: from its left edge to the right edge of its output row (px). */
  areaWidth: number;
}

/** Where a workbench's first slider is, relative to its plot. */
export interface ISliderReach {
  /** Slider top minus plot top (px): ≥ 0 when the slider is beside or below the plot's top. */
  fromPlotTop: number;
  /** Slider bottom minus plot bottom (px): ≤ one screen when the slider is within reach below the plot. */
  belowPlotBottom: number;
  /** The slider is rendered with a size and is not scrolled out of its panel. */
  shown: boolean;
}

/**
 * Checks what a student meets after Run All: every output within its kind's height bound and as wide as its
 * row, the expected number of each kind, and each workbench's first slider shown beside or within one screen
 * below its plot. Returns the measurements (for a message or a report).
 */
export async function expectOutputsInBounds(
  page: Page,
  expected: { plots: number; workbenches: number; tissues: number; studies?: number; patients?: number },
  measure: (page: Page) => Promise<IOutputBox[]> = async (p) => {
    await visitOutputs(p);
    return measureOutputs(p);
  },
): Promise<IOutputBox[]> {
  // A workbench shows "Loading the twin…" (at the plot's height) until its worker has the model: wait for every
  // workbench's controls and drawn plot, so what is measured is what the student gets.
  if (expected.workbenches > 0) {
    await expect(page.locator('twin-workbench twin-controls')).toHaveCount(expected.workbenches, { timeout: 30_000 });
    await expect(page.locator('twin-workbench twin-timeseries .js-plotly-plot svg.main-svg').first()).toBeVisible({
      timeout: 30_000,
    });
  }
  const boxes = await measure(page);
  for (const box of boxes) {
    const limit = box.kind === 'other' ? MAX_HEIGHT.any : MAX_HEIGHT[box.kind];
    expect(box.height, `a ${box.kind} output's height (all: ${JSON.stringify(boxes)})`).toBeLessThanOrEqual(limit);
    if (box.kind !== 'other') {
      expect(box.height, `a ${box.kind} output is drawn`).toBeGreaterThan(100);
      expect(box.width, `a ${box.kind} output fills its row`).toBeGreaterThanOrEqual(box.areaWidth - 2);
    }
  }
  expect(boxes.filter((b) => b.kind === 'plot')).toHaveLength(expected.plots);
  expect(boxes.filter((b) => b.kind === 'workbench')).toHaveLength(expected.workbenches);
  expect(boxes.filter((b) => b.kind === 'tissue')).toHaveLength(expected.tissues);
  expect(boxes.filter((b) => b.kind === 'study')).toHaveLength(expected.studies ?? 0);
  expect(boxes.filter((b) => b.kind === 'patient')).toHaveLength(expected.patients ?? 0);
  const screen = page.viewportSize()!.height;
  const workbench = page.locator('twin-workbench').last();
  if (expected.workbenches > 0) await workbench.scrollIntoViewIfNeeded();
  for (const reach of await sliderReach(page)) {
    expect(reach.shown, 'the first slider is shown in its panel').toBe(true);
    expect(reach.fromPlotTop, 'the first slider is beside or below the plot').toBeGreaterThanOrEqual(0);
    expect(reach.belowPlotBottom, 'the first slider is within one screen below the plot').toBeLessThanOrEqual(screen);
  }
  return boxes;
}

/** Scrolls every output into view once (outputs of cells far off screen may be laid out lazily). */
export async function visitOutputs(page: Page): Promise<void> {
  const count = await page.locator('.jp-OutputArea-output').count();
  for (let i = 0; i < count; i++) {
    await page
      .locator('.jp-OutputArea-output')
      .nth(i)
      .evaluate((e) => e.scrollIntoView({ block: 'center' }));
  }
}

/**
 * Measures outputs in the page (serialised by Playwright, so everything it uses is inside it): all those in the
 * page at once, or cell by cell, bringing each cell into view first through the notebook's own `scrollToItem`
 * (server JupyterLab with Galata's `window.jupyterapp`).
 */
async function measureInPage(byCell: boolean): Promise<IOutputBox[]> {
  const measureOne = (element: Element): IOutputBox => {
    const box = element.getBoundingClientRect();
    const row = element.closest('.jp-OutputArea-child')?.getBoundingClientRect() ?? box;
    const kind = element.classList.contains('jp-ImmunoTwinPlot')
      ? 'plot'
      : element.classList.contains('jp-ImmunoTwinWorkbench')
        ? 'workbench'
        : element.classList.contains('jp-ImmunoTwinTissue')
          ? 'tissue'
          : element.classList.contains('jp-ImmunoTwinStudy')
            ? 'study'
            : element.classList.contains('jp-ImmunoTwinPatient')
              ? 'patient'
              : 'other';
    return {
      kind,
      height: Math.round(box.height),
      width: Math.round(box.width),
      areaWidth: Math.round(row.right - box.left),
    };
  };
  if (!byCell) return [...document.querySelectorAll('.jp-OutputArea-output')].map(measureOne);
  const notebook = (
    window as unknown as {
      jupyterapp: {
        shell: {
          currentWidget: {
            content: { widgets: { node: HTMLElement }[]; scrollToItem(i: number, align?: string): Promise<void> };
          };
        };
      };
    }
  ).jupyterapp.shell.currentWidget.content;
  const boxes: IOutputBox[] = [];
  for (let i = 0; i < notebook.widgets.length; i++) {
    await notebook.scrollToItem(i, 'center');
    // Let a re-attached output lay itself out and redraw (two animation frames and a little).
    await new Promise((resolve) => setTimeout(resolve, 250));
    boxes.push(...[...notebook.widgets[i].node.querySelectorAll('.jp-OutputArea-output')].map(measureOne));
  }
  return boxes;
}

/**
 * Measures every output of the current notebook cell by cell, each cell brought into view first: in the
 * "full" windowing mode cells out of view are not in the page at all, so this is the way to see each one as a
 * student would (server JupyterLab only).
 */
export function measureOutputsByCell(page: Page): Promise<IOutputBox[]> {
  return page.evaluate(measureInPage, true);
}

/** Measures every output in the page. */
export function measureOutputs(page: Page): Promise<IOutputBox[]> {
  return page.evaluate(measureInPage, false);
}

/** For each workbench: where its first parameter slider is, relative to its plot. */
export function sliderReach(page: Page): Promise<ISliderReach[]> {
  return page.locator('twin-workbench').evaluateAll((workbenches) =>
    workbenches.map((workbench) => {
      const series = workbench.shadowRoot?.querySelector('twin-timeseries');
      const slider = workbench.shadowRoot
        ?.querySelector('twin-controls')
        ?.shadowRoot?.querySelector('input[type="range"]');
      const side = workbench.shadowRoot?.querySelector('.side');
      // Not loaded (or loaded wrong): reported as a slider not shown, not as an error of the test.
      if (!series || !slider || !side) return { fromPlotTop: NaN, belowPlotBottom: NaN, shown: false };
      const plot = series.getBoundingClientRect();
      const box = slider.getBoundingClientRect();
      const panel = side.getBoundingClientRect();
      return {
        fromPlotTop: Math.round(box.top - plot.top),
        belowPlotBottom: Math.round(box.bottom - plot.bottom),
        shown: box.width > 0 && box.height > 0 && box.top >= panel.top && box.bottom <= panel.bottom,
      };
    }),
  );
}
