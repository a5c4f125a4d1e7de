/**
 * The worker-pool factory for a browser: module Web Workers running `@immunotwin/worker/poolBrowserWorker`. Kept
 * out of the main entry so that a bundle which never makes a pool carries no pool-worker chunk, and so that
 * Node never touches `Worker`.
 */
import type { PluginDescriptor } from '@immunotwin/engine';
import { lifeLockName, watchBrowserWorker } from './browserLifeLock.js';
import { WorkerPool, type IPoolEndpoint } from './pool/workerPool.js';

/** Options of {@link createBrowserPool}. */
export interface IBrowserPoolOptions {
  /** The models the workers know, as descriptors (a model's code as a URL its workers can `import()`). */
  plugins: readonly PluginDescriptor[];
  /** Number of workers, a whole number ≥ 1 (default: `navigator.hardwareConcurrency`, or 1 when it is unknown). */
  size?: number;
  /**
   * The pool worker's module, for a build that does not emit the worker chunk itself (esbuild, or a page loading
   * the package unbundled from elsewhere): a bundle of `@immunotwin/worker/poolBrowserWorker`. Default: that
   * entry, next to this module.
   */
  workerUrl?: URL | string;
}

/** How many workers a browser pool has by default: the host's logical cores, at least 1. */
function defaultSize(): number {
  const cores = (globalThis as { navigator?: { hardwareConcurrency?: number } }).navigator?.hardwareConcurrency;
  return typeof cores === 'number' && Number.isInteger(cores) && cores >= 1 ? cores : 1;
}

/**
 * A `WorkerPool` of module Web Workers, each serving `exposePoolWorker`. `size` defaults to
 * `navigator.hardwareConcurrency` (at least 1); an explicit size must be a whole number ≥ 1 (a `RangeError`
 * otherwise). Workers start on the pool's first run and stay until `dispose()`.
 *
 * The workers are made with `new Worker(new URL('./poolBrowserWorker.js', import.meta.url), { type: 'module' })`,
 * the pattern webpack, rspack and vite recognise to emit the worker as its own chunk (esbuild does not: pass
 * `workerUrl`). It works in a page and inside a worker (a kernel's worker making a pool of nested workers):
 * nested dedicated workers are supported in Chromium, Firefox and Safari ≥ 15.5.
 */
export function createBrowserPool(options: IBrowserPoolOptions): WorkerPool {
  const { workerUrl } = options;
  return new WorkerPool({
    size: options.size ?? defaultSize(),
    plugins: options.plugins,
    createWorker: (): IPoolEndpoint => {
      // A name with a life lock, so that a worker that dies fails its task instead of leaving it waiting.
      const name = lifeLockName('immunotwin-pool');
      const worker =
        workerUrl !== undefined
          ? new Worker(workerUrl, { type: 'module', name })
          : // The options are written inline: a bundler reads them where it finds the pattern.
            new Worker(new URL('./poolBrowserWorker.js', import.meta.url), { type: 'module', name });
      return Object.assign(worker, { lifeline: watchBrowserWorker(worker, name) });
    },
  });
}
