/**
 * Deterministic pieces of task answers (a scenario's run, a study, a fit) that several tasks of a lesson read, by key:
 * each runs once per kernel. A computation that fails or is interrupted is not kept, so the next check runs it again.
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

/**
 * JSON of `value` with every object's keys in sorted order: the same text for the same data however it was built
 * (a memo key).
 */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, field: unknown) =>
    field !== null && typeof field === 'object' && !Array.isArray(field)
      ? Object.fromEntries(Object.entries(field).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : field,
  );
}
