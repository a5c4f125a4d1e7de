import { expect, test, type IJupyterLabPageFixture } from '@jupyterlab/galata';
import type { Locator } from '@playwright/test';
import { MAX_HEIGHT } from '../outputBounds';
import { tissueCanvasColours } from '../tissueCanvas';

// The tissue view of a SIMCoV-sized section (3000 × 3000 sites, 30 foci) over its first 0.375 day: frames arrive
// while the run goes on (a live picture with a progress bar whose counter and time advance), then the finished
// view, drawn with WebGL2, pans and zooms (buttons, keys, wheel, drag), pictured at two zooms in both themes.
// 0.375 day is 54 steps of 10 minutes, a few tens of seconds of the kernel's worker.
test.use({ autoGoto: true, viewport: { width: 1200, height: 1000 } });

const SIDE = 3000;
// Pictures are taken at the run's samples: every 1.5 h (9 steps) here. Every requested picture but the last is
// also shown live, so at least two live pictures (0.125 and 0.25 day) come whatever the machine's load; others
// come at samples between as the kernel's wall-time budget for pictures allows.
const CODE = `twin.set({ latticeSize: ${SIDE}, foci: 30 });
await twin.tissue({ times: [0, 0.125, 0.25, 0.375], outputInterval: 0.0625 })`;

interface CameraNow {
  x: number;
  y: number;
  zoom: number;
}

/** Where the view looks now (the element's stage's camera). */
function camera(tissue: Locator): Promise<CameraNow> {
  return tissue.evaluate((el) => (el as unknown as { view: { view: CameraNow } }).view.view);
}

/** The live status line's numbers: percent done and pictures so far; the time label. */
async function liveState(live: Locator, time: Locator) {
  const text = (await live.textContent())!.replace(/\s+/g, ' ');
  const [, percent, pictures] = /running: (\d+) % · live picture (\d+)/.exec(text)!;
  return { percent: Number(percent), pictures: Number(pictures), time: (await time.textContent())! };
}

async function shoot(page: IJupyterLabPageFixture, name: string): Promise<void> {
  await page.mouse.move(1, 1);
  await page.waitForTimeout(400); // the camera's easing settles in well under this
  await page
    .locator('.jp-ImmunoTwinTissue')
    .last()
    .screenshot({ path: test.info().outputPath(name) });
}

