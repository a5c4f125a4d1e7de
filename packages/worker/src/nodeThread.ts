/**
 * Node only: both ends of a comlink connection over `worker_threads`, shared by every ImmunoTwin worker
 * that runs in Node (twin sessions, the kernel's executor).
 */
import { parentPort, Worker, type ResourceLimits } from 'node:worker_threads';
import type { Endpoint } from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { WorkerDiedError, WorkerLifeline } from './workerDeath.js';

/**
 * The parent's Node options for a worker, less `--input-type` (which a worker rejects: a parent started
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

/** Options of {@link startNodeThread}. */
export interface INodeThreadOptions {
  /**
   * The worker's memory limits (Node's `resourceLimits`, e.g. `{ maxOldGenerationSizeMb: 512 }`): a worker that
   * goes over them is stopped, and its lifeline reports it out of memory. Default: Node's (the process's).
   */
  resourceLimits?: ResourceLimits;
}

/** A started worker thread: the thread, a comlink endpoint to it, and its lifeline. */
export interface INodeThread {
  /** The worker thread. */
  readonly worker: Worker;
  /** A comlink endpoint to it. */
  readonly endpoint: Endpoint;
  /** Reports the thread's death (out of memory, stopped, crashed) to the calls guarded by it. */
  readonly lifeline: WorkerLifeline;
}

/**
 * A lifeline fed by a Node worker's events: `ERR_WORKER_OUT_OF_MEMORY` is reported as out of memory, another
 * uncaught error as a crash, and an exit (terminated, `process.exit`, or the end of its work) as stopped.
 */
export function watchNodeWorker(worker: Worker): WorkerLifeline {
  const lifeline = new WorkerLifeline();
  worker.on('error', (error: Error & { code?: string }) => {
    const outOfMemory = error.code === 'ERR_WORKER_OUT_OF_MEMORY';
    lifeline.report(new WorkerDiedError(outOfMemory ? 'out-of-memory' : 'crashed', error.message));
  });
  worker.on('exit', (code) => lifeline.report(new WorkerDiedError('stopped', `exit code ${code}`)));
  return lifeline;
}

/** Parent side: starts `entry` in a worker thread and returns it with a comlink endpoint to it and its lifeline. */
export function startNodeThread(entry: URL, options: INodeThreadOptions = {}): INodeThread {
  const worker = new Worker(entry, { execArgv: workerExecArgv(), resourceLimits: options.resourceLimits });
  return { worker, endpoint: nodeEndpoint(worker), lifeline: watchNodeWorker(worker) };
}

/** Worker side: the comlink endpoint to the parent; `entryName` names the entry in the error outside a worker. */
export function parentEndpoint(entryName: string): Endpoint {
  if (!parentPort) throw new Error(`${entryName} must run in a worker_threads Worker`);
  return nodeEndpoint(parentPort);
}
