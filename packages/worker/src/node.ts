/**
 * Node only: twin sessions in `worker_threads` workers (the CLI, tests, and Node kernels).
 */
import { Worker } from 'node:worker_threads';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { SessionClient } from './client.js';

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

/**
 * The parent's Node options for the worker, less `--input-type` (which a worker rejects: a parent started
 * as `node --input-type=module -e …` could not start one otherwise).
 */
function workerExecArgv(): string[] {
  const kept: string[] = [];
  for (let i = 0; i < process.execArgv.length; i++) {
    const arg = process.execArgv[i];
    if (arg === '--input-type') i++;
    else if (!arg.startsWith('--input-type=')) kept.push(arg);
  }
  return kept;
}

/** Starts a worker thread serving a twin session and connects to it. */
export function createNodeSession(options: INodeSessionOptions = {}): INodeSession {
  const worker = new Worker(options.workerUrl ?? new URL('./nodeWorker.js', import.meta.url), {
    execArgv: workerExecArgv(),
  });
  const session = new SessionClient(nodeEndpoint(worker));
  let exited: Promise<void> | undefined;
  return {
    session,
    worker,
    terminate: () => (exited ??= worker.terminate().then(() => undefined)),
  };
}
