import type { StartRunner } from '@immunotwin/engine';
import type { IFitProblemSpec } from './poolTask.js';
import type { WorkerPool } from './workerPool.js';

/**
 * The `StartRunner` of `estimateParameters` that runs each start of a multi-start fit as a task on `pool`: the
 * same results, to the bit, as the starts run in this thread (each start depends only on its problem, point and
 * settings). `problem` must describe the same problem `estimateParameters` is given.
 */
export function poolStartRunner(pool: WorkerPool, problem: IFitProblemSpec): StartRunner {
  return (starts, options, control) =>
    pool.fitStarts(
      problem,
      starts.map((start) => Array.from(start)),
      options,
      { signal: control.signal, onProgress: (progress) => control.onStart?.(progress.done) },
    );
}
