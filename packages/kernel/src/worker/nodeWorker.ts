/**
 * Entry point of the kernel's worker as a Node `worker_threads` worker (tests, Node hosts): its parent
 * port adapted to a comlink endpoint, its studies on a pool of worker threads. Started by
 * `createNodeKernelWorker`.
 */
import { createNodePool, parentEndpoint } from '@immunotwin/worker/node';
import { exposeKernelWorker, KernelWorker } from './kernelWorker.js';

exposeKernelWorker(
  parentEndpoint('@immunotwin/kernel/nodeWorker'),
  new KernelWorker([], { createPool: (plugins) => createNodePool({ plugins }) }),
);
