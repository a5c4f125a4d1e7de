/**
 * Node only: both ends of a comlink connection over `worker_threads`, shared by every ImmunoTwin worker
 * that runs in Node (twin sessions, the kernel's executor).
 */
import { parentPort, Worker } from 'node:worker_threads';
import type { Endpoint } from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';

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

/** Parent side: starts `entry` in a worker thread and returns it with a comlink endpoint to it. */
export function startNodeThread(entry: URL): { worker: Worker; endpoint: Endpoint } {
  const worker = new Worker(entry, { execArgv: workerExecArgv() });
  return { worker, endpoint: nodeEndpoint(worker) };
}

/** Worker side: the comlink endpoint to the parent; `entryName` names the entry in the error outside a worker. */
export function parentEndpoint(entryName: string): Endpoint {
  if (!parentPort) throw new Error(`${entryName} must run in a worker_threads Worker`);
  return nodeEndpoint(parentPort);
}
