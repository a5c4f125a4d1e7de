/**
 * Noticing that a browser worker died, at no cost while it lives: the worker holds a Web Lock named after
 * itself for as long as it lives, and the page asks for the same lock, which the browser grants only once the
 * worker is gone (closed itself, crashed, or was terminated). No heartbeat, no timer.
 *
 * Web Locks need a secure context (https or localhost) and a browser with them in workers (Chromium 69+,
 * Firefox 96+, Safari 15.4+). Where they are missing nothing is watched: calls to a worker that died wait, as
 * before. A worker that exhausts its JavaScript heap in Chromium takes its page's renderer down with it (the tab
 * crashes: nothing on the page survives to notice); running out of typed-array memory is an ordinary
 * `RangeError` the call rejects with.
 */
import { WorkerDiedError, WorkerLifeline } from './workerDeath.js';

/** What separates a worker's label from its unique part in a life-lock name. */
const LIFE_LOCK_MARK = '#life-';

/** How often, and how many times, the page looks for the worker's lock before it gives up watching. */
const HELD_POLL_MS = 25;
const HELD_POLLS = 400;

/** The lock manager of this global scope, when there is one. */
function locks(): LockManager | undefined {
  return (globalThis as { navigator?: { locks?: LockManager } }).navigator?.locks;
}

/**
 * A worker name that carries a life lock: `label` (shown in the browser's tools) and a unique part. Give it as
 * the `name` of `new Worker(…)`, and to {@link watchBrowserWorker}.
 */
export function lifeLockName(label: string): string {
  const unique = globalThis.crypto?.randomUUID?.() ?? `${Date.now()}-${Math.random().toString(36).slice(2)}`;
  return `${label}${LIFE_LOCK_MARK}${unique}`;
}

/**
 * Worker side: when this worker's name is a {@link lifeLockName}, holds that lock until the worker ends.
 * Every ImmunoTwin worker entry calls it first thing.
 */
export function holdLifeLock(): void {
  const name = (globalThis as { name?: unknown }).name;
  if (typeof name !== 'string' || !name.includes(LIFE_LOCK_MARK)) return;
  void locks()?.request(name, () => new Promise<never>(() => undefined));
}

/** Resolves true once some context holds lock `name`, false if none does after the polls. */
async function lockHeld(manager: LockManager, name: string): Promise<boolean> {
  for (let i = 0; i < HELD_POLLS; i++) {
    const { held = [] } = await manager.query();
    if (held.some((lock) => lock.name === name)) return true;
    await new Promise((resolve) => setTimeout(resolve, HELD_POLL_MS));
  }
  return false;
}

/**
 * Page side: a lifeline for `worker`, started with `name` (a {@link lifeLockName}). It reports the worker
 * stopped when the browser hands its lock over, and crashed when the worker fails before it took the lock (its
 * script did not load). Report a termination of your own on the lifeline yourself.
 */
export function watchBrowserWorker(worker: Worker, name: string): WorkerLifeline {
  const lifeline = new WorkerLifeline();
  const manager = locks();
  if (!manager) return lifeline;
  let holding = false;
  worker.addEventListener('error', (event) => {
    if (!holding) lifeline.report(new WorkerDiedError('crashed', (event as ErrorEvent).message || 'it did not start'));
  });
  void lockHeld(manager, name).then((held) => {
    holding = held;
    if (!held || lifeline.dead) return;
    void manager.request(name, () => {
      lifeline.report(new WorkerDiedError('stopped', 'it closed, crashed or was terminated'));
    });
  });
  return lifeline;
}
