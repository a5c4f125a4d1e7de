/**
 * Entry point of the kernel's worker as a Node `worker_threads` worker (tests, Node hosts): its parent
 * port adapted to a comlink endpoint. Started by `createNodeKernelWorker`.
 */
import { parentEndpoint } from '@immunotwin/worker/node';
import { exposeKernelWorker } from './kernelWorker.js';

exposeKernelWorker(parentEndpoint('@immunotwin/kernel/nodeWorker'));
