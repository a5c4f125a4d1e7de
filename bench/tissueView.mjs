/**
 * Tissue view benchmark (issue 13): panning and zooming a 3000² section in a real Chromium. The page
 * (bench/tissueView/) shows one `<twin-tissue>` of a synthetic section (infection foci, a virion field, immune
 * cells); Playwright drags it across the canvas and zooms with the wheel, and the page measures, in its own clock,
 *   - each draw's own time (the renderer's work on the main thread for one camera), and
 *   - the intervals between animation frames while the view moves (what the eye sees as smoothness).
 * WebGL2 (the view's renderer) is measured side by side with the canvas 2D fallback, interleaved, in one run.
 * Chromium here has no GPU: WebGL2 runs on SwiftShader (the CPU), so a GPU only does better.
 */
import { join } from 'node:path';
import { buildPage, launchChromium, ROOT, serve } from './browserPage.mjs';
import { median, report } from './harness.mjs';

const PAGE = join(ROOT, 'bench', 'tissueView');
const OUT = join(ROOT, 'dist', 'bench-tissue-view');
const SIDE = Number(process.env.TISSUE_SIDE ?? 3000);
const ROUNDS = 2;
/** Pointer moves per drag (each one camera, one draw). */
const MOVES = 60;

const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
};

await buildPage({ page: PAGE, out: OUT, packages: ['engine', 'widgets'] });
const server = await serve(OUT);
const browser = await launchChromium('tissueView');
const page = await browser.newPage({ viewport: { width: 1000, height: 800 } });
await page.goto(`http://127.0.0.1:${server.address().port}/`);
await page.waitForFunction(() => 'tissueBench' in globalThis);

/** Drags the view across and back, zooms in with the wheel and drags again; the page's measurements. */
async function pan(renderer) {
  const mounted = await page.evaluate(([side, r]) => globalThis.tissueBench.mount(side, r), [SIDE, renderer]);
  const box = await page.locator('twin-tissue canvas').boundingBox();
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  await page.evaluate(() => globalThis.tissueBench.record());
  for (let zoom = 0; zoom < 2; zoom++) {
    await page.mouse.move(cx, cy);
    await page.mouse.down();
    for (let i = 1; i <= MOVES; i++) await page.mouse.move(cx + 120 * Math.sin((i / MOVES) * 2 * Math.PI), cy + i);
    await page.mouse.up();
    for (let i = 0; i < 8; i++) {
      await page.mouse.wheel(0, -120);
      await page.waitForTimeout(30);
    }
  }
  await page.waitForTimeout(300);
  const measured = await page.evaluate(() => globalThis.tissueBench.stop());
  return { ...mounted, ...measured };
}

const runs = { auto: [], canvas2d: [] };
for (let round = 0; round < ROUNDS; round++) {
  for (const renderer of round % 2 === 0 ? ['auto', 'canvas2d'] : ['canvas2d', 'auto']) {
    runs[renderer].push(await pan(renderer));
  }
}
await page.locator('twin-tissue').screenshot({ path: join(OUT, 'last.png') });
await browser.close();
server.close();

const pooled = (list, key) => list.flatMap((r) => r[key]);
const gl = runs.auto;
const canvas = runs.canvas2d;
const notes = [
  `${SIDE}² sites; renderer "auto" drew with ${gl[0].kind}; each drag: ${MOVES} pointer moves, then 8 wheel ticks, twice`,
  `showing the picture (decode, levels of detail, upload): ${gl.map((r) => r.showMs.toFixed(0)).join(', ')} ms with ${gl[0].kind}, ${canvas.map((r) => r.showMs.toFixed(0)).join(', ')} ms with canvas 2D`,
  `draw (main thread): median ${median(pooled(gl, 'draws')).toFixed(2)} ms, p95 ${percentile(pooled(gl, 'draws'), 95).toFixed(2)} ms with ${gl[0].kind}; median ${median(pooled(canvas, 'draws')).toFixed(2)} ms, p95 ${percentile(pooled(canvas, 'draws'), 95).toFixed(2)} ms with canvas 2D`,
  `frame interval while moving: median ${median(pooled(gl, 'intervals')).toFixed(1)} ms, p95 ${percentile(pooled(gl, 'intervals'), 95).toFixed(1)} ms with ${gl[0].kind}; median ${median(pooled(canvas, 'intervals')).toFixed(1)} ms, p95 ${percentile(pooled(canvas, 'intervals'), 95).toFixed(1)} ms with canvas 2D`,
];
report({
  name: `tissue view: panning a ${SIDE}² section`,
  unit: 'draws/s (main thread)',
  engine: 1000 / median(pooled(gl, 'draws')),
  baseline: 1000 / median(pooled(canvas, 'draws')),
  baselineLabel: 'canvas 2D fallback',
  notes,
});
