/**
 * Worker-pool benchmark: runs/s of an SSA ensemble (the bacteria model, 1e4 bacteria, one replicate per task)
 * on a Node worker-thread pool of 2 workers against the same pool with 1 worker, measured side by side
 * (alternating, after a warm-up run of each). On 2 cores the target is ≥ 1.8×. The results are checked to be
 * the same bits in both.
 */
import { builtInDescriptors } from '@immunotwin/models';
import { createNodePool } from '@immunotwin/worker/node';
import { median, report } from './harness.mjs';

const REPLICATES = 24;
const scenario = {
  model: 'bacteria-innate',
  method: 'ssa',
  seed: 7,
  duration: 24,
  outputInterval: 0.25,
  replicates: REPLICATES,
  parameters: { P0: 10000 },
};
const tasks = Array.from({ length: REPLICATES }, (_, r) => ({ scenario, replicates: [r] }));

const one = createNodePool({ plugins: builtInDescriptors, size: 1 });
const two = createNodePool({ plugins: builtInDescriptors, size: 2 });

async function runsPerSecond(pool) {
  const start = performance.now();
  const results = await pool.run(tasks);
  return { rate: REPLICATES / ((performance.now() - start) / 1000), results };
}

const sameBits = (a, b) =>
  a
    .flat()
    .every((run, i) =>
      Object.entries(run.observables).every(([id, values]) =>
        Buffer.from(values.buffer).equals(Buffer.from(b.flat()[i].observables[id].buffer)),
      ),
    );

await runsPerSecond(one);
await runsPerSecond(two);
const rates = { one: [], two: [] };
let identical = true;
for (let i = 0; i < 5; i++) {
  const a = await runsPerSecond(one);
  const b = await runsPerSecond(two);
  rates.one.push(a.rate);
  rates.two.push(b.rate);
  identical &&= sameBits(a.results, b.results);
}
one.dispose();
two.dispose();

report({
  name: 'SSA ensemble on the worker pool, 2 workers',
  unit: 'runs/s',
  engine: median(rates.two),
  baseline: median(rates.one),
  baselineLabel: 'the same pool with 1 worker',
  notes: [
    `${REPLICATES} replicates of bacteria-innate (SSA, P0 = 1e4, 24 h sampled every 0.25 h), one replicate per task; target ≥ 1.8× on 2 cores`,
    `the two pools' results are ${identical ? 'the same bits' : 'NOT the same bits'}`,
  ],
});
