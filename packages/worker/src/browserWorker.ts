/**
 * Entry point of a browser Web Worker serving one twin session:
 * `new Worker(new URL('@immunotwin/worker/browserWorker', import.meta.url), { type: 'module' })`, then
 * `connectSession(worker)` on the page.
 */
import type { Endpoint } from 'comlink';
import { holdLifeLock } from './browserLifeLock.js';
import { exposeSession } from './expose.js';

// First, so that the page can tell when this worker dies (when its name carries a life lock).
holdLifeLock();
// In a worker the global scope is the endpoint (`self`); `globalThis` names it without DOM typings.
exposeSession(globalThis as unknown as Endpoint);
