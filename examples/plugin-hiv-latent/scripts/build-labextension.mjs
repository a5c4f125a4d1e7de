#!/usr/bin/env node
// `npm run build` (after tsc): builds the JupyterLab extension with @jupyter/builder against JupyterLab's
// core-meta (the versions a JupyterLab 4.6 page shares) into the Python package's labextension/ folder, then
// bundles the model's code (src/model.ts, with everything it imports) with esbuild into one ES module in that
// extension's static/models/ folder: the URL src/index.ts registers, which the kernels' and workbenches'
// workers import. Tools are found wherever Node resolves them (this package's node_modules or a parent's).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const outputDir = join(root, manifest.jupyterlab.outputDir);

const builder = require.resolve('@jupyter/builder/lib/build-labextension.js');
const corePackage = require.resolve('@jupyterlab/core-meta/core.package.json');
const development = process.argv.includes('--development');
const args = [builder, ...(development ? ['--development'] : []), '--core-package-file', corePackage, root];
const result = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
if (result.status !== 0) process.exit(result.status ?? 1);

// The file src/index.ts registers (MODEL_MODULE_FILE), under the extension's static folder.
await build({
  entryPoints: [join(root, 'src', 'model.ts')],
  outfile: join(outputDir, 'static', 'models', 'hiv-latent.js'),
  bundle: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  minify: !development,
  legalComments: 'none',
  logLevel: 'warning',
});
