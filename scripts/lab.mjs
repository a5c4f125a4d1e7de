#!/usr/bin/env node
// `npm start` (after ensure-deps and the build): brings .venv up to date (JupyterLab 4.6, the immunotwin
// package with the extension just built, and the outside-plugin example examples/plugin-hiv-latent), then
// serves JupyterLab on the user's work folder (my-notebooks/, or IMMUNOTWIN_WORK_DIR; see work-folder.mjs) at
// localhost; it prints the URL. The templates come from the launcher, copied into that folder.
// Extra arguments go to `jupyter lab` (e.g. `npm start -- --port 8899 --no-browser`).
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureExamplePlugin } from './ensure-example-plugin.mjs';
import { venvPython } from './ensure-venv.mjs';
import { workFolder } from './work-folder.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
ensureExamplePlugin();

const folder = workFolder();
const args = ['-m', 'jupyter', 'lab', '--ServerApp.ip=localhost', `--ServerApp.root_dir=${folder}`];
if (typeof process.getuid === 'function' && process.getuid() === 0) args.push('--allow-root');
console.error(`ImmunoTwin: starting JupyterLab on ${folder}; open the URL it prints (Ctrl+C stops it).`);
const lab = spawn(venvPython, [...args, ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => lab.kill(signal));
lab.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
