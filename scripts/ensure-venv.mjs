#!/usr/bin/env node
// Makes sure .venv holds JupyterLab 4.6 (with ipykernel, which the headless twin kernels wrap, and nbconvert), papermill, nbgrader, jupyterlite-core 0.8 (for `npm run lite`), libroadrunner and
// antimony (SBML references), SALib and scipy (sensitivity references), polars (reads the CLI's Arrow and Parquet
// files) for test/python, and the immunotwin
// Python package as it is now: creates the venv when it is missing and reinstalls the package when the
// extension (as last built by `npm run build`) or the Python sources changed since the last install (a
// digest in .venv/immunotwin.stamp). Quiet when nothing is needed. Used by `npm start`, `npm run lite` and
// the end-to-end tests.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const venv = join(root, '.venv');

/** Peers from PyPI that test/python checks ImmunoTwin against, each installed once when its modules are missing. */
const PYTHON_REFERENCES = [
  {
    modules: 'roadrunner, antimony',
    packages: ['libroadrunner==2.10.0', 'antimony==3.3.0'],
    why: 'SBML references for test_sbml_roadrunner.py',
  },
  {
    modules: 'SALib, scipy',
    packages: ['SALib==1.6.0', 'scipy==1.17.1'],
    why: "Sobol', Morris and PRCC references for test_sensitivity_salib.py",
  },
  {
    modules: 'polars',
    packages: ['polars==2.1.0'],
    why: "reads the CLI's Arrow and Parquet files in test_tables_polars.py",
  },
];

/** The venv's Python interpreter. */
export const venvPython = join(venv, process.platform === 'win32' ? 'Scripts' : 'bin', 'python');

const built = join(root, 'immunotwin', 'labextension', 'package.json');
/** Records what the venv's immunotwin was installed from. */
const stampFile = join(venv, 'immunotwin.stamp');

/** The headless kernel's entry and a kernelspec (`npm run build` writes them with the extension). */
const headlessBuilt = [
  join(root, 'immunotwin', 'headless', 'kernel.js'),
  join(root, 'immunotwin', 'kernels', 'immunotwin-headless-target-cell-limited', 'kernel.json'),
];

/**
 * A digest of what the Python package installs: the built extension's manifest, the headless kernel's bundle and
 * kernelspecs, and the Python sources.
 */
function packageDigest() {
  const hash = createHash('sha256').update(readFileSync(built));
  for (const dir of ['headless', 'kernels']) {
    for (const file of readdirSync(join(root, 'immunotwin', dir), { recursive: true }).sort()) {
      const path = join(root, 'immunotwin', dir, String(file));
      if (statSync(path).isFile()) hash.update(String(file)).update(readFileSync(path));
    }
  }
  const sources = join(root, 'immunotwin');
  for (const name of readdirSync(sources)
    .filter((file) => file.endsWith('.py'))
    .sort()) {
    hash.update(name).update(readFileSync(join(sources, name)));
  }
  return hash.digest('hex');
}

/** Runs a command (in the repository unless `options.cwd` says otherwise); on failure says which and exits. */
export function runOrExit(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', ...options });
  if (result.status !== 0) {
    console.error(`ImmunoTwin: \`${[command, ...args].join(' ')}\` failed (exit ${result.status ?? result.signal}).`);
    process.exit(result.status ?? 1);
  }
}

/** Reinstalls the Python package in `dir` into .venv without its dependencies, as a user's `pip install .` would. */
export function installIntoVenv(dir, options = {}) {
  const pip = ['-m', 'pip', 'install', '--quiet', '--disable-pip-version-check', '--force-reinstall', '--no-deps', '.'];
  runOrExit(venvPython, pip, { cwd: dir, ...options });
}

