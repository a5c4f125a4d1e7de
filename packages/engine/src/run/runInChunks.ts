import { describeValue } from '../validation/validationError.js';

/** Default wall-clock budget of one chunk of a chunked run, in milliseconds: about one display frame. */
export const DEFAULT_CHUNK_MILLISECONDS = 16;

/** What `runInChunks` needs of a run: a step that records one sample, and whether the last one is in. */
export interface SteppedRun {
  /** Whether every sample has been recorded. */
  readonly done: boolean;
  /** Records the next sample. */
  step(): void;
}

/** How `runInChunks` drives a run: its chunk budget, its cancellation and the caller's hooks. */
export interface RunInChunksOptions<Run extends SteppedRun> {
  /**
   * Wall-clock budget of one chunk before yielding to the event loop (default `DEFAULT_CHUNK_MILLISECONDS`;
   * 0: one sample a chunk). A chunk always records at least one sample.
   */
  chunkMilliseconds?: number;
  /** Checked at every chunk boundary (and after every awaited hook): the run rejects with its reason. */
  signal?: AbortSignal;
  /**
   * Stops early once true: checked before the first step and after every step (after `afterStep`), so the
   * run stops at the exact sample. A cheap predicate without side effects; it may be called more than once
   * per sample.
   */
  until?: (run: Run) => boolean;
  /** Called after every step, to look at the sample just recorded. On the hot path: keep it cheap. */
  afterStep?: (run: Run) => void;
  /**
   * Called before every chunk, after the yield to the event loop; a promise it returns is awaited, so a
   * paused run can park here without running another chunk.
   */
  beforeChunk?: (run: Run) => void | Promise<void>;
  /**
   * Called synchronously after each chunk's last step, before anything is awaited, so state it records
   * before its own first await is consistent with the chunk boundary for anyone who looks meanwhile. A
   * promise it returns is awaited before the run goes on (back-pressure: frames, progress).
   */
  afterChunk?: (run: Run) => void | Promise<void>;
  /**
   * A budget shared with other runs driven one after another (a worker running many short runs): the run
   * yields to the event loop only once the shared budget is spent, not after every run, so a thousand runs of
   * a millisecond cost a few yields instead of a thousand. Its budget replaces `chunkMilliseconds`.
   */
  budget?: ChunkBudget;
}

/**
 * A wall-clock budget shared by consecutive chunked runs: work goes on until `DEFAULT_CHUNK_MILLISECONDS` (or
 * the budget given) have passed since the last yield, then yields to the event loop once, wherever a run is.
 */
export class ChunkBudget {
  private deadline: number;

  /** @param milliseconds the budget between two yields (default `DEFAULT_CHUNK_MILLISECONDS`) */
  constructor(readonly milliseconds: number = DEFAULT_CHUNK_MILLISECONDS) {
    chunkBudget(milliseconds);
    this.deadline = Date.now() + milliseconds;
  }

  /** Whether the budget is spent (time to yield). */
  get spent(): boolean {
    return Date.now() >= this.deadline;
  }

  /** Starts a new budget from now. */
  restart(): void {
    this.deadline = Date.now() + this.milliseconds;
  }

  /** Yields to the event loop and starts a new budget. */
  async yield(): Promise<void> {
    await yieldToEventLoop();
    this.restart();
  }
}

const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/** Throws the signal's reason (or an AbortError saying the work was cancelled) once `signal` is aborted. */
export function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (!signal?.aborted) return;
  if (signal.reason !== undefined) throw signal.reason;
  const error = new Error('the work was cancelled');
  error.name = 'AbortError';
  throw error;
}

/**
 * The pause point of a long loop that is not a stepped run (fits, ABC-SMC, the filters): checks cancellation, and yields
 * to the event loop once `budget` is spent, then checks again.
 */
export async function checkpoint(budget: ChunkBudget, signal: AbortSignal | undefined): Promise<void> {
  throwIfCancelled(signal);
  if (budget.spent) {
    await budget.yield();
    throwIfCancelled(signal);
  }
}

function chunkBudget(value: number | undefined): number {
  if (value === undefined) return DEFAULT_CHUNK_MILLISECONDS;
  if (typeof value !== 'number' || !(value >= 0)) {
    throw new RangeError(
      `runInChunks: chunkMilliseconds must be a number of milliseconds ≥ 0; got ${describeValue(value)}`,
    );
  }
  return value;
}

/**
 * Drives a run in chunks until it is done or `until` holds: each chunk records at least one sample, then as
 * many as fit in the budget; every chunk is followed by `afterChunk` and a yield to the event loop (also the
 * last, so runs driven one after another never chain two chunks without a yield — unless they share a
 * `budget`, when they yield together once it is spent). Rejects with the signal's
 * reason at a chunk boundary, leaving the run at that boundary: driving it again continues it exactly.
 */
export async function runInChunks<Run extends SteppedRun>(
  run: Run,
  options: RunInChunksOptions<Run> = {},
): Promise<void> {
  const { signal, until, afterStep, beforeChunk, afterChunk } = options;
  const budget = options.budget ?? new ChunkBudget(chunkBudget(options.chunkMilliseconds));
  const shared = options.budget !== undefined;
  throwIfCancelled(signal);
  while (!run.done && !(until?.(run) ?? false)) {
    const parked = beforeChunk?.(run);
    if (parked) {
      await parked;
      throwIfCancelled(signal);
    }
    if (!shared) budget.restart();
    do {
      run.step();
      afterStep?.(run);
    } while (!run.done && !(until?.(run) ?? false) && !budget.spent);
    const pending = afterChunk?.(run);
    if (pending) await pending;
    throwIfCancelled(signal);
    if (!shared || budget.spent) await budget.yield();
    throwIfCancelled(signal);
  }
}
