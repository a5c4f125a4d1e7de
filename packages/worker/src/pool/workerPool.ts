import type {
  AssimilationSpec,
  FitTask,
  FitTaskResult,
  ForecastMembers,
  ForecastMembersResult,
  OutcomeRequest,
  PluginDescriptor,
  RunResult,
} from '@immunotwin/engine';
import * as Comlink from 'comlink';
import { createAbortError } from '../abortError.js';
import { installErrorTransfer } from '../errorTransfer.js';
import { isWorkerDiedError, WorkerLifeline } from '../workerDeath.js';
import type { IFitPoolTask, IFitProblemSpec, IForecastPoolTask, IPoolTask, IPoolWorkerService } from './poolTask.js';

/** A worker as the pool needs it: a comlink endpoint that can be stopped, and that may report its death. */
export interface IPoolEndpoint extends Comlink.Endpoint {
  /** Stops the worker at once. */
  terminate(): void;
  /** Where the host reports the worker's death (without it, a task on a worker that died waits forever). */
  readonly lifeline?: WorkerLifeline;
}

/** The most tasks `WorkerPool.outcomes` hands a worker at once. */
export const MAX_OUTCOME_BATCH = 32;

/** Options of {@link WorkerPool}. */
export interface IWorkerPoolOptions {
  /** How many workers (e.g. `navigator.hardwareConcurrency`, or Node's `os.availableParallelism()`); ≥ 1. */
  size: number;
  /** Starts one worker serving `exposePoolWorker`. */
  createWorker: () => IPoolEndpoint;
  /** The models every worker knows, as descriptors. */
  plugins: readonly PluginDescriptor[];
}

/** Progress of a pool run: tasks finished out of all. */
export interface IPoolProgress {
  /** Tasks whose results were handed to `onResult` (or kept). */
  readonly done: number;
  /** All tasks. */
  readonly total: number;
  /** `done / total`, in [0, 1]. */
  readonly fraction: number;
}

/** Options of {@link WorkerPool.run} and {@link WorkerPool.outcomes}; `R` is what one task gives. */
export interface IPoolRunOptions<R = RunResult[]> {
  /**
   * Receives each task's result as it finishes (tasks may finish out of order; `index` says which). The pool
   * awaits it before giving that worker more work: back-pressure, so a slow consumer never piles up results.
   */
  onResult?: (index: number, result: R) => void | Promise<void>;
  /** Called after every finished task. */
  onProgress?: (progress: IPoolProgress) => void;
  /**
   * Hand results to `onResult` in task order (default false: as they finish). A consumer whose result depends
   * on the order it sees runs (a streaming aggregate) then gets the same bits whatever the number of workers;
   * a worker whose batch finished early waits its turn, so at most one batch per worker is held.
   */
  ordered?: boolean;
  /** Keep nothing: results go to `onResult` only and the run resolves to an empty array (memory stays flat). */
  discard?: boolean;
  /** Cancels the run: the tasks under way are cancelled in their workers and `run` rejects with the reason. */
  signal?: AbortSignal;
}

interface IPoolMember {
  readonly endpoint: IPoolEndpoint;
  readonly lifeline: WorkerLifeline;
  readonly remote: Comlink.Remote<IPoolWorkerService>;
  readonly ready: Promise<void>;
}

/**
 * A fixed set of workers that run tasks (replicates of scenarios) for ensembles, sweeps and fits: each worker
 * takes the next task as soon as it is free. Every replicate draws from the stream derived from (seed,
 * replicate) alone, so the results are bit-identical whatever the number of workers and whichever worker ran
 * what. One run at a time per pool; workers start on first use and stay until `dispose()`. A worker that dies
 * (out of memory, terminated, crashed) fails the task it had with a `WorkerDiedError` (the run rejects with it,
 * as with any task's error) and is replaced by a new one, so the pool's next run works; the other workers stay.
 */
export class WorkerPool {
  private members: IPoolMember[] | undefined;
  private busy = false;

