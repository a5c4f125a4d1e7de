import type { FitTaskRunner } from '@immunotwin/engine';
import type { IFitProblemSpec } from './poolTask.js';
import type { WorkerPool } from './workerPool.js';

/**
 * The `FitTaskRunner` of `estimateParameters` that runs each task of a fit (a start, a profile, a bootstrap
 * replicate) as a task on `pool`: the same results, to the bit, as in this thread (each depends only on the problem
 * and the task). `problem` must describe the same problem `estimateParameters` is given.
 */
export function poolTaskRunner(pool: Pick<WorkerPool, 'fitTasks'>, problem: IFitProblemSpec): FitTaskRunner {
  return (tasks, control) =>
    pool.fitTasks(problem, tasks, {
      signal: control.signal,
      onProgress: (progress) => control.onTask?.(progress.done),
    });
}
