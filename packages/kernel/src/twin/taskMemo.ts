/**
 * Deterministic pieces of task answers (a study, a fit) that several tasks of a lesson read, by key: each runs once
 * per kernel. A computation that fails or is interrupted is not kept, so the next check runs it again.
 */
const remembered = new Map<string, Promise<unknown>>();

/** The promise kept under `key`, or `compute()`'s, kept for the next task that asks (dropped if it rejects). */
export function rememberTask<T>(key: string, compute: () => Promise<T>): Promise<T> {
  const kept = remembered.get(key);
  if (kept) return kept as Promise<T>;
  const running = compute();
  remembered.set(key, running);
  running.catch(() => remembered.delete(key));
  return running;
}
