import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRng, parseAssimilationResult, resolveScenario, runScenarioSync } from '@immunotwin/engine';
import { targetCellLimited } from '@immunotwin/model-within-host';
import { cli, tempDir, type TempDir } from './helpers.js';

const scenario = { model: 'target-cell-limited', duration: 6, outputInterval: 0.5 };
/** The true twin: clearance 3.5/day instead of the scenario's 5.2. */
const TRUE_C = 3.5;
const truth = runScenarioSync(resolveScenario(targetCellLimited, { ...scenario, parameters: { c: TRUE_C } })).runs[0]!;
/** log10 V of the true twin on days 0.5–3 with Gaussian noise (sd 0.3, seed 11), as an observations CSV. */
const noise = createRng(11);
const csv = [
  'time,observable,value,unit',
  ...[1, 2, 3, 4, 5, 6].map(
    (k) => `${k / 2},log10V,${Math.log10(truth.observables.V![k]!) + 0.3 * noise.normal()},log10 TCID50/mL`,
  ),
].join('\n');
const observation = {
  observations: [{ observable: 'log10V', expression: 'log10(V)', noise: { kind: 'gaussian', sigma: 0.3 } }],
};

let dir: TempDir;
beforeEach(async () => {
  dir = await tempDir();
  await dir.write('scenario.json', scenario);
  await dir.write('data.csv', csv);
  await dir.write('observation.json', observation);
});
afterEach(async () => {
  await dir.dispose();
});

const args = ['assimilate', 'scenario.json', '--data', 'data.csv', '--observation', 'observation.json'];

