/** Message of the error a cancelled run rejects with. */
export const CANCELLED_MESSAGE = 'The run was cancelled.';

/** An Error named `AbortError` (like the one `fetch` and `AbortSignal` use), for a cancelled run. */
export function createAbortError(message: string = CANCELLED_MESSAGE): Error {
  const error = new Error(message);
  error.name = 'AbortError';
  return error;
}

/** Whether `error` reports a cancellation (an Error or DOMException named `AbortError`). */
export function isAbortError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'AbortError';
}
