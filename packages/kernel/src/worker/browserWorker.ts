/**
 * Entry point of the kernel's browser Web Worker:
 * `new Worker(new URL('@immunotwin/kernel/worker', import.meta.url), { type: 'module' })`.
 */
import type { Endpoint } from 'comlink';
import { exposeKernelWorker } from './kernelWorker.js';

// In a worker the global scope is the endpoint (`self`); `globalThis` names it without DOM typings.
exposeKernelWorker(globalThis as unknown as Endpoint);
