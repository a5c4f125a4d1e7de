import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
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
  it('passes its unit tests (test/python)', () => {
    const result = runPython(['-m', 'unittest', 'discover', '-s', 'test/python']);
    expect(result.error).toBeUndefined();
    expect(result.stderr).toMatch(/^OK$/m);
    expect(result.status, result.stderr).toBe(0);
  });
});
