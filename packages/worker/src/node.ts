/**
 * Node only: twin sessions in `worker_threads` workers (the CLI, tests, and Node kernels).
 */
import type { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import type { PluginDescriptor } from '@immunotwin/engine';
import { SessionClient } from './client.js';
import { startNodeThread } from './nodeThread.js';
import { WorkerPool } from './pool/workerPool.js';

export { parentEndpoint, startNodeThread } from './nodeThread.js';

/** A session in its own Node worker thread. */
export interface INodeSession {
  /** The session (same API as an in-process TwinSession). */
  readonly session: SessionClient;
  /** The worker thread. */
  readonly worker: Worker;
  /**
   * Stops the worker at once (a run in progress is abandoned: its promise never settles) and resolves
   * when the thread has exited.
   */
  terminate(): Promise<void>;
}

/** Options of `createNodeSession`. */
export interface INodeSessionOptions {
  /** The worker's entry module (default: this package's `nodeWorker.js`). */
  workerUrl?: URL;
}

/** Starts a worker thread serving a twin session and connects to it. */
export function createNodeSession(options: INodeSessionOptions = {}): INodeSession {
  const { worker, endpoint } = startNodeThread(options.workerUrl ?? new URL('./nodeWorker.js', import.meta.url));
  const session = new SessionClient(endpoint);
  let exited: Promise<void> | undefined;
  return {
    session,
    worker,
    terminate: () => (exited ??= worker.terminate().then(() => undefined)),
  };
}

/** Options of `createNodePool`. */
export interface INodePoolOptions {
  /** The models the workers know, as descriptors (e.g. `builtInDescriptors`). */
  plugins: readonly PluginDescriptor[];
  /** Number of worker threads (default: `os.availableParallelism()`). */
  size?: number;
}

/** A `WorkerPool` of Node worker threads. */
export function createNodePool(options: INodePoolOptions): WorkerPool {
  return new WorkerPool({
    size: options.size ?? availableParallelism(),
    plugins: options.plugins,
    createWorker: () => {
      const { worker, endpoint } = startNodeThread(new URL('./poolNodeWorker.js', import.meta.url));
      return Object.assign(endpoint, { terminate: () => void worker.terminate() });
    },
  });
}
