import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { expect, test, type IJupyterLabPageFixture } from '@jupyterlab/galata';

// A study output (the study bundle of twin.sweep() / twin.sensitivity(), application/vnd.immunotwin.study+json) as a
// person meets it in a saved notebook: fixtures/study.ipynb holds one with every figure kind (a heatmap, a line
// with its interval, a PRCC tornado and Sobol' bars with error bars, a histogram, a median with its band), made by
// fixtures/write-study-notebook.mjs from real runs of the target-cell-limited model. Each figure must be drawn,
// within its bounded height and the notebook's width, in the light and the dark theme; the pictures are compared
// with committed ones (study.spec.ts-snapshots/; update on purpose with --update-snapshots, then look at them) and
// also written to the test's output folder.

// Tall enough for the whole study (three rows of figures) to be on screen for its picture.
test.use({ autoGoto: true, viewport: { width: 1500, height: 1400 } });

const NAME = 'study.ipynb';
const FIXTURE = path.resolve(__dirname, '../fixtures', NAME);
const KINDS = ['heatmap', 'line', 'bars', 'bars', 'histogram', 'band'];
const TOLERANCE = { maxDiffPixelRatio: 0.01, animations: 'disabled' as const };

/** Opens the fixture and waits until every figure of its study has been drawn and fitted to its width. */
async function openStudy(page: IJupyterLabPageFixture, tmpPath: string) {
  await page.contents.uploadFile(FIXTURE, `${tmpPath}/${NAME}`);
  await page.notebook.openByPath(`${tmpPath}/${NAME}`);
  await page.notebook.activate(NAME);
  const output = page.locator('.jp-ImmunoTwinStudy');
  await expect(output.locator('twin-study figure')).toHaveCount(KINDS.length, { timeout: 30_000 });
  await settle(page);
  return output;
}

/** Waits for the study's own "drawn" signal, twice around two animation frames (a resize it set off is drawn too). */
async function settle(page: IJupyterLabPageFixture) {
  await page.locator('twin-study').evaluate(async (element) => {
    const study = element as Element & { flushed(): Promise<void> };
    const frame = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    await study.flushed();
    await frame();
    await study.flushed();
  });
  // Away from the figures, so plotly's hover-only mode bars are hidden.
  await page.mouse.move(1, 1);
}

/** Every figure: drawn by plotly, visible, of bounded height, inside the output's width. */
async function expectFiguresInBounds(page: IJupyterLabPageFixture) {
  const output = page.locator('.jp-ImmunoTwinStudy');
  const figures = output.locator('twin-study figure');
  expect(await figures.evaluateAll((list) => list.map((f) => (f as HTMLElement).dataset.kind))).toEqual(KINDS);
  const area = (await output.boundingBox())!;
  const row = (await page.locator('.jp-OutputArea-child', { has: output }).boundingBox())!;
  expect(area.x + area.width, 'the output fits its row').toBeLessThanOrEqual(row.x + row.width + 1);
  for (let i = 0; i < KINDS.length; i++) {
    const figure = figures.nth(i);
    await figure.scrollIntoViewIfNeeded();
    await expect(figure.locator('.js-plotly-plot .main-svg').first()).toBeVisible();
    await expect(figure.locator('.plot[role="img"]')).toHaveAttribute('aria-label', /\w+ .*\d/);
    const box = (await figure.boundingBox())!;
    expect(box.height, `figure ${i} (${KINDS[i]}) height`).toBeLessThan(400);
    expect(box.height, `figure ${i} (${KINDS[i]}) is drawn`).toBeGreaterThan(250);
    expect(box.x, `figure ${i} starts inside the output`).toBeGreaterThanOrEqual(area.x - 1);
    expect(box.x + box.width, `figure ${i} ends inside the output`).toBeLessThanOrEqual(area.x + area.width + 1);
    // plotly's drawing fills the figure's plot area and no more (it is sized to its container, never the reverse).
    const plot = (await figure.locator('.plot').boundingBox())!;
    const svg = (await figure.locator('.js-plotly-plot .main-svg').first().boundingBox())!;
    expect(Math.abs(svg.width - plot.width), `figure ${i}'s plot fits its width`).toBeLessThanOrEqual(2);
    expect(svg.height, `figure ${i}'s plot fits its height`).toBeLessThanOrEqual(plot.height + 1);
  }
  return figures;
}

