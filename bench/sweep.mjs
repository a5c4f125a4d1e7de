/**
 * Sweep benchmark: runs/s of a 10^4-run Latin-hypercube sweep of the target-cell-limited model (β, p, c, δ each a
 * factor of ~3 around Baccam et al. 2006; 10 days sampled every 0.1 day; the peak of V kept of each run), the way
 * `immunotwin sweep` runs it: `WorkerPool.outcomes` on 2 Node worker threads. Measured side by side, in one
 * process, against
 *   - the same design on a pool of 1 worker (the pool's scaling; target ≥ 1.8× on 2 cores), and
 *   - libroadrunner (PyPI, in .venv), the SBML simulator, on the same model exported by `immunotwin export-sbml`,
 *     simulating the same 10^4 parameter sets one after another in one Python process (its CVODE; our
 *     Dormand–Prince), with the peaks compared.
 * The 1- and 2-worker tables are checked to be the same bits.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { designPoints, designReplicates, designScenario, parseDesign } from '@immunotwin/engine';
import { builtInDescriptors, builtInRegistry } from '@immunotwin/models';
import { toSBML } from '@immunotwin/sbml';
import { createNodePool } from '@immunotwin/worker/node';
import { median, report } from './harness.mjs';

const RUNS = 10_000;
const design = parseDesign({
  version: 1,
  scenario: { model: 'target-cell-limited', duration: 10, outputInterval: 0.1 },
  parameters: [
    { id: 'beta', range: [1e-5, 1e-4] },
    { id: 'p', range: [0.015, 0.15] },
    { id: 'c', range: [1.7, 17] },
    { id: 'delta', range: [1.7, 17] },
  ],
  design: { kind: 'lhs', n: RUNS, seed: 1 },
  outcomes: [{ observable: 'V', summary: 'peak' }],
});
const registry = builtInRegistry();
const manifest = registry.get('target-cell-limited').manifest;
const points = designPoints(design, manifest);
const replicates = designReplicates(design);
const tasks = points.map((run) => ({ scenario: designScenario(design, run), replicates }));

async function sweep(pool) {
  const start = performance.now();
  const values = await pool.outcomes(tasks, design.outcomes);
  return { rate: RUNS / ((performance.now() - start) / 1000), peaks: Float64Array.from(values, (v) => v[0]) };
}

const one = createNodePool({ plugins: builtInDescriptors, size: 1 });
const two = createNodePool({ plugins: builtInDescriptors, size: 2 });
await sweep(one);
await sweep(two);
const rates = { one: [], two: [] };
let identical = true;
let peaks;
for (let i = 0; i < 3; i++) {
  const a = await sweep(one);
  const b = await sweep(two);
  rates.one.push(a.rate);
  rates.two.push(b.rate);
  identical &&= Buffer.from(a.peaks.buffer).equals(Buffer.from(b.peaks.buffer));
  peaks = b.peaks;
}
one.dispose();
two.dispose();

report({
  name: 'LHS sweep of 10^4 target-cell-limited runs on the worker pool, 2 workers',
  unit: 'runs/s',
  engine: median(rates.two),
  baseline: median(rates.one),
  baselineLabel: 'the same pool with 1 worker',
  notes: [
    `immunotwin sweep's path (WorkerPool.outcomes, batched); target ≥ 1.8× on 2 cores`,
    `the two pools' peaks are ${identical ? 'the same bits' : 'NOT the same bits'}`,
  ],
});

// The peer: libroadrunner on the same model and parameter sets, in one Python process.
const python = fileURLToPath(new URL('../.venv/bin/python', import.meta.url));
if (!existsSync(python)) {
  console.log('  (libroadrunner peer skipped: no .venv; `node scripts/ensure-venv.mjs` makes it)');
} else {
  const dir = mkdtempSync(join(tmpdir(), 'immunotwin-bench-'));
  try {
    writeFileSync(join(dir, 'model.xml'), toSBML(manifest));
    writeFileSync(join(dir, 'points.json'), JSON.stringify(points));
    const script = fileURLToPath(new URL('./sweepRoadrunner.py', import.meta.url));
    const out = JSON.parse(execFileSync(python, [script, dir], { encoding: 'utf8', maxBuffer: 1 << 26 }));
    const relative = out.peaks.map((p, i) => Math.abs(p - peaks[i]) / Math.abs(peaks[i]));
    report({
      name: 'the same sweep: ImmunoTwin, 2 workers, against libroadrunner, 1 process',
      unit: 'runs/s',
      engine: median(rates.two),
      baseline: out.rate,
      baselineLabel: `libroadrunner ${out.version} (CVODE, one process)`,
      notes: [
        `peaks agree with libroadrunner's to a median relative difference of ${median(relative).toExponential(1)} (largest ${Math.max(...relative).toExponential(1)})`,
        `one thread against one: ImmunoTwin's 1-worker pool ${Math.round(median(rates.one))} runs/s`,
      ],
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
