/**
 * Node only: the kernel's worker in a `worker_threads` thread, as the endpoint `TwinKernel` takes
 * (`createWorker: () => createNodeKernelWorker()`).
 */
import { startNodeThread } from '@immunotwin/worker/node';
import type { IKernelWorkerEndpoint } from './kernel.js';

/** Options of {@link createNodeKernelWorker}. */
export interface INodeKernelWorkerOptions {
  /** The worker's entry module (default: this package's built `worker/nodeWorker.js`). */
  workerUrl?: URL;
}

/** Starts the kernel's worker in a Node worker thread: a comlink endpoint that can be terminated. */
export function createNodeKernelWorker(options: INodeKernelWorkerOptions = {}): IKernelWorkerEndpoint {
  const { worker, endpoint } = startNodeThread(options.workerUrl ?? new URL('./worker/nodeWorker.js', import.meta.url));
  return Object.assign(endpoint, { terminate: () => void worker.terminate() });
}
