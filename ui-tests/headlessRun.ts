/**
 * A lesson run headless, as a teacher's `jupyter nbconvert --to notebook --execute` runs it (the Python package's
 * headless kernel, installed under the in-browser kernel's name): the reference the browser runs are compared with.
 *
 * The executed notebook is kept in the system's temporary folder under a key of everything its outputs depend on —
 * the notebook's bytes, the installed package (.venv/immunotwin.stamp, the digest ensure-venv writes of the headless
 * kernel's bundle and the Python sources) and Node's version — so the server-JupyterLab and the JupyterLite tests of
 * one `npm test` share one run per lesson, and any change to the lesson or the kernel runs it again.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { ILesson, IOutputJson, IRunCell } from './lessonRun';

const VENV = path.resolve(__dirname, '../.venv');
const CACHE = path.join(os.tmpdir(), 'immunotwin-headless-lessons');

/** The cache key of a lesson's headless run (see the file comment). */
function runKey(lesson: ILesson): string {
  return createHash('sha256')
    .update(readFileSync(lesson.file))
    .update(readFileSync(path.join(VENV, 'immunotwin.stamp')))
    .update(process.version)
    .digest('hex')
    .slice(0, 24);
}

/** Runs `jupyter nbconvert --execute` on the lesson into `folder` as `<name>.ipynb`; rejects with its output. */
function nbconvert(lesson: ILesson, folder: string, name: string): Promise<void> {
  const args = ['nbconvert', '--to', 'notebook', '--execute', '--output-dir', folder, '--output', name, lesson.file];
  return new Promise((resolve, reject) => {
    const child = spawn(path.join(VENV, 'bin', 'jupyter'), args, {
      // nbconvert starts the headless kernel, which runs `node`: this Node first on PATH.
      env: { ...process.env, PATH: `${path.dirname(process.execPath)}${path.delimiter}${process.env.PATH ?? ''}` },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`jupyter ${args.join(' ')} failed (exit ${code}):\n${stderr}`)),
    );
  });
}

/** The lesson's code cells after a headless run (from the cache when the same run was made before). */
export async function headlessRun(lesson: ILesson): Promise<IRunCell[]> {
  mkdirSync(CACHE, { recursive: true });
  const key = runKey(lesson);
  const file = path.join(CACHE, `${lesson.id}-${key}.ipynb`);
  if (!existsSync(file)) {
    // Written under another name and renamed: a run cut short never passes for a finished one.
    const partial = `${lesson.id}-${key}-${process.pid}.partial`;
    await nbconvert(lesson, CACHE, partial);
    renameSync(path.join(CACHE, `${partial}.ipynb`), file);
  }
  const executed = JSON.parse(readFileSync(file, 'utf8')) as {
    cells: { cell_type: string; metadata: { nbgrader?: { grade?: boolean } }; outputs?: IOutputJson[] }[];
  };
  return executed.cells
    .filter((cell) => cell.cell_type === 'code')
    .map((cell) => ({ graded: Boolean(cell.metadata.nbgrader?.grade), outputs: cell.outputs ?? [] }));
}
