/**
 * Entry point of the kernel's browser Web Worker:
 * `new Worker(new URL('@immunotwin/kernel/worker', import.meta.url), { type: 'module' })`. Its studies
 * (`twin.sweep`, `twin.sensitivity`) run on a pool of nested Web Workers, one per core.
 */
import type { Endpoint } from 'comlink';
import { createBrowserPool } from '@immunotwin/worker/browserPool';
import { holdLifeLock } from '@immunotwin/worker/lifeLock';
import { exposeKernelWorker, KernelWorker } from './kernelWorker.js';

// First, so that the page can tell when this worker dies (when its name carries a life lock).
holdLifeLock();
// In a worker the global scope is the endpoint (`self`); `globalThis` names it without DOM typings.
exposeKernelWorker(
  globalThis as unknown as Endpoint,
  new KernelWorker([], { createPool: (plugins) => createBrowserPool({ plugins }) }),
);
