/**
 * Entry point of a Node `worker_threads` worker serving one twin session (started by
 * `createNodeSession`). Its parent port is adapted to a comlink endpoint.
 */
import { exposeSession } from './expose.js';
import { parentEndpoint } from './nodeThread.js';

exposeSession(parentEndpoint('@immunotwin/worker/nodeWorker'));
