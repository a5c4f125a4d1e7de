/**
 * Tissue view benchmark (issue 13): panning and zooming a 3000² section in a real Chromium. The page
 * (bench/tissueView/) shows one `<twin-tissue>` of a synthetic section (infection foci, a virion field, immune
 * cells); Playwright drags it across the canvas and zooms with the wheel, and the page measures, in its own clock,
 *   - each draw's own time on the main thread (the GPU's or the rasteriser's work comes later),
 *   - the intervals between animation frames while the view moves (what the eye sees as smoothness), and
 *   - pans by jumps, each drawn and waited for (one pixel read back), at 1×, 4× and 32× the fit zoom: the whole
 *     work of a draw; the headline is draws per second at 4×.
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
/** Zooms (× fit) of the waited-for pans, and jumps per zoom. */
const ZOOMS = [1, 4, 32];
const SYNCED_MOVES = 40;
/** Next pictures of a live run shown per round, with levels of detail given and computed on the page (each). */
const PICTURES = 6;

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
  await page.waitForTimeout(300);
  const synced = {};
  for (const zoom of ZOOMS)
    synced[zoom] = await page.evaluate(([z, n]) => globalThis.tissueBench.drawnPans(z, n), [zoom, SYNCED_MOVES]);
  const pictures =
    renderer === 'auto' ? await page.evaluate((n) => globalThis.tissueBench.nextPictures(n), PICTURES) : undefined;
  if (pictures && !pictures.same) {
    throw new Error('a live picture with its levels and counts from the worker looks unlike the same picture without');
  }
  return { ...mounted, ...measured, synced, pictures };
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
const syncedNotes = ZOOMS.map((zoom) => {
  const g = gl.flatMap((r) => r.synced[zoom]);
  const c = canvas.flatMap((r) => r.synced[zoom]);
  return `draw and wait for it at ${zoom}× fit: median ${median(g).toFixed(1)} ms, p95 ${percentile(g, 95).toFixed(1)} ms with ${gl[0].kind}; median ${median(c).toFixed(1)} ms, p95 ${percentile(c, 95).toFixed(1)} ms with canvas 2D`;
});
const notes = [
  `${SIDE}² sites; renderer "auto" drew with ${gl[0].kind}; each drag: ${MOVES} pointer moves, then 8 wheel ticks, twice`,
  `showing the picture (decode, levels of detail, upload): ${gl.map((r) => r.showMs.toFixed(0)).join(', ')} ms with ${gl[0].kind}, ${canvas.map((r) => r.showMs.toFixed(0)).join(', ')} ms with canvas 2D; of which decoding the bundle alone: ${[...gl, ...canvas].map((r) => r.decodeMs.toFixed(0)).join(', ')} ms; the bundle (one picture, JSON) ${(gl[0].bundleBytes / 1e6).toFixed(2)} MB`,
  `draw (main thread): median ${median(pooled(gl, 'draws')).toFixed(2)} ms, p95 ${percentile(pooled(gl, 'draws'), 95).toFixed(2)} ms with ${gl[0].kind}; median ${median(pooled(canvas, 'draws')).toFixed(2)} ms, p95 ${percentile(pooled(canvas, 'draws'), 95).toFixed(2)} ms with canvas 2D`,
  ...syncedNotes,
  `a live run's next picture on the page (handed over to drawn, gl.finish), ${gl[0].kind}: median ${median(gl.flatMap((r) => r.pictures.given)).toFixed(1)} ms with its levels of detail and counts made in the worker, ${median(gl.flatMap((r) => r.pictures.computed)).toFixed(1)} ms computing them on the page (${(median(gl.flatMap((r) => r.pictures.computed)) / median(gl.flatMap((r) => r.pictures.given))).toFixed(2)}×), interleaved; the same pixels and legend either way`,
  `frame interval while moving: median ${median(pooled(gl, 'intervals')).toFixed(1)} ms, p95 ${percentile(pooled(gl, 'intervals'), 95).toFixed(1)} ms with ${gl[0].kind}; median ${median(pooled(canvas, 'intervals')).toFixed(1)} ms, p95 ${percentile(pooled(canvas, 'intervals'), 95).toFixed(1)} ms with canvas 2D`,
];
// The headline: whole draws (waited for) per second when panning at 4× fit, where the view shows an eighth of a
// 3000² section's side.
const headline = (runsOf) => 1000 / median(runsOf.flatMap((r) => r.synced[4]));
report({
  name: `tissue view: panning a ${SIDE}² section at 4× fit`,
  unit: 'draws/s',
  engine: headline(gl),
  baseline: headline(canvas),
  baselineLabel: 'canvas 2D fallback',
  notes,
});
