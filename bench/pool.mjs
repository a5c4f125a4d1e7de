/**
 * Worker-pool benchmark on Node worker threads: tasks/s of a pool of 2 workers against the same pool with 1
 * worker, measured side by side (alternating, after warm-up runs of each), for the two workloads of
 * bench/poolWorkloads.mjs: an SSA ensemble (one replicate per task) and an ODE sweep (one parameter set of a Latin
 * hypercube per task). On 2 cores the target is ≥ 1.8×. The results are checked to be the same bits in both.
 * bench/browserPool.mjs measures the same workloads on browser Workers in Chromium.
 */
import { builtInDescriptors } from '@immunotwin/models';
import { createNodePool } from '@immunotwin/worker/node';
import { reportPools } from './poolReport.mjs';
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
    reportPools({ name, baselineLabel: 'the same pool with 1 worker', workload, measured });
  }
} finally {
  one.dispose();
  two.dispose();
}
