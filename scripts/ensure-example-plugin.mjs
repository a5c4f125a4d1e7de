#!/usr/bin/env node
// Makes sure .venv holds the outside-plugin example (examples/plugin-hiv-latent) as it is now, installed the way
// a user installs a plugin: its Python package (pip) with the prebuilt JupyterLab extension as shared data,
// beside immunotwin. Builds it first (tsc, @jupyter/builder, esbuild), resolving @immunotwin/* and the build
// tools through this repository's node_modules (no npm install, no network), and only when its sources changed
// since the last install (a digest in .venv/plugin-hiv-latent.stamp). Because the plugin is in .venv,
// `jupyter lab` loads it and `jupyter lite build` (scripts/lite.mjs) copies it into the JupyterLite site.
// Used by `npm run test:ui` and `npm start`; expects `npm run build` first (the example imports the built
// @immunotwin packages).
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureVenv, installIntoVenv, runOrExit } from './ensure-venv.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The example plugin's folder. */
export const EXAMPLE_PLUGIN = join(root, 'examples', 'plugin-hiv-latent');

const manifest = JSON.parse(readFileSync(join(EXAMPLE_PLUGIN, 'package.json'), 'utf8'));
const labextension = join(EXAMPLE_PLUGIN, manifest.jupyterlab.outputDir);
/** Where pip installs the plugin's extension (its shared data). */
const installed = join(root, '.venv', 'share', 'jupyter', 'labextensions', manifest.name);
const stampFile = join(root, '.venv', 'plugin-hiv-latent.stamp');

/** Build outputs and caches: not sources. */
const SKIPPED = new Set(['node_modules', 'lib', 'labextension', 'dist', '__pycache__']);

function sourceFiles(dir) {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => !SKIPPED.has(entry.name) && !entry.name.endsWith('.egg-info'))
    .flatMap((entry) => (entry.isDirectory() ? sourceFiles(join(dir, entry.name)) : [join(dir, entry.name)]))
    .sort();
}

/** A digest of everything the installed plugin is made from: the example's sources and build files. */
function sourceDigest() {
  const hash = createHash('sha256');
  for (const file of sourceFiles(EXAMPLE_PLUGIN))
    hash.update(relative(EXAMPLE_PLUGIN, file)).update(readFileSync(file));
  return hash.digest('hex');
}

/** Whether an extension folder holds a bundled model module (static/models/*.js). */
function hasModelBundle(dir) {
  const models = join(dir, 'static', 'models');
  return existsSync(models) && readdirSync(models).some((file) => file.endsWith('.js'));
}

/** The build's output goes to stderr only (its stdout is rspack's asset listing). */
const QUIET = { cwd: EXAMPLE_PLUGIN, stdio: ['ignore', 'ignore', 'inherit'] };

/** Builds and installs the example plugin into .venv when needed; exits the process with a message on failure. */
export function ensureExamplePlugin() {
  ensureVenv();
  const digest = sourceDigest();
  // Built and installed means the model bundle is there too (the build writes it last, after the labextension).
  const complete = (dir) => existsSync(join(dir, 'package.json')) && hasModelBundle(dir);
  const current =
    existsSync(stampFile) &&
    readFileSync(stampFile, 'utf8') === digest &&
    complete(labextension) &&
    complete(installed);
  if (current) return;
  const started = Date.now();
  console.error(`ImmunoTwin: building the example plugin ${manifest.name} and installing it into .venv…`);
  runOrExit(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', EXAMPLE_PLUGIN], QUIET);
  runOrExit(process.execPath, [join(EXAMPLE_PLUGIN, 'scripts', 'build-labextension.mjs')], QUIET);
  installIntoVenv(EXAMPLE_PLUGIN, QUIET);
  writeFileSync(stampFile, digest);
  console.error(`ImmunoTwin: ${manifest.name} installed in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) ensureExamplePlugin();
