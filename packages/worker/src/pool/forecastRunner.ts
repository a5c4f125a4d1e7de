import type { AssimilationSpec, ForecastMemberRunner } from '@immunotwin/engine';
import type { WorkerPool } from './workerPool.js';

/**
 * The `ForecastMemberRunner` of `forecastEnsemble` (or one arm of `counterfactual`) that runs each batch of members as
 * a task on `pool`: the same results, to the bit, as in this thread. `twin` must describe the model the forecast is
 * given (for a treated arm, the spec with its `treatment`).
 */
export function poolForecastRunner(
  pool: Pick<WorkerPool, 'forecastMembers'>,
  twin: AssimilationSpec,
): ForecastMemberRunner {
  return (batches, control) =>
    pool.forecastMembers(twin, batches, {
      signal: control.signal,
      onProgress: (progress) => control.onBatch?.(progress.done),
    });
}