  /** @param options the pool's size, how to start a worker, and the models */
  constructor(private readonly options: IWorkerPoolOptions) {
    if (!Number.isInteger(options.size) || options.size < 1) {
      throw new RangeError(`WorkerPool: size must be a whole number ≥ 1; got ${String(options.size)}`);
    }
    installErrorTransfer();
  }

  /** Number of workers. */
  get size(): number {
    return this.options.size;
  }

  /**
   * Runs every task and resolves to their runs, in task order (each task's replicates in the order asked).
   * Rejects with the first error a task raises (the other tasks are cancelled) or, when cancelled, at once with
   * the signal's reason: the workers are stopped where they are and new ones start on the next run.
   */
  run(tasks: readonly IPoolTask[], options: IPoolRunOptions = {}): Promise<RunResult[][]> {
    return this.dispatch(tasks, 1, async (remote, [task]) => [await remote.run(task!)], options);
  }

  /**
   * Runs every task and keeps only the outcomes of its runs (the engine's `outcomeValues`: a row per replicate,
   * a column per request), in task order: what a sweep needs, with the samples left in the workers. Short tasks
   * go to a worker in batches (at most {@link MAX_OUTCOME_BATCH}, and small enough that every worker gets
   * several), so a message's cost does not dominate a run of a millisecond. Cancel, progress (per task) and
   * back-pressure as for `run`.
   */
  outcomes(
    tasks: readonly IPoolTask[],
    requests: readonly OutcomeRequest[],
    options: IPoolRunOptions<Float64Array> = {},
  ): Promise<Float64Array[]> {
    const plain = requests.map((request) => ({ ...request }));
    const batch = Math.max(1, Math.min(MAX_OUTCOME_BATCH, Math.floor(tasks.length / (this.size * 8))));
    return this.dispatch(
      tasks,
      batch,
      async (remote, group) => {
        const values = await remote.outcomes(group, plain);
        let offset = 0;
        return group.map((task) => {
          const rows = task.replicates.length * plain.length;
          offset += rows;
          return values.slice(offset - rows, offset);
        });
      },
      options,
    );
  }

  /**
   * Runs the tasks of a fit (starts, profiles, bootstrap replicates: the engine's `FitTask`), one pool task each,
   * and resolves to their results in task order. Each depends only on the problem and the task, so the results are
   * the same whatever the number of workers. Cancel and progress (per task) as for `run`.
   */
  fitTasks(
    problem: IFitProblemSpec,
    tasks: readonly FitTask[],
    runOptions: IPoolRunOptions<FitTaskResult> = {},
  ): Promise<FitTaskResult[]> {
    const poolTasks: IFitPoolTask[] = tasks.map((task) => ({ problem, task }));
    return this.dispatch(poolTasks, 1, (remote, batch) => remote.fitTasks(batch), runOptions);
  }

  /**
   * Moves the batches of a forecast's members on (the engine's `ForecastMembers`), one pool task each, and resolves
   * to their results in batch order. Each member moves on its own stream, so the results are the same whatever the
   * number of workers. Cancel and progress (per batch) as for `run`.
   */
  forecastMembers(
    twin: AssimilationSpec,
    batches: readonly ForecastMembers[],
    runOptions: IPoolRunOptions<ForecastMembersResult> = {},
  ): Promise<ForecastMembersResult[]> {
    const poolTasks: IForecastPoolTask[] = batches.map((batch) => ({ twin, batch }));
    return this.dispatch(poolTasks, 1, (remote, group) => remote.forecastMembers(group), runOptions);
  }

