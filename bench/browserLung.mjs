/**
 * Browser Lung Twin benchmark: in a real Chromium, in a module Web Worker, the active-region method against the
 * dense one on a 1000² section for 2 days (fieldFloor 1e-9), side by side (dense, active, active, dense), with a
 * check that all four runs give the same bits; then the target run, a 3000² section for 30 days with the
 * active method (LUNG_BENCH_DAYS shortens it, as in bench/lung.mjs). The page
 * (bench/browserLung/) is built with vite into dist/bench-browser-lung (rebuilt only when its inputs change).
 */
import { join } from 'node:path';
import { buildPage, openBenchPage, ROOT } from './browserPage.mjs';
import { report } from './harness.mjs';

const OUT = join(ROOT, 'dist', 'bench-browser-lung');
const rebuilt = await buildPage({
  page: join(ROOT, 'bench', 'browserLung'),
  out: OUT,
  packages: ['engine', 'model-lung'],
});
if (rebuilt) console.log(`  built the page into ${OUT}`);
const { browser, page, errors, close } = await openBenchPage('browserLung', OUT);
try {
  const side = 1000;
  const days = 2;
  const pair = await page.evaluate((request) => window.bench.run(request), {
    side,
    days,
    floor: 1e-9,
    methods: ['dense', 'active', 'active', 'dense'],
  });
  const targetDays = Number(process.env.LUNG_BENCH_DAYS ?? 30);
  const large = await page.evaluate((request) => window.bench.run(request), {
    side: 3000,
    days: targetDays,
    floor: 1e-9,
    methods: ['active'],
  });
  if (errors.length > 0) throw errors[0];
  const [d1, a1, a2, d2] = pair.seconds;
  const dense = Math.min(d1, d2);
  const active = Math.min(a1, a2);
  const siteSteps = side * side * days * 144;
  report({
    name: `lung ${side}², ${days} days, floor 1e-9, in a Chromium worker: active vs dense`,
    unit: 'site-steps/s',
    engine: siteSteps / active,
    baseline: siteSteps / dense,
    baselineLabel: 'the dense method in the same worker',
    notes: [
      `Chromium ${browser.version()}, a module Web Worker; best of 2 runs each: active ${active.toFixed(2)} s, dense ${dense.toFixed(2)} s; same bits in all four runs: ${pair.identical ? 'yes' : 'NO'}`,
      `3000², ${targetDays} days, fieldFloor 1e-9, active, in the worker: ${large.seconds[0].toFixed(1)} s (set-up included; target ≤ 60 s)`,
    ],
  });
} finally {
  await close();
}
