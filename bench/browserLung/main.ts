/**
 * The page of the browser Lung Twin benchmark (bench/browserLung.mjs builds it with vite and drives it in
 * Chromium): it runs the measurements in a module Web Worker (bench/browserLung/worker.ts), as a twin session
 * would, and hands their figures to Node.
 */
const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });

/** What the page offers Node. */
const bench = {
  /** Runs the worker's measurements for `sides` and `days`; resolves to their figures. */
  run(request: { side: number; days: number; floor: number; methods: string[] }): Promise<unknown> {
    return new Promise((resolve, reject) => {
      worker.onmessage = (event) => resolve(event.data);
      worker.onerror = (event) => reject(new Error(`lung worker: ${event.message}`));
      worker.postMessage(request);
    });
  },
};

Object.assign(window, { bench });
document.body.dataset.ready = 'true';
