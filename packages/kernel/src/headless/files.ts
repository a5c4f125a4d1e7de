import { IMMUNE_MODULE, LUNG_MODULE } from '@immunotwin/models/descriptors';

/**
 * The files of the headless kernel's bundle (`immunotwin/headless/`), relative to its entry `kernel.js`: written
 * by `scripts/bundle-headless-kernel.mjs`, read by `main.ts`.
 */

/** The kernel's worker thread entry. */
export const HEADLESS_WORKER_FILE = './kernelWorker.js';

/**
 * The built-in models' code, by the module specifier their descriptors give: the same ES modules the JupyterLab
 * extension serves (`scripts/bundle-model-modules.mjs`), so a headless run imports the very code a browser does.
 */
export const BUNDLED_MODEL_FILES: Readonly<Record<string, string>> = {
  [IMMUNE_MODULE]: './models/model-immune.js',
  [LUNG_MODULE]: './models/model-lung.js',
};

/** The prefix of every headless kernelspec's name (the in-browser kernels' is `immunotwin-` alone). */
export const HEADLESS_KERNEL_NAME_PREFIX = 'immunotwin-headless-';
