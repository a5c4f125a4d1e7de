/**
 * Browser worker-pool benchmark: in a real Chromium, tasks/s of a pool of 2 module Web Workers made by
 * `createBrowserPool` (`@immunotwin/worker/browserPool`) against the same kind of pool with 1 worker, measured side
 * by side in one page (alternating, after warm-up runs of each), on the workloads bench/pool.mjs measures on Node
 * worker threads (bench/poolWorkloads.mjs): an SSA ensemble and an ODE sweep. On 2 cores the target is ≥ 1.8×.
 * The page checks that every run of both pools gives the same bits, and that a pool made inside a worker (nested
 * workers, as the kernel's worker will make) gives them too. The page (bench/browserPool/) is built with vite into
 * dist/bench-browser-pool (rebuilt only when its inputs change) and served by a small static server.
 */
import { join } from 'node:path';
import { buildPage, openBenchPage, ROOT } from './browserPage.mjs';
import { reportPools } from './poolReport.mjs';
import { ENSEMBLE, SWEEP } from './poolWorkloads.mjs';

const OUT = join(ROOT, 'dist', 'bench-browser-pool');

const rebuilt = await buildPage({
  page: join(ROOT, 'bench', 'browserPool'),
  out: OUT,
  packages: ['engine', 'model-within-host', 'models', 'worker'],
  inputs: [join(ROOT, 'bench', 'poolWorkloads.mjs')],
});
if (rebuilt) console.log(`  built the page into ${OUT}`);
const { browser, page, errors, close } = await openBenchPage('browserPool', OUT);
try {
  const sizes = await page.evaluate(() => window.bench.sizes());
  const nested = await page.evaluate(() => window.bench.nested());
  const rows = [
    { name: 'SSA ensemble on the browser worker pool, 2 workers', key: 'ensemble', workload: ENSEMBLE },
    { name: 'ODE sweep on the browser worker pool, 2 workers', key: 'sweep', workload: SWEEP },
  ];
  const measured = [];
  for (const row of rows) {
    measured.push(await page.evaluate((key) => window.bench.compare(key), row.key));
    console.log(`  ${row.key} measured`);
  }
  if (errors.length > 0) throw errors[0];
  const browserNote = `Chromium ${browser.version()}, navigator.hardwareConcurrency ${sizes.hardwareConcurrency} (a pool's default size: ${sizes.defaultSize}); module Web Workers from createBrowserPool`;
  const nestedNote = `a pool made inside a worker (nested workers, default size ${nested.size}) gives ${nested.identical ? 'the same bits' : 'NOT the same bits'} on the first tasks`;
  rows.forEach(({ name, workload }, i) =>
    reportPools({
      name,
      baselineLabel: 'the same browser pool with 1 worker',
      workload,
      measured: measured[i],
      notes: i === 0 ? [browserNote, nestedNote] : [browserNote],
    }),
  );
} finally {
  await close();
}
