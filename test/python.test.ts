import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const python = process.platform === 'win32' ? 'python' : 'python3';

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
