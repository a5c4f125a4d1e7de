/**
 * The worker-pool benchmarks' workloads and their side-by-side measurement, one definition for Node worker
 * threads (bench/pool.mjs) and browser Workers (the page of bench/browserPool.mjs): platform-neutral, no Node APIs.
 *   - ensemble: an SSA ensemble of the bacteria model, one replicate per task;
 *   - sweep: a Latin hypercube over four parameters of the target-cell-limited model (ODE), one parameter set per
 *     task.
 */
import { designPoints, parseDesign } from '@immunotwin/engine';
import { targetCellLimitedManifest } from '@immunotwin/model-within-host/manifest';

const REPLICATES = 24;
const ensembleScenario = {
  model: 'bacteria-innate',
  method: 'ssa',
  seed: 7,
  duration: 24,
  outputInterval: 0.25,
  replicates: REPLICATES,
  parameters: { P0: 10000 },
};

/** The SSA ensemble: its tasks and what they are. */
export const ENSEMBLE = {
  label: `${REPLICATES} replicates of bacteria-innate (SSA, P0 = 1e4, 24 h sampled every 0.25 h), one replicate per task`,
  tasks: Array.from({ length: REPLICATES }, (_, r) => ({ scenario: ensembleScenario, replicates: [r] })),
};

const SWEEP_POINTS = 1000;
const sweepDesign = parseDesign({
  version: 1,
  scenario: { model: 'target-cell-limited', duration: 10, outputInterval: 0.1 },
  parameters: [
    { id: 'beta', range: [1e-5, 1e-4], scale: 'log' },
    { id: 'p', range: [1e-2, 2e-1], scale: 'log' },
    { id: 'c', range: [2, 10] },
    { id: 'delta', range: [2, 10] },
  ],
  design: { kind: 'lhs', n: SWEEP_POINTS, seed: 3 },
});

/** The ODE sweep: its tasks (a scenario with one design point's parameters each) and what they are. */
export const SWEEP = {
  label: `${SWEEP_POINTS}-point Latin hypercube over β, p, c, δ of target-cell-limited (ODE, 10 days sampled every 0.1 day), one parameter set per task`,
  tasks: designPoints(sweepDesign, targetCellLimitedManifest).map((parameters) => ({
    scenario: { ...sweepDesign.scenario, parameters },
    replicates: [0],
  })),
};

const bytes = (array) => new Uint8Array(array.buffer, array.byteOffset, array.byteLength);

function sameArray(a, b) {
  if (a.byteLength !== b.byteLength) return false;
  const x = bytes(a);
  const y = bytes(b);
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false;
  return true;
}

/** Whether two pool results (runs per task) hold the same runs to the bit: times and every observable. */
export function sameBits(a, b) {
  const runsA = a.flat();
  const runsB = b.flat();
  return (
    runsA.length === runsB.length &&
    runsA.every((run, i) => {
      const other = runsB[i];
      const ids = Object.keys(run.observables);
      return (
        sameArray(run.time, other.time) &&
        ids.length === Object.keys(other.observables).length &&
        ids.every((id) => other.observables[id] !== undefined && sameArray(run.observables[id], other.observables[id]))
      );
    })
  );
}

/** Runs all `tasks` on `pool`; resolves to the tasks finished per second and the results. */
async function tasksPerSecond(pool, tasks) {
  const start = performance.now();
  const results = await pool.run(tasks);
  return { rate: tasks.length / ((performance.now() - start) / 1000), results };
}

/**
 * Measures a 1-worker and a 2-worker pool side by side on `tasks`: `warmups` runs of each (the workers' code
 * compiled to its top tier), then `rounds` rounds of one run each, the order alternating from round to round (so
 * drift in machine load hits both alike). Every run's results are compared with the first one's. Resolves to the
 * tasks/s of each round per pool, and whether all results were the same bits.
 */
export async function comparePools(one, two, tasks, { warmups = 2, rounds = 5 } = {}) {
  let reference;
  let identical = true;
  const check = (results) => {
    reference ??= results;
    identical &&= sameBits(results, reference);
  };
  for (let i = 0; i < warmups; i++) {
    check((await tasksPerSecond(one, tasks)).results);
    check((await tasksPerSecond(two, tasks)).results);
  }
  const rates = { one: [], two: [] };
  for (let round = 0; round < rounds; round++) {
    for (const size of round % 2 ? ['two', 'one'] : ['one', 'two']) {
      const { rate, results } = await tasksPerSecond(size === 'one' ? one : two, tasks);
      rates[size].push(rate);
      check(results);
    }
  }
  return { ...rates, identical };
}
