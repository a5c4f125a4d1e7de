import type {
  AssimilationSpec,
  FitExperiment,
  ForecastMembers,
  ForecastMembersResult,
  FitParameter,
  FitTask,
  FitTaskResult,
  OutcomeRequest,
  RunResult,
} from '@immunotwin/engine';

/** One piece of work for a pool worker: some replicates of one scenario. Plain data. */
export interface IPoolTask {
  /** A scenario document (validated by the worker against its model). */
  readonly scenario: unknown;
  /** Which replicates of it to run (each from its own random stream, so any worker gives the same bits). */
  readonly replicates: readonly number[];
}

/**
 * A fit problem as plain data: what `scenarioFitProblem` builds the likelihood from (the model is the one the first
 * experiment's scenario names).
 */
export interface IFitProblemSpec {
  /** The arms: each a scenario document and the data measured under it. */
  readonly experiments: readonly FitExperiment[];
  /** The observation model document. */
  readonly observation: unknown;
  /** The parameters to estimate. */
  readonly parameters: readonly FitParameter[];
}

/** One task of a fit for a pool worker: the problem and the task (a start, a profile, a bootstrap replicate). */
export interface IFitPoolTask {
  /** The problem (the same for every task of a fit; a worker builds it once). */
  readonly problem: IFitProblemSpec;
  /** The task (the engine's `FitTask`). */
  readonly task: FitTask;
}

/** A batch of forecast members for a pool worker: the twin (plain data) and the members to move on. */
export interface IForecastPoolTask {
  /** The twin the members belong to (the same for every batch of a forecast; a worker builds it once). */
  readonly twin: AssimilationSpec;
  /** The members (the engine's `ForecastMembers`). */
  readonly batch: ForecastMembers;
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
  /**
   * Runs fit tasks one after another (the engine's `runFitTask`), each depending only on its problem and task;
   * rejects with an `AbortError` after `cancel()`.
   */
  fitTasks(tasks: readonly IFitPoolTask[]): Promise<FitTaskResult[]>;
  /**
   * Moves batches of forecast members on (the engine's `runForecastMembers`), one after another, each depending only
   * on its twin and batch; rejects with an `AbortError` after `cancel()`.
   */
  forecastMembers(tasks: readonly IForecastPoolTask[]): Promise<ForecastMembersResult[]>;
  /** Cancels the task under way, if any. */
  cancel(): Promise<void>;
}
