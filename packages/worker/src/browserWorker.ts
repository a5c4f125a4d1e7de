/**
 * Entry point of a browser Web Worker serving one twin session:
 * `new Worker(new URL('@immunotwin/worker/browserWorker', import.meta.url), { type: 'module' })`, then
 * `connectSession(worker)` on the page.
 */
import type { Endpoint } from 'comlink';
import { exposeSession } from './expose.js';

// In a worker the global scope is the endpoint (`self`); `globalThis` names it without DOM typings.
exposeSession(globalThis as unknown as Endpoint);
