/**
 * Entry point of a browser pool worker (started by `createBrowserPool` from `@immunotwin/worker/browserPool`):
 * runs tasks for a `WorkerPool` on the worker's global scope.
 */
import type { Endpoint } from 'comlink';
import { holdLifeLock } from './browserLifeLock.js';
import { exposePoolWorker } from './pool/poolWorkerService.js';

// First, so that the page can tell when this worker dies (when its name carries a life lock).
holdLifeLock();
// In a worker the global scope is the endpoint (`self`); `globalThis` names it without DOM typings.
exposePoolWorker(globalThis as unknown as Endpoint);
