import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ENGINE_VERSION } from '@immunotwin/engine';
import { parseArgs } from '../src/args.js';
import { CLI_VERSION } from '../src/version.js';
import { cli } from './helpers.js';

const packageJson = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
  version: string;
};

describe('immunotwin help and version', () => {
  it('prints general help with every command', async () => {
    for (const argv of [['--help'], ['-h'], ['help']]) {
      const { code, stdout, stderr } = await cli(argv);
      expect(code).toBe(0);
      expect(stderr).toBe('');
      expect(stdout).toMatch(/^Usage: immunotwin <command> \[options\]\n/);
      for (const name of ['run', 'models', 'validate', 'import-sbml', 'export-sbml', 'help'])
        expect(stdout).toMatch(new RegExp(`\\n {2}${name}\\s+\\S`));
      expect(stdout).toContain(
        "a plugin package's ES module: run, models, validate and export-sbml register it with --plugin.",
      );
    }
  });

  it('prints help for a command', async () => {
    const a = await cli(['help', 'run']);
    const b = await cli(['run', '--help']);
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    expect(a.stdout).toMatch(/^Usage: immunotwin run <scenario\.json> /);
    for (const option of ['-o, --out <file>', '-n, --replicates <n>', '--seed <n>', '-q, --quiet', '-h, --help'])
      expect(a.stdout).toContain(option);
  });

  it('prints the version, equal to package.json', async () => {
    expect(CLI_VERSION).toBe(packageJson.version);
    const { code, stdout } = await cli(['--version']);
    expect(code).toBe(0);
    expect(stdout).toBe(`immunotwin ${CLI_VERSION} (engine ${ENGINE_VERSION})\n`);
  });

  it('shows usage and exits 2 without a command', async () => {
    const { code, stdout, stderr } = await cli([]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^Usage: immunotwin/);
  });
});

describe('immunotwin usage errors (exit code 2, one line, allowed values listed)', () => {
  const cases: [string[], RegExp][] = [
    [
      ['simulate'],
      /^immunotwin: error: unknown command "simulate"; allowed: run, sweep, fit, assimilate, merge, models, validate, import-sbml, export-sbml, help\n$/,
    ],
    [['--verbose'], /^immunotwin: error: unknown option "--verbose"; allowed before a command: --help, --version\n$/],
    [
      ['run', 's.json', '--output', 'x.csv'],
      /^immunotwin: error: unknown option "--output" for "immunotwin run"; allowed: --out, --replicates, --seed, --plugin, --max-memory, --quiet, --help\n$/,
    ],
    [
      ['models', '-x'],
      /^immunotwin: error: unknown option "-x" for "immunotwin models"; allowed: --json, --plugin, --help\n$/,
    ],
    [['run'], /^immunotwin: error: "immunotwin run" needs a scenario file; usage: immunotwin run <scenario\.json>/],
    [
      ['run', 'a.json', 'b.json'],
      /^immunotwin: error: "immunotwin run" takes at most 1 scenario file; unexpected "b\.json"\n$/,
    ],
    [['validate'], /^immunotwin: error: "immunotwin validate" needs a file;/],
    [['run', 's.json', '--quiet=yes'], /^immunotwin: error: option --quiet is a flag and takes no value; got "yes"\n$/],
    [['run', 's.json', '--seed', '1', '--seed', '2'], /^immunotwin: error: option --seed is given more than once\n$/],
    [['run', 's.json', '--out', '--quiet'], /^immunotwin: error: option --out needs a value: --out <file>\n$/],
    [['help', 'frobnicate'], /^immunotwin: error: unknown command "frobnicate"; allowed: /],
  ];
  it.each(cases)('%j', async (argv, message) => {
    const { code, stdout, stderr } = await cli(argv);
    expect(stderr).toMatch(message);
    expect(code).toBe(2);
    expect(stdout).toBe('');
  });
});

describe('parseArgs', () => {
  const specs = [
    { name: 'out', short: 'o', value: 'file', description: '' },
    { name: 'quiet', short: 'q', description: '' },
  ];
  it('reads options in every spelling and keeps positionals in order', () => {
    const a = parseArgs(['x', '-o', 'f.csv', 'y', '-q'], specs, 't');
    expect(a.positionals).toEqual(['x', 'y']);
    expect(Object.fromEntries(a.options)).toEqual({ out: 'f.csv', quiet: true });
    expect(Object.fromEntries(parseArgs(['--out=a=b.csv'], specs, 't').options)).toEqual({ out: 'a=b.csv' });
    expect(parseArgs(['--', '--quiet', '-1'], specs, 't').positionals).toEqual(['--quiet', '-1']);
    expect(parseArgs(['-', '-5'], specs, 't').positionals).toEqual(['-', '-5']);
  });
});
