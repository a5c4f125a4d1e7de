/**
 * What happens when a worker dies under a caller: one error type for every pending and later call, and a
 * lifeline the host reports the death to (from a Node worker's `error`/`exit` events, or a browser worker's
 * life lock). Browser-safe.
 */

/** Why a worker died: it ran out of memory, it stopped (terminated, exited or closed itself), or it crashed. */
export type WorkerDeathCause = 'out-of-memory' | 'stopped' | 'crashed';

const WORKER_DEATH_MESSAGES: Record<WorkerDeathCause, string> = {
  'out-of-memory': 'The worker ran out of memory and was stopped',
  stopped: 'The worker stopped',
  crashed: 'The worker crashed',
};

/**
 * The error every call to a dead worker rejects with, pending or made later: `cause` says why it died, and the
 * message says it in words (with the host's detail, such as Node's exit code, after a colon). A new worker (a
 * new session, or the pool's replacement) is the way on.
 */
export class WorkerDiedError extends Error {
  /**
   * @param deathCause why the worker died
   * @param detail what the host said (an exit code, Node's error message), appended to the message
   */
  constructor(
    readonly deathCause: WorkerDeathCause,
    detail?: string,
  ) {
    super(`${WORKER_DEATH_MESSAGES[deathCause]}${detail ? `: ${detail}` : ''}.`);
    this.name = 'WorkerDiedError';
  }
}

/**
 * Whether `error` reports a dead worker. By name, so that it also holds for the copy that crossed another
 * worker boundary (a kernel cell whose pool worker died), whose class is a plain Error.
 */
export function isWorkerDiedError(error: unknown): error is WorkerDiedError {
  return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'WorkerDiedError';
}

/**
 * A worker's life as its callers see it: the host `report`s the death once (later reports are ignored);
 * `guard` makes a call to the worker reject with that error as soon as it happens, instead of waiting forever
 * for a reply that cannot come.
 */
export class WorkerLifeline {
  /** Resolves with the error when the worker dies (never, while it lives). */
  readonly died: Promise<WorkerDiedError>;
  private settle!: (error: WorkerDiedError) => void;
  private death: WorkerDiedError | undefined;
  /** Rejects when the worker dies; handled here, so races on it leave no unhandled rejection behind. */
  private readonly rejected: Promise<never>;

  constructor() {
    this.died = new Promise((resolve) => (this.settle = resolve));
    this.rejected = this.died.then((error) => Promise.reject(error));
    this.rejected.catch(() => undefined);
  }

  /** The error of the worker's death, once it died. */
  get dead(): WorkerDiedError | undefined {
    return this.death;
  }

  /** Records the death (the first report wins) and rejects every guarded call with it. */
  report(error: WorkerDiedError): void {
    if (this.death) return;
    this.death = error;
    this.settle(error);
  }

  /** `call`, or the death's error as soon as the worker dies (at once, when it is already dead). */
  guard<T>(call: Promise<T>): Promise<T> {
    if (this.death) {
      call.catch(() => undefined);
      return Promise.reject(this.death);
    }
    return Promise.race([call, this.rejected]);
  }
}
