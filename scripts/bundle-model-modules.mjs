#!/usr/bin/env node
// Bundles the code of the built-in models that have code (the Immune System Twin and the Lung Twin) into standalone ES
// modules in the JupyterLab extension's static folder (immunotwin/labextension/static/models/), the URLs that
// the extension's model registry hands the kernels' and workbenches' workers, which import() them. Each module
// carries the engine code it uses; the model's randomness comes from the stream the host's engine passes in, so
// results are the same bits as in Node. Run by the extension's build, after the labextension is built; the headless
// kernel's bundle (scripts/bundle-headless-kernel.mjs) takes the same modules through `bundleModelModules`.
//
// esbuild (a direct dev dependency) rather than a second rspack config: one entry, one ES module out, no
// module federation involved.
import { build } from 'esbuild';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Package entry → file under the labextension's static folder (as in the extension's builtInModules.ts). */
export const MODEL_MODULES = {
  'packages/model-immune/lib/index.js': 'models/model-immune.js',
  'packages/model-lung/lib/index.js': 'models/model-lung.js',
};

/** Bundles every model module into `dir` (each at its `MODEL_MODULES` path under it). */
export async function bundleModelModules(dir) {
  for (const [entry, file] of Object.entries(MODEL_MODULES)) {
    const outfile = join(dir, file);
    mkdirSync(dirname(outfile), { recursive: true });
    await build({
      entryPoints: [join(root, entry)],
      outfile,
      bundle: true,
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      minify: true,
      legalComments: 'none',
      logLevel: 'warning',
    });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await bundleModelModules(join(root, 'immunotwin', 'labextension', 'static'));
}
