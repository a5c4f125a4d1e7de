/**
 * Entry point of a Node `worker_threads` worker serving one twin session (started by
 * `createNodeSession`). Its parent port is adapted to a comlink endpoint.
 */
import { parentPort } from 'node:worker_threads';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { exposeSession } from './expose.js';

if (!parentPort) throw new Error('@immunotwin/worker/nodeWorker must run in a worker_threads Worker');
exposeSession(nodeEndpoint(parentPort));
