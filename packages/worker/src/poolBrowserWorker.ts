/**
 * Entry point of a browser pool worker:
 * `new Worker(new URL('@immunotwin/worker/poolBrowserWorker', import.meta.url), { type: 'module' })`, handed to a
 * `WorkerPool` sized to `navigator.hardwareConcurrency`.
 */
import type { Endpoint } from 'comlink';
import { exposePoolWorker } from './pool/poolWorkerService.js';

// In a worker the global scope is the endpoint (`self`); `globalThis` names it without DOM typings.
exposePoolWorker(globalThis as unknown as Endpoint);
