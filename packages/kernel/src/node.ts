/**
 * Node only: the kernel's worker in a `worker_threads` thread, as the endpoint `TwinKernel` takes
 * (`createWorker: () => createNodeKernelWorker()`).
 */
import { startNodeThread, type INodeThreadOptions } from '@immunotwin/worker/node';
import type { IKernelWorkerEndpoint } from './kernel.js';

/** Options of {@link createNodeKernelWorker}. */
export interface INodeKernelWorkerOptions extends INodeThreadOptions {
  /** The worker's entry module (default: this package's built `worker/nodeWorker.js`). */
  workerUrl?: URL;
}

/**
 * Starts the kernel's worker in a Node worker thread (under `resourceLimits`, when given): a comlink endpoint that
 * can be terminated, with the lifeline that tells the kernel when the thread dies.
 */
export function createNodeKernelWorker(options: INodeKernelWorkerOptions = {}): IKernelWorkerEndpoint {
  const { worker, endpoint, lifeline } = startNodeThread(
    options.workerUrl ?? new URL('./worker/nodeWorker.js', import.meta.url),
    { resourceLimits: options.resourceLimits },
  );
  return Object.assign(endpoint, { lifeline, terminate: () => void worker.terminate() });
}