test('a 3000² section: live frames while it runs, then a WebGL2 view that pans and zooms', async ({ page }) => {
  test.setTimeout(300_000);
  await page.theme.setLightTheme();
  await page.notebook.createNew('large-tissue.ipynb', { kernel: 'immunotwin-lung' });
  await page.notebook.setCell(0, 'code', CODE);
  const running = page.notebook.runCell(0, { inplace: true });

  // Live: a tissue view with a progress line appears while the cell runs; its counter and time move on.
  const liveView = page.locator('twin-tissue').filter({ has: page.locator('[data-live]') });
  const live = liveView.locator('[data-live]');
  const time = liveView.locator('.controls output');
  await expect(live).toBeVisible({ timeout: 120_000 });
  const first = await liveState(live, time);
  await expect
    .poll(async () => (await liveState(live, time)).pictures, { timeout: 120_000 })
    .toBeGreaterThan(first.pictures);
  const later = await liveState(live, time);
  expect(later.percent).toBeGreaterThanOrEqual(first.percent);
  expect(later.time).not.toBe(first.time);
  // Still running: the finished view (no progress line) has not come yet.
  await expect(page.locator('twin-tissue:not(:has([data-live]))')).toHaveCount(0);
  await page
    .locator('.jp-ImmunoTwinTissue')
    .first()
    .screenshot({ path: test.info().outputPath('live.png') });
  await running;

  // Finished: the live picture became a line of text; the result is the view of the three pictures.
  const cell = page.locator('.jp-Cell').first();
  await expect(cell.locator('.jp-OutputArea-output').first()).toContainText(/tissue: run pictured in [\d.]+ s/);
  const tissue = page.locator('twin-tissue');
  await expect(tissue).toHaveCount(1);
  await expect(tissue.locator('[data-live]')).toHaveCount(0);
  await expect(tissue.locator('.controls output')).toHaveText('day 0');
  await expect(tissue.locator('[data-renderer]')).toHaveAttribute('data-renderer', 'webgl2');
  await expect(tissue.locator('[data-renderer]')).toHaveText('WebGL2');
  // Day 0: the foci are virions on healthy tissue; by day 0.375 cells have taken them up.
  expect(Number(await tissue.locator('li[data-state="healthy"] .count').textContent())).toBe(SIDE * SIDE);
  await tissue.locator('input[type="range"]').fill('3');
  await expect(tissue.locator('.controls output')).toHaveText('day 0.375');
  expect(Number(await tissue.locator('li[data-state="incubating"] .count').textContent())).toBeGreaterThan(0);

  // Bounded and visible: the canvas at most 420 px either way, square like the section, drawn in several colours.
  const canvas = tissue.locator('canvas');
  await expect(canvas).toBeVisible();
  const box = (await canvas.boundingBox())!;
  expect(box.width).toBeGreaterThan(300);
  expect(box.width).toBeLessThanOrEqual(422);
  expect(Math.abs(box.height - box.width)).toBeLessThanOrEqual(2);
  expect((await page.locator('.jp-ImmunoTwinTissue').boundingBox())!.height).toBeLessThanOrEqual(MAX_HEIGHT.tissue);
  expect(await tissueCanvasColours(tissue)).toBeGreaterThan(3);

  // Fit: the whole section, centred.
  const fit = await camera(tissue);
  expect(fit.x).toBe(SIDE / 2);
  // The fit is the canvas's width in sites, read now (the output area may have been settling when boxed above).
  expect(fit.zoom).toBeCloseTo((await canvas.evaluate((c) => c.clientWidth)) / SIDE, 4);
  await expect(tissue.locator('[data-zoom]')).toHaveText('1.0×');
  await shoot(page, 'tissue-fit-light.png');

  // Zoom with the buttons (×1.5 each), the keys (+, and 0 to fit) and the wheel; pan by dragging and with the arrows.
  for (let i = 0; i < 3; i++) await tissue.locator('button[data-action="zoom-in"]').click();
  await expect(tissue.locator('[data-zoom]')).toHaveText('3.4×');
  await canvas.focus();
  await page.keyboard.press('0');
  await expect(tissue.locator('[data-zoom]')).toHaveText('1.0×');
  await page.keyboard.press('+');
  await expect(tissue.locator('[data-zoom]')).toHaveText('1.5×');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  for (let i = 0; i < 10; i++) await page.mouse.wheel(0, -200);
  await expect.poll(async () => (await camera(tissue)).zoom / fit.zoom, { timeout: 5_000 }).toBeGreaterThan(15);
  await page.waitForTimeout(500);
  const zoomed = await camera(tissue);
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + 120, box.y + box.height / 2 + 60, { steps: 8 });
  await page.mouse.up();
  const dragged = await camera(tissue);
  // The tissue follows the pointer: 120 px right shows what was 120/zoom sites to the left.
  expect(dragged.x).toBeCloseTo(zoomed.x - 120 / zoomed.zoom, 1);
  expect(dragged.y).toBeCloseTo(zoomed.y - 60 / zoomed.zoom, 1);
  await canvas.focus();
  await page.keyboard.press('ArrowRight');
  await expect.poll(async () => (await camera(tissue)).x).toBeGreaterThan(dragged.x + 1);
  await shoot(page, 'tissue-zoomed-light.png');

  // The dark theme: the same view at both zooms.
  await page.theme.setDarkTheme();
  await shoot(page, 'tissue-zoomed-dark.png');
  await tissue.locator('button[data-action="fit"]').click();
  await expect(tissue.locator('[data-zoom]')).toHaveText('1.0×');
  await shoot(page, 'tissue-fit-dark.png');
});