  /**
   * Hands the tasks to the workers in batches of `batchSize` consecutive tasks (each free worker takes the next
   * batch) and gathers one result per task, in task order.
   */
  private async dispatch<T, R>(
    tasks: readonly T[],
    batchSize: number,
    call: (remote: Comlink.Remote<IPoolWorkerService>, batch: readonly T[]) => Promise<R[]>,
    options: IPoolRunOptions<R>,
  ): Promise<R[]> {
    if (this.busy) throw new Error('WorkerPool: a run is already under way; await it or cancel it first');
    const { signal, onResult, onProgress, ordered = false, discard = false } = options;
    if (signal?.aborted) throw signal.reason ?? createAbortError();
    this.busy = true;
    const members = this.start();
    const results: R[] = discard ? [] : new Array<R>(tasks.length);
    let next = 0;
    let done = 0;
    let failure: { error: unknown } | undefined;
    // In-order delivery: the first task not yet handed over, and the batches waiting for it.
    let delivered = 0;
    const waiting = new Map<number, () => void>();
    const turnOf = (first: number): Promise<void> =>
      first === delivered ? Promise.resolve() : new Promise((resolve) => waiting.set(first, resolve));
    const passTurn = (): void => {
      const resolve = waiting.get(delivered);
      waiting.delete(delivered);
      resolve?.();
    };
    const cancelAll = () => {
      for (const resolve of waiting.values()) resolve();
      waiting.clear();
      void Promise.all(members.map((m) => m.remote.cancel().catch(() => undefined)));
    };
    // A cancel stops the workers at once (a task deep in a long step would only see a cancel message when the
    // step ends); the pool starts new ones when it is used again.
    let stopped!: () => void;
    const aborted = new Promise<void>((resolve) => (stopped = resolve));
    const onAbort = () => {
      failure ??= { error: signal!.reason ?? createAbortError() };
      for (const resolve of waiting.values()) resolve();
      waiting.clear();
      this.dispose();
      stopped();
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    const drive = async (member: IPoolMember): Promise<void> => {
      try {
        await member.lifeline.guard(member.ready);
      } catch (error) {
        failure ??= { error };
        if (isWorkerDiedError(error)) this.replace(member);
        cancelAll();
        return;
      }
      while (!failure && next < tasks.length) {
        const first = next;
        next = Math.min(tasks.length, first + batchSize);
        try {
          const batch = await member.lifeline.guard(call(member.remote, tasks.slice(first, next)));
          if (ordered) await turnOf(first);
          if (failure) return;
          for (let k = 0; k < batch.length; k++) {
            if (!discard) results[first + k] = batch[k]!;
            await onResult?.(first + k, batch[k]!);
          }
          done += batch.length;
          if (ordered) {
            delivered = first + batch.length;
            passTurn();
          }
          onProgress?.({ done, total: tasks.length, fraction: done / tasks.length });
        } catch (error) {
          if (isWorkerDiedError(error)) this.replace(member);
          if (!failure) {
            failure = { error };
            cancelAll();
          }
          return;
        }
      }
    };
    try {
      await Promise.race([Promise.all(members.map(drive)), aborted]);
      if (failure) throw failure.error;
      return results;
    } finally {
      signal?.removeEventListener('abort', onAbort);
      this.busy = false;
    }
  }

  /** Stops every worker; the pool starts new ones if it is used again. */
  dispose(): void {
    for (const member of this.members ?? []) member.endpoint.terminate();
    this.members = undefined;
  }

  private start(): IPoolMember[] {
    this.members ??= Array.from({ length: this.options.size }, () => this.startMember());
    return this.members;
  }

  private startMember(): IPoolMember {
    const endpoint = this.options.createWorker();
    const remote = Comlink.wrap<IPoolWorkerService>(endpoint);
    const lifeline = endpoint.lifeline ?? new WorkerLifeline();
    const ready = remote.addPlugins([...this.options.plugins]);
    ready.catch(() => undefined); // awaited (guarded) by the run; a worker that died first must not leave it unhandled
    return { endpoint, lifeline, remote, ready };
  }

  /** Puts a new worker in the place of one that died (when it is still a member: a dispose may have come first). */
  private replace(member: IPoolMember): void {
    const index = this.members?.indexOf(member) ?? -1;
    if (index < 0) return;
    member.endpoint.terminate();
    this.members![index] = this.startMember();
  }
}