for (const theme of ['light', 'dark'] as const) {
  test(`a saved study draws every figure within bounds (${theme} theme)`, async ({ page, tmpPath }) => {
    if (theme === 'dark') await page.theme.setDarkTheme();
    else await page.theme.setLightTheme();
    const output = await openStudy(page, tmpPath);
    await expect(output.locator('twin-study [aria-level="2"]')).toHaveText('Which parameters decide the viral peak?');
    await expect(output.locator('twin-study header .muted')).toHaveText(
      /Target-cell-limited virus infection · [\d,]+ runs/,
    );
    const figures = await expectFiguresInBounds(page);

    // The heatmap's colour bar, titled with the value's label and unit, and its log axes.
    const heatmap = figures.nth(0);
    await expect(heatmap.locator('.colorbar')).toHaveCount(1);
    await expect(heatmap.locator('.colorbar .cbtitle')).toContainText('TCID50/mL');
    await expect(heatmap.locator('.xtitle')).toContainText('β');
    // The bars' error bars (the Sobol' figure) and the tornado's parameters down its y axis.
    await expect(figures.nth(3).locator('g.errorbar path').first()).toBeAttached();
    await expect(figures.nth(2).locator('.yaxislayer-above .ytick')).toHaveCount(4);
    // The band and the line's interval are filled areas.
    await expect(figures.nth(5).locator('path.js-fill')).not.toHaveCount(0);
    await expect(figures.nth(1).locator('path.js-fill')).not.toHaveCount(0);

    // Two columns at this width: the first two figures side by side.
    const [first, second] = [(await figures.nth(0).boundingBox())!, (await figures.nth(1).boundingBox())!];
    expect(Math.abs(first.y - second.y)).toBeLessThanOrEqual(1);
    expect(second.x).toBeGreaterThan(first.x + first.width - 1);

    await output.scrollIntoViewIfNeeded();
    await output.screenshot({ path: test.info().outputPath(`study-${theme}.png`) });
    await expect(output).toHaveScreenshot(`study-${theme}.png`, TOLERANCE);
  });
}

test('in a narrow notebook the figures stack in one column, each still bounded', async ({ page, tmpPath }) => {
  await page.setViewportSize({ width: 800, height: 2400 });
  await openStudy(page, tmpPath);
  const figures = await expectFiguresInBounds(page);
  const [first, second] = [(await figures.nth(0).boundingBox())!, (await figures.nth(1).boundingBox())!];
  expect(second.y).toBeGreaterThanOrEqual(first.y + first.height);
  expect(Math.abs(first.x - second.x)).toBeLessThanOrEqual(1);
  await figures.nth(0).scrollIntoViewIfNeeded();
  await page.locator('.jp-ImmunoTwinStudy').screenshot({ path: test.info().outputPath('study-narrow-light.png') });
});

test('a study with a bad figure shows the field that is wrong, not a blank', async ({ page, tmpPath }) => {
  const notebook = JSON.parse(readFileSync(FIXTURE, 'utf8')) as {
    cells: { outputs?: { data: Record<string, { figures: { z?: unknown[][] }[] }> }[] }[];
  };
  const bundle = notebook.cells[1].outputs![0].data['application/vnd.immunotwin.study+json'];
  bundle.figures[0].z![2] = [1, 2];
  await page.contents.uploadContent(JSON.stringify(notebook), 'text', `${tmpPath}/bad-${NAME}`);
  await page.notebook.openByPath(`${tmpPath}/bad-${NAME}`);
  await page.notebook.activate(`bad-${NAME}`);
  await expect(page.locator('.jp-ImmunoTwinStudy twin-study [role="alert"]')).toContainText(
    'figures[0].z[2]: has 2 values; expected 9',
  );
});
