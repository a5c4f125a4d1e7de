/**
 * The real entry point: builds the package (incrementally, with its engine and model dependencies) and
 * runs `node packages/cli/lib/bin.js` as a child process.
 */
import { execFile, execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv, tempDir, type TempDir } from './helpers.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const bin = join(root, 'packages/cli/lib/bin.js');

function runBin(args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [bin, ...args],
      { cwd, env: { ...process.env, IMMUNOTWIN_DEBUG: '' } },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

let dir: TempDir;

beforeAll(async () => {
  // `tsc -b` is incremental: a no-op when lib/ is up to date, a real build when sources changed.
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  try {
    execFileSync(process.execPath, [tsc, '-b', 'packages/cli'], { cwd: root, encoding: 'utf8', stdio: 'pipe' });
  } catch (error) {
    const output = (error as { stdout?: string }).stdout ?? String(error);
    throw new Error(`building the CLI with "tsc -b packages/cli" failed, so the bin cannot be tested:\n${output}`);
  }
  dir = await tempDir();
}, 300_000);

afterAll(async () => {
  await dir?.dispose();
});

describe('the built immunotwin bin', () => {
  it('starts with a node shebang', async () => {
    expect((await readFile(bin, 'utf8')).startsWith('#!/usr/bin/env node\n')).toBe(true);
  });

  it('runs a scenario to a CSV file and to stdout', async () => {
    await dir.write('s.json', { model: 'target-cell-limited', duration: 10, outputInterval: 0.5 });
    const toFile = await runBin(['run', 's.json', '--out', 'out.csv'], dir.path);
    expect(toFile.stderr).toMatch(
      /^run: done in [\d.]+ s: 1 replicate of "target-cell-limited" \(ode\), 21 samples to t = 10 day; wrote out\.csv\n$/,
    );
    expect(toFile.code).toBe(0);
    const { header, rows } = parseCsv(await readFile(join(dir.path, 'out.csv'), 'utf8'));
    expect(header.slice(0, 5)).toEqual(['time', 'U', 'E', 'I', 'V']);
    expect(rows).toHaveLength(21);
    const toStdout = await runBin(['run', 's.json', '--quiet'], dir.path);
    expect(toStdout.code).toBe(0);
    expect(toStdout.stderr).toBe('');
    expect(toStdout.stdout).toBe(await readFile(join(dir.path, 'out.csv'), 'utf8'));
  });

  it('prints the version and lists models', async () => {
    const version = await runBin(['--version'], dir.path);
    expect(version.stdout).toMatch(/^immunotwin \d+\.\d+\.\d+ \(engine \d+\.\d+\.\d+\)\n$/);
    const models = await runBin(['models'], dir.path);
    expect(models.code).toBe(0);
    expect(models.stdout).toContain('target-cell-limited');
  });

  it('exits 2 with a one-line error for an unknown command, and 1 for an invalid scenario', async () => {
    const unknown = await runBin(['simulate'], dir.path);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe(
      'immunotwin: error: unknown command "simulate"; allowed: run, sweep, fit, assimilate, merge, models, validate, import-sbml, export-sbml, help\n',
    );
    await dir.write('bad.json', { model: 'target-cell-limited', parameters: { beta: 2 } });
    const bad = await runBin(['run', 'bad.json', '--out', 'bad.csv'], dir.path);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(
      /^immunotwin: error: bad\.json: Invalid scenario: parameters\.beta: 2 is out of range; allowed: 1e-14 to 1 .*\n$/,
    );
    expect(await dir.files()).not.toContain('bad.csv');
  });
});
