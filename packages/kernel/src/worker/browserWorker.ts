/**
 * Entry point of the kernel's browser Web Worker:
 * `new Worker(new URL('@immunotwin/kernel/worker', import.meta.url), { type: 'module' })`. Its studies
 * (`twin.sweep`, `twin.sensitivity`) run on a pool of nested Web Workers, one per core.
 */
import type { Endpoint } from 'comlink';
import { createBrowserPool } from '@immunotwin/worker/browserPool';
import { exposeKernelWorker, KernelWorker } from './kernelWorker.js';

// In a worker the global scope is the endpoint (`self`); `globalThis` names it without DOM typings.
exposeKernelWorker(
  globalThis as unknown as Endpoint,
  new KernelWorker([], { createPool: (plugins) => createBrowserPool({ plugins }) }),
);
