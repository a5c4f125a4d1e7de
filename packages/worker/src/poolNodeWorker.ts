/**
 * Entry point of a Node `worker_threads` pool worker (started by `createNodePool`): runs tasks for a
 * `WorkerPool` on its parent port.
 */
import { parentEndpoint } from './nodeThread.js';
import { exposePoolWorker } from './pool/poolWorkerService.js';

exposePoolWorker(parentEndpoint('@immunotwin/worker/poolNodeWorker'));
