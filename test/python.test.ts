import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as mimeTypes from '@immunotwin/engine';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
// The project's .venv (made by `npm test` before the unit tests, with JupyterLab and so jsonschema) when it exists.
const venvPython = join(root, '.venv', process.platform === 'win32' ? 'Scripts/python.exe' : 'bin/python');
const python = existsSync(venvPython) ? venvPython : process.platform === 'win32' ? 'python' : 'python3';

/** Runs Python with the repository's `immunotwin` package importable. */
function runPython(args: string[]) {
  return spawnSync(python, args, { cwd: root, encoding: 'utf8', env: { ...process.env, PYTHONPATH: root } });
}

describe('the Python package', () => {
  // The Python tests call Node and run the scipy, SALib, libroadrunner and headless-kernel comparisons, and
  // test_lessons.py autogrades one lesson with nbgrader (every lesson's nbconvert run is the end-to-end tests'):
  // 183 s measured on a 2-core machine under a load of about 14 (the autograde 72 s of it), less on an idle one.
  it('passes its unit tests (test/python)', { timeout: 300_000 }, () => {
    const result = runPython(['-m', 'unittest', 'discover', '-s', 'test/python']);
    expect(result.error).toBeUndefined();
    expect(result.stderr).toMatch(/^OK$/m);
    expect(result.status, result.stderr).toBe(0);
  });

  it('names the MIME types of the outputs as the engine does', () => {
    const names = [
      'PATIENT_MIME_TYPE',
      'PLOT_MIME_TYPE',
      'STUDY_MIME_TYPE',
      'TISSUE_MIME_TYPE',
      'WORKBENCH_MIME_TYPE',
    ] as const;
    const code = `import json, immunotwin; print(json.dumps({n: getattr(immunotwin, n) for n in ${JSON.stringify(names)}}))`;
    const result = runPython(['-c', code]);
    expect(result.status, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual(Object.fromEntries(names.map((name) => [name, mimeTypes[name]])));
  });
});