/** Creates or updates .venv; exits the process with a message when that fails. */
export function ensureVenv() {
  if (!existsSync(built) || !headlessBuilt.every((file) => existsSync(file))) {
    console.error(
      'ImmunoTwin: the JupyterLab extension or the headless kernel is not built; run `npm run build` first.',
    );
    process.exit(1);
  }
  if (!existsSync(venvPython)) {
    console.error('ImmunoTwin: creating .venv with JupyterLab 4.6 (once, about half a minute)…');
    runOrExit(process.platform === 'win32' ? 'python' : 'python3', ['-m', 'venv', venv]);
    runOrExit(venvPython, ['-m', 'pip', 'install', '--quiet', '--disable-pip-version-check', 'jupyterlab==4.6.*']);
  }
  // JupyterLab runs a CommonJS `node-version-check.js` from inside the venv at start; below this
  // repository's `"type": "module"` package.json Node would load it as an ES module and print a wall of
  // minified code with an error. A package.json of the venv's own makes the files under it CommonJS again.
  const venvPackage = join(venv, 'package.json');
  if (!existsSync(venvPackage)) {
    writeFileSync(
      venvPackage,
      `${JSON.stringify({ description: 'Keeps the JavaScript inside .venv CommonJS', type: 'commonjs' }, null, 2)}\n`,
    );
  }
  if (!existsSync(join(dirname(venvPython), 'jupyter-lite'))) {
    console.error('ImmunoTwin: installing jupyterlite-core 0.8 into .venv (once)…');
    runOrExit(venvPython, [
      '-m',
      'pip',
      'install',
      '--quiet',
      '--disable-pip-version-check',
      'jupyterlite-core==0.8.*',
    ]);
  }
  // Jupyter Notebook 7 beside JupyterLab: the same extension serves both (`jupyter notebook`), and the
  // end-to-end tests run the templates in it.
  if (!existsSync(join(dirname(venvPython), 'jupyter-notebook'))) {
    console.error('ImmunoTwin: installing Jupyter Notebook 7 into .venv (once)…');
    runOrExit(venvPython, ['-m', 'pip', 'install', '--quiet', '--disable-pip-version-check', 'notebook==7.6.*']);
  }
  // Papermill, to test that it runs twin notebooks on the headless twin kernels with parameters (test/headless.test.ts).
  if (!existsSync(join(dirname(venvPython), 'papermill'))) {
    console.error('ImmunoTwin: installing papermill 2.7 into .venv (once)…');
    runOrExit(venvPython, ['-m', 'pip', 'install', '--quiet', '--disable-pip-version-check', 'papermill==2.7.*']);
  }
  // nbgrader, to test that a teacher can release, collect and autograde the lessons (test/python/test_lessons.py).
  // Only its command line is used: its JupyterLab extension (toolbar buttons, sidebars) and server extensions (2.6 s
  // more to start a server) are switched off in the venv, so JupyterLab looks and starts as it would without it.
  if (!existsSync(join(dirname(venvPython), 'nbgrader'))) {
    console.error('ImmunoTwin: installing nbgrader 0.9 into .venv (once)…');
    runOrExit(venvPython, ['-m', 'pip', 'install', '--quiet', '--disable-pip-version-check', 'nbgrader==0.9.*']);
  }
  const pageConfig = join(venv, 'etc', 'jupyter', 'labconfig', 'page_config.json');
  if (!(existsSync(pageConfig) && readFileSync(pageConfig, 'utf8').includes('"@jupyter/nbgrader": true'))) {
    const jupyter = join(dirname(venvPython), 'jupyter');
    runOrExit(jupyter, ['labextension', 'disable', '--level=sys_prefix', '@jupyter/nbgrader']);
    for (const part of ['formgrader', 'validate_assignment', 'assignment_list', 'course_list']) {
      runOrExit(jupyter, ['server', 'extension', 'disable', '--sys-prefix', `nbgrader.server_extensions.${part}`]);
    }
  }
  for (const reference of PYTHON_REFERENCES) {
    const present = spawnSync(venvPython, ['-c', `import ${reference.modules}`], { cwd: root, stdio: 'ignore' });
    if (present.status === 0) continue;
    console.error(`ImmunoTwin: installing ${reference.packages.join(' and ')} into .venv (once; ${reference.why})…`);
    runOrExit(venvPython, ['-m', 'pip', 'install', '--quiet', '--disable-pip-version-check', ...reference.packages]);
  }
  const digest = packageDigest();
  const current = existsSync(stampFile) && readFileSync(stampFile, 'utf8') === digest;
  if (!current) {
    console.error('ImmunoTwin: installing the immunotwin Python package into .venv…');
    installIntoVenv(root);
    writeFileSync(stampFile, digest);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) ensureVenv();
