import type { AbortSignalLike } from './options.js';

/** Throws the signal's reason (or an `AbortError`) when `signal` has been aborted. */
export function throwIfAborted(signal: AbortSignalLike | undefined): void {
  if (signal !== undefined && signal.aborted) {
    if (signal.reason !== undefined) throw signal.reason;
    const error = new Error('The stochastic simulation was aborted.');
    error.name = 'AbortError';
    throw error;
  }
}