describe('immunotwin assimilate', () => {
  it('assimilates day by day, narrows the clearance around the truth and writes a valid result', async () => {
    const { code, stderr } = await cli(
      [...args, '--estimate', 'c=1', '--members', '100', '--until', '2', '--out', 'a.json', '--workers', '2'],
      { cwd: dir.path },
    );
    expect(code, stderr).toBe(0);
    const result = parseAssimilationResult(JSON.parse(await readFile(join(dir.path, 'a.json'), 'utf8')));
    expect(result.method).toBe('enkf');
    expect(result.data).toEqual({ file: 'data.csv', observations: 4 }); // days 0.5–2: --until 2
    expect(result.steps.map((s) => s.time)).toEqual([0.5, 1, 1.5, 2]);
    // Prior ln c ~ N(ln 5.2, 1): its 90 % interval is [1.0, 27]. Four noisy points of the growth phase narrow it to
    // hold the true 3.5 in an interval at least 5 times narrower (on log scale) than the prior's.
    const c = result.steps.at(-1)!.parameters.c!;
    expect(c.lower).toBeLessThan(TRUE_C);
    expect(c.upper).toBeGreaterThan(TRUE_C);
    expect(Math.log(c.upper / c.lower)).toBeLessThan((2 * 1.645) / 5);
    // One progress line per observation, each with the datum and the twin's prediction.
    expect(stderr.match(/^assimilate: \d\/4 t = /gm)).toHaveLength(4);
    expect(stderr).toMatch(/assimilate: 4\/4 t = 2 day: log10V [\d.]+ \(twin [\d.]+ \[/);
    expect(stderr).toMatch(/wrote a\.json/);
    // The forecast runs from the last observation to the scenario's end, on 101 points, median and 50/90 % bands.
    expect(result.forecast!.time[0]).toBe(2);
    expect(result.forecast!.time.at(-1)).toBe(6);
    expect(result.forecast!.time).toHaveLength(101);
    expect(result.forecast!.summary.quantiles).toEqual([0.05, 0.25, 0.5, 0.75, 0.95]);
    expect(result.counterfactual).toBeUndefined();
  });

  it('--treat: the antiviral started now lowers the load, member by member, and the same file with 1 or 2 workers', async () => {
    const treat = ['--estimate', 'c', '--members', '60', '--until', '1.5', '--forecast', '2', '--quiet'];
    const one = await cli([...args, ...treat, '--treat', 'oseltamivir:1.5:6', '--out', 'one.json', '--workers', '1'], {
      cwd: dir.path,
    });
    expect(one.code, one.stderr).toBe(0);
    expect(one.stderr).toBe('');
    const two = await cli(
      [...args, ...treat, '--treat', '{"kind":"oseltamivir","stop":6}', '--out', 'two.json', '--workers', '2'],
      {
        cwd: dir.path,
      },
    );
    expect(two.code, two.stderr).toBe(0);
    const text = await readFile(join(dir.path, 'one.json'), 'utf8');
    // kind:start:stop and the JSON (start defaulting to now, 1.5) say the same treatment: the same bits.
    expect(await readFile(join(dir.path, 'two.json'), 'utf8')).toBe(text);
    const result = parseAssimilationResult(JSON.parse(text));
    const { treatment, effect } = result.counterfactual!;
    expect(treatment).toEqual({ kind: 'oseltamivir', start: 1.5, stop: 6 });
    expect(result.forecast!.time.at(-1)).toBe(3.5);
    // A day after the start (point 50 of 100 over 2 days) even the 95th percentile of the effect is a drop.
    const bands = effect.summary.observables.log10V!.bands;
    expect(bands[4]![50]).toBeLessThan(0);
  });

  it('runs the particle filter with --method pf on whole counts', async () => {
    await dir.write('small.json', {
      model: 'target-cell-limited',
      duration: 4,
      parameters: { U0: 200, V0: 20, beta: 5e-3, p: 20, c: 3 },
    });
    await dir.write('counts.csv', 'time,observable,value,unit\n1,V,40,virions\n2,V,80,virions\n');
    await dir.write('poisson.json', { observations: [{ observable: 'V', noise: { kind: 'poisson' } }] });
    const argv = [
      'assimilate',
      'small.json',
      '--data',
      'counts.csv',
      '--observation',
      'poisson.json',
      '--method',
      'pf',
    ];
    const { code, stderr } = await cli([...argv, '--members', '300', '--out', 'pf.json', '--quiet'], { cwd: dir.path });
    expect(code, stderr).toBe(0);
    const result = parseAssimilationResult(JSON.parse(await readFile(join(dir.path, 'pf.json'), 'utf8')));
    expect(result.method).toBe('particle');
    expect(result.steps[0]!.effectiveSampleSize).toBeLessThanOrEqual(300);
    const median = result.forecast!.summary.observables.V!.median;
    expect(median.every((v) => Number.isInteger(v) || Number.isInteger(2 * v))).toBe(true);
  });

  it('refuses bad command lines and bad inputs by name, writing nothing', async () => {
    const cases: [string[], number, RegExp][] = [
      [[...args, '--out', 'x.json'], 2, /option --estimate: estimate must be at least one parameter for an ODE twin/],
      [
        [...args, '--estimate', 'c=-1', '--out', 'x.json'],
        2,
        /option --estimate: "c=-1" is not a parameter with a prior/,
      ],
      [
        [...args, '--estimate', 'nope', '--out', 'x.json'],
        2,
        /option --estimate: estimate\.nope must be a parameter of "target-cell-limited" with a positive value/,
      ],
      [
        [...args, '--estimate', 'c', '--method', 'kalman', '--out', 'x.json'],
        2,
        /option --method: "kalman" is not a filter; allowed: enkf/,
      ],
      [
        [...args, '--estimate', 'c', '--forecast', '0', '--out', 'x.json'],
        2,
        /option --forecast must be a duration > 0/,
      ],
      [[...args, '--estimate', 'c', '--until', 'today', '--out', 'x.json'], 2, /option --until must be a time/],
      [
        [...args, '--estimate', 'c', '--until', '0.1', '--out', 'x.json'],
        1,
        /no observation at or before --until 0\.1/,
      ],
      [
        [...args, '--estimate', 'c', '--treat', 'oseltamivir:1', '--out', 'x.json'],
        2,
        /option --treat: start 1 is before the last observation assimilated \(t = 3 day\)/,
      ],
      [
        [...args, '--estimate', 'c', '--treat', 'oseltamivir', '--out', 'x.json'],
        2,
        /option --treat: .*stop: is required for "oseltamivir"/,
      ],
      [
        [...args, '--estimate', 'c', '--treat', 'a b', '--out', 'x.json'],
        2,
        /option --treat: "a b" is not a treatment; allowed: kind, kind:start/,
      ],
      [[...args, '--estimate', 'c', '--out', 'x.csv'], 2, /"x\.csv" must be a \.json file/],
      [
        [...args, '--estimate', 'c', '--inflation', '0.9', '--out', 'x.json'],
        2,
        /option --inflation must be a number ≥ 1/,
      ],
      [['assimilate', 'scenario.json', '--estimate', 'c', '--out', 'x.json'], 2, /assimilate needs --data/],
    ];
    for (const [argv, exit, message] of cases) {
      const { code, stderr } = await cli([...argv, '--members', '20', '--quiet'], { cwd: dir.path });
      expect(stderr, argv.join(' ')).toMatch(message);
      expect(code, argv.join(' ')).toBe(exit);
    }
    await dir.write('poisson.json', {
      observations: [{ observable: 'log10V', expression: 'log10(V)', noise: { kind: 'poisson' } }],
    });
    const poisson = await cli(
      [
        'assimilate',
        'scenario.json',
        '--data',
        'data.csv',
        '--observation',
        'poisson.json',
        '--estimate',
        'c',
        '--out',
        'x.json',
      ],
      { cwd: dir.path },
    );
    expect(poisson.stderr).toMatch(/poisson\.json: .*Gaussian noise with a fixed sigma for the ensemble Kalman filter/);
    expect(await dir.files()).toEqual(['data.csv', 'observation.json', 'poisson.json', 'scenario.json']);
  });

  it('assimilates the Hayden et al. 1996 untreated arm with the default observation model', async () => {
    const hayden = fileURLToPath(new URL('../../../examples/data/hayden1996.csv', import.meta.url));
    const example = fileURLToPath(new URL('../../../examples/influenza-untreated.json', import.meta.url));
    const argv = [
      'assimilate',
      example,
      '--data',
      hayden,
      '--group',
      'untreated',
      '--estimate',
      'beta',
      '--estimate',
      'c',
    ];
    const { code, stderr } = await cli([...argv, '--members', '50', '--until', '2', '--out', 'h.json', '--quiet'], {
      cwd: dir.path,
    });
    expect(code, stderr).toBe(0);
    const result = parseAssimilationResult(JSON.parse(await readFile(join(dir.path, 'h.json'), 'utf8')));
    // Hayden's untreated arm is measured every 24 h: days 0, 1 and 2 up to --until 2 (time_h converted to days).
    expect(result.steps.map((s) => s.time)).toEqual([0, 1, 2]);
    expect(result.forecast!.time.at(-1)).toBe(8);
  });

  it('stops when interrupted and leaves no file', async () => {
    const controller = new AbortController();
    const running = cli([...args, '--estimate', 'c', '--members', '2000', '--out', 'a.json', '--workers', '1'], {
      cwd: dir.path,
      signal: controller.signal,
    });
    setTimeout(() => controller.abort(), 300);
    const { code } = await running;
    expect(code).toBe(130);
    expect(await dir.files()).toEqual(['data.csv', 'observation.json', 'scenario.json']);
  });
});
