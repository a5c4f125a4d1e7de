/**
 * Worker-pool benchmark on Node worker threads: tasks/s of a pool of 2 workers against the same pool with 1
 * worker, measured side by side (alternating, after a warm-up run of each), for the two workloads of
 * bench/poolWorkloads.mjs: an SSA ensemble (one replicate per task) and an ODE sweep (one parameter set of a Latin
 * hypercube per task). On 2 cores the target is ≥ 1.8×. The results are checked to be the same bits in both.
 * bench/browserPool.mjs measures the same workloads on browser Workers in Chromium.
 */
import { builtInDescriptors } from '@immunotwin/models';
import { createNodePool } from '@immunotwin/worker/node';
import { median, report } from './harness.mjs';
import { comparePools, ENSEMBLE, SWEEP } from './poolWorkloads.mjs';

const one = createNodePool({ plugins: builtInDescriptors, size: 1 });
const two = createNodePool({ plugins: builtInDescriptors, size: 2 });

const rows = [
  { name: 'SSA ensemble on the worker pool, 2 workers', workload: ENSEMBLE },
  { name: 'ODE sweep on the worker pool, 2 workers', workload: SWEEP },
];
try {
  for (const { name, workload } of rows) {
    const measured = await comparePools(one, two, workload.tasks);
    report({
      name,
      unit: 'runs/s',
      engine: median(measured.two),
      baseline: median(measured.one),
      baselineLabel: 'the same pool with 1 worker',
      notes: [
        `${workload.label}; target ≥ 1.8× on 2 cores`,
        `the two pools' results are ${measured.identical ? 'the same bits' : 'NOT the same bits'}`,
      ],
    });
  }
} finally {
  one.dispose();
  two.dispose();
}
