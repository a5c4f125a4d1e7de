#!/usr/bin/env node
// Bundles the headless twin kernel's Node side into immunotwin/headless/ (shipped inside the Python package) and
// writes two Jupyter kernelspecs per twin model (see below) into immunotwin/kernels/ (installed by the wheel into
// share/jupyter/kernels/). The bundle: kernel.js (packages/kernel's headless/main: a TwinKernel over stdio),
// kernelWorker.js (the kernel's worker thread), poolNodeWorker.js (the study pool's worker threads, found by the
// worker package beside the code that starts them), shared chunks, and models/ (the built-in models' code, the same
// modules the JupyterLab extension serves). Run by `npm run build` after `tsc -b`.
//
// esbuild (a direct dev dependency), ES modules with code splitting, so the three thread entries share one copy of
// the engine; platform node, so Node's built-ins stay imports.
import { build } from 'esbuild';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { bundleModelModules } from './bundle-model-modules.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outdir = join(root, 'immunotwin', 'headless');
const kernelsDir = join(root, 'immunotwin', 'kernels');

const lib = (path) => join(root, 'packages', path);
const { HEADLESS_KERNEL_NAME_PREFIX, HEADLESS_WORKER_FILE } = await import(
  pathToFileURL(lib('kernel/lib/headless/files.js')).href
);
const { builtInDescriptors } = await import(pathToFileURL(lib('models/lib/descriptors.js')).href);

rmSync(outdir, { recursive: true, force: true });
await build({
  entryPoints: {
    kernel: lib('kernel/lib/headless/main.js'),
    [HEADLESS_WORKER_FILE.replace(/^\.\/|\.js$/g, '')]: lib('kernel/lib/worker/nodeWorker.js'),
    poolNodeWorker: lib('worker/lib/poolNodeWorker.js'),
  },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  minify: true,
  legalComments: 'none',
  logLevel: 'warning',
  // CommonJS dependencies (e.g. @jupyterlab/services) require() Node built-ins: give ES module chunks a require.
  banner: {
    js: "import { createRequire as __itCreateRequire } from 'node:module'; const require = __itCreateRequire(import.meta.url);",
  },
  // The kernel imports a cell's modules with `import(specifier, options)`, which stays a runtime import.
  logOverride: { 'unsupported-dynamic-import': 'silent' },
});
await bundleModelModules(outdir);
// The bundle's .js files are ES modules wherever the package is installed (a venv may hold a CommonJS package.json).
writeFileSync(join(outdir, 'package.json'), `${JSON.stringify({ type: 'module', private: true }, null, 2)}\n`);

// Per model with a kernel section, two kernelspecs run by the Python wrapper: "<display name> (headless)", and one
// under the in-browser kernel's own name (`immunotwin-<model>`), which the templates and lessons name. With it
// `jupyter nbconvert --execute`, papermill, nbgrader and VS Code run a twin notebook as it is, with no kernel-name
// option; in JupyterLab and Notebook the extension's in-browser kernelspec of that name comes first (the hybrid
// kernelspec client lists the in-browser ones over the server's), so a notebook there still opens in the browser.
rmSync(kernelsDir, { recursive: true, force: true });
for (const { manifest } of builtInDescriptors) {
  if (!manifest.kernel) continue;
  const kernelspecs = {
    [`${HEADLESS_KERNEL_NAME_PREFIX}${manifest.id}`]: `${manifest.kernel.displayName} (headless)`,
    [`immunotwin-${manifest.id}`]: `${manifest.kernel.displayName} (headless, under the in-browser name)`,
  };
  for (const [name, displayName] of Object.entries(kernelspecs)) {
    const spec = {
      // jupyter_client and VS Code run `python` as the interpreter of the environment the kernelspec is installed in.
      argv: ['python', '-m', 'immunotwin.headless_kernel', '--model', manifest.id, '-f', '{connection_file}'],
      display_name: displayName,
      language: 'typescript',
      interrupt_mode: 'signal',
      metadata: { immunotwin: { model: manifest.id, headless: true } },
    };
    mkdirSync(join(kernelsDir, name), { recursive: true });
    writeFileSync(join(kernelsDir, name, 'kernel.json'), `${JSON.stringify(spec, null, 2)}\n`);
  }
}
