#!/usr/bin/env node
// `npm run lite`: builds a static JupyterLite 0.8 site with the ImmunoTwin extension (twin kernels, plots,
// launcher section, templates) and the notebooks of notebooks/ (not the lessons' teacher versions) into dist/lite. Serve that folder with any
// static file server, e.g. `python3 -m http.server --directory dist/lite`. Expects `npm run build` first.
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureVenv, venvPython } from './ensure-venv.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The site's folder. */
export const LITE_OUTPUT = join(root, 'dist', 'lite');

/** What `buildLite` reads by default: notebooks/ without the lessons' teacher versions and sources. */
const DEFAULT_CONTENTS = {
  folder: join(root, 'notebooks'),
  // A site is for students: the lessons' teacher versions (solutions) and their sources stay out of it.
  ignore: ['^/teacher(/|$)', '^/lesson-sources(/|$)'],
};

/**
 * Builds a site afresh into `output` (default dist/lite) with the files of `contents.folder` (less the paths matching
 * `contents.ignore`, regular expressions on `/`-rooted paths) as its files; exits the process with a message when
 * that fails. Also used by scripts/course.mjs.
 */
export function buildLite({ output = LITE_OUTPUT, contents = DEFAULT_CONTENTS } = {}) {
  ensureVenv();
  rmSync(output, { recursive: true, force: true });
  // jupyter lite build skips tasks its doit database says are done, even for a new output folder: start clean.
  rmSync(join(root, 'lite', '.jupyterlite.doit.db'), { force: true });
  const args = [
    'lite',
    'build',
    '--lite-dir',
    join(root, 'lite'),
    '--contents',
    contents.folder,
    ...contents.ignore.flatMap((pattern) => ['--extra-ignore-contents', pattern]),
    '--output-dir',
    output,
  ];
  const result = spawnSync(join(dirname(venvPython), 'jupyter'), args, {
    cwd: join(root, 'lite'),
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (result.status !== 0) {
    console.error(`ImmunoTwin: \`jupyter ${args.join(' ')}\` failed (exit ${result.status ?? result.signal}).`);
    process.exit(result.status ?? 1);
  }
  console.error(`ImmunoTwin: JupyterLite site built in ${output}`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  buildLite();
  console.error('Serve it with any static file server, e.g. `python3 -m http.server --directory dist/lite 8000`.');
}
