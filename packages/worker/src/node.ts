/**
 * Node only: twin sessions in `worker_threads` workers (the CLI, tests, and Node kernels).
 */
import type { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import type { PluginDescriptor } from '@immunotwin/engine';
import { SessionClient } from './client.js';
import { startNodeThread, type INodeThreadOptions } from './nodeThread.js';
import { WorkerPool } from './pool/workerPool.js';

export { parentEndpoint, startNodeThread, watchNodeWorker } from './nodeThread.js';
export type { INodeThread, INodeThreadOptions } from './nodeThread.js';

/** A session in its own Node worker thread. */
export interface INodeSession {
  /** The session (same API as an in-process TwinSession). */
  readonly session: SessionClient;
  /** The worker thread. */
  readonly worker: Worker;
  /**
   * Stops the worker at once and resolves when the thread has exited; calls still pending reject with a
   * `WorkerDiedError` (cause `stopped`), as they do when the worker dies any other way.
   */
  terminate(): Promise<void>;
}

/** Options of `createNodeSession`. */
export interface INodeSessionOptions extends INodeThreadOptions {
  /** The worker's entry module (default: this package's `nodeWorker.js`). */
  workerUrl?: URL;
}

/**
 * Starts a worker thread serving a twin session and connects to it. When the thread dies (out of memory under
 * `resourceLimits`, terminated, exited, crashed) every call rejects with a `WorkerDiedError`; start another
 * session to go on.
 */
export function createNodeSession(options: INodeSessionOptions = {}): INodeSession {
  const { worker, endpoint, lifeline } = startNodeThread(
    options.workerUrl ?? new URL('./nodeWorker.js', import.meta.url),
    options,
  );
  const session = new SessionClient(endpoint, lifeline);
  let exited: Promise<void> | undefined;
  return {
    session,
    worker,
    terminate: () => (exited ??= worker.terminate().then(() => undefined)),
  };
}

/** Options of `createNodePool`. */
export interface INodePoolOptions extends INodeThreadOptions {
  /** The models the workers know, as descriptors (e.g. `builtInDescriptors`). */
  plugins: readonly PluginDescriptor[];
  /** Number of worker threads (default: `os.availableParallelism()`). */
  size?: number;
}

/** A `WorkerPool` of Node worker threads (each under `resourceLimits`, when given). */
export function createNodePool(options: INodePoolOptions): WorkerPool {
  return new WorkerPool({
    size: options.size ?? availableParallelism(),
    plugins: options.plugins,
    createWorker: () => {
      const { worker, endpoint, lifeline } = startNodeThread(new URL('./poolNodeWorker.js', import.meta.url), options);
      return Object.assign(endpoint, { lifeline, terminate: () => void worker.terminate() });
    },
  });
}
