import type { OutcomeRequest, RunResult } from '@immunotwin/engine';

/** One piece of work for a pool worker: some replicates of one scenario. Plain data. */
export interface IPoolTask {
  /** A scenario document (validated by the worker against its model). */
  readonly scenario: unknown;
  /** Which replicates of it to run (each from its own random stream, so any worker gives the same bits). */
  readonly replicates: readonly number[];
}

/** What a pool worker serves over comlink. */
export interface IPoolWorkerService {
  /** Adds models by descriptor (data plugins at once, code when a task first names the model). */
  addPlugins(descriptors: readonly unknown[]): Promise<void>;
  /** Runs a task's replicates in order; rejects with an `AbortError` after `cancel()`. */
  run(task: IPoolTask): Promise<RunResult[]>;
  /**
   * Runs tasks one after another and keeps only their outcomes: a row per replicate (task after task), a column
   * per request (the engine's `outcomeValues`). What a sweep needs, without sending every sample back.
   */
  outcomes(tasks: readonly IPoolTask[], requests: readonly OutcomeRequest[]): Promise<Float64Array>;
  /** Cancels the task under way, if any. */
  cancel(): Promise<void>;
}
