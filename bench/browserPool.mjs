/**
 * Browser worker-pool benchmark: in a real Chromium, tasks/s of a pool of 2 module Web Workers made by
 * `createBrowserPool` (`@immunotwin/worker/browserPool`) against the same kind of pool with 1 worker, measured side
 * by side in one page (alternating, after a warm-up run of each), on the workloads bench/pool.mjs measures on Node
 * worker threads (bench/poolWorkloads.mjs): an SSA ensemble and an ODE sweep. On 2 cores the target is ≥ 1.8×.
 * The page checks that every run of both pools gives the same bits, and that a pool made inside a worker (nested
 * workers, as the kernel's worker will make) gives them too. The page (bench/browserPool/) is built with vite into
 * dist/bench-browser-pool (rebuilt only when its inputs change) and served by a small static server.
 */
import { join } from 'node:path';
import { buildPage, launchChromium, ROOT, serve } from './browserPage.mjs';
import { median, report } from './harness.mjs';
import { ENSEMBLE, SWEEP } from './poolWorkloads.mjs';

const OUT = join(ROOT, 'dist', 'bench-browser-pool');

const rebuilt = await buildPage({
  page: join(ROOT, 'bench', 'browserPool'),
  out: OUT,
  packages: ['engine', 'model-within-host', 'models', 'worker'],
  inputs: [join(ROOT, 'bench', 'poolWorkloads.mjs')],
});
if (rebuilt) console.log(`  built the page into ${OUT}`);
const browser = await launchChromium('browserPool');
const server = await serve(OUT);
try {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error));
  await page.goto(`http://127.0.0.1:${server.address().port}/`);
  await page.waitForFunction(() => document.body.dataset.ready === 'true');
  const sizes = await page.evaluate(() => window.bench.sizes());
  const nested = await page.evaluate(() => window.bench.nested());
  const rows = [
    { name: 'SSA ensemble on the browser worker pool, 2 workers', workload: 'ensemble', label: ENSEMBLE.label },
    { name: 'ODE sweep on the browser worker pool, 2 workers', workload: 'sweep', label: SWEEP.label },
  ];
  const measured = [];
  for (const row of rows) {
    measured.push(await page.evaluate((name) => window.bench.compare(name), row.workload));
    console.log(`  ${row.workload} measured`);
  }
  if (errors.length > 0) throw errors[0];
  rows.forEach((row, i) => {
    const { one, two, identical } = measured[i];
    report({
      name: row.name,
      unit: 'runs/s',
      engine: median(two),
      baseline: median(one),
      baselineLabel: 'the same browser pool with 1 worker',
      notes: [
        `Chromium ${browser.version()}, navigator.hardwareConcurrency ${sizes.hardwareConcurrency} (a pool's default size: ${sizes.defaultSize}); module Web Workers from createBrowserPool`,
        `${row.label}; target ≥ 1.8× on 2 cores`,
        `the two pools' results are ${identical ? 'the same bits' : 'NOT the same bits'}`,
        ...(i === 0
          ? [
              `a pool made inside a worker (nested workers, default size ${nested.size}) gives ${nested.identical ? 'the same bits' : 'NOT the same bits'} on the first tasks`,
            ]
          : []),
      ],
    });
  });
} finally {
  await browser.close();
  server.close();
}
