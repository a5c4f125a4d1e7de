/**
 * The page of the browser worker-pool benchmark (bench/browserPool.mjs builds it with vite and drives it in
 * Chromium). It keeps two pools made by `createBrowserPool`, of 1 and 2 module Web Workers, and measures them side
 * by side on the workloads of bench/poolWorkloads.mjs (the same as bench/pool.mjs's on Node worker threads), in
 * the page's own clock; Node only asks and reads the figures.
 */
import { createBrowserPool } from '@immunotwin/worker/browserPool';
import { comparePools, ENSEMBLE, sameBits, SWEEP } from '../poolWorkloads.mjs';
import { plugins } from './plugins.js';

const WORKLOADS = { ensemble: ENSEMBLE, sweep: SWEEP };
/** Tasks of the ensemble the nested pool runs. */
const NESTED_TASKS = 4;

const one = createBrowserPool({ plugins, size: 1 });
const two = createBrowserPool({ plugins, size: 2 });

const bench = {
  /** This host's logical cores, and the size of a pool made with no size. */
  sizes(): { hardwareConcurrency: number; defaultSize: number } {
    return { hardwareConcurrency: navigator.hardwareConcurrency, defaultSize: createBrowserPool({ plugins }).size };
  },

  /** The 1-worker and 2-worker pools side by side on a workload: tasks/s of each round, and the same bits? */
  compare(name: keyof typeof WORKLOADS): Promise<{ one: number[]; two: number[]; identical: boolean }> {
    return comparePools(one, two, WORKLOADS[name].tasks);
  },

  /**
   * A pool made inside a module worker (nested workers): its default size, and whether its runs of the first
   * ensemble tasks are the same bits as this page's 2-worker pool's.
   */
  async nested(): Promise<{ size: number; identical: boolean }> {
    const worker = new Worker(new URL('./nestedPool.ts', import.meta.url), { type: 'module' });
    try {
      const answer = new Promise<{ size: number; runs: unknown; error?: string }>((resolve, reject) => {
        worker.addEventListener('message', (event) => resolve(event.data));
        worker.addEventListener('error', (event) => reject(new Error(`nested pool worker: ${event.message}`)));
      });
      worker.postMessage({ tasks: NESTED_TASKS });
      const { size, runs, error } = await answer;
      if (error) throw new Error(`nested pool: ${error}`);
      const here = await two.run(ENSEMBLE.tasks.slice(0, NESTED_TASKS));
      return { size, identical: sameBits(runs, here) };
    } finally {
      worker.terminate();
    }
  },
};

declare global {
  interface Window {
    bench: typeof bench;
  }
}

window.bench = bench;
document.body.dataset.ready = 'true';
