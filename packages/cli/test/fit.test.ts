import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import {
  parseFitResult,
  parseObservationsCsv,
  resolveScenario,
  runScenarioSync,
  scenarioFitProblem,
} from '@immunotwin/engine';
import { targetCellLimited } from '@immunotwin/model-within-host';
import { cli, tempDir, type TempDir } from './helpers.js';

const scenario = { model: 'target-cell-limited', duration: 6, outputInterval: 1 };
const defaults = resolveScenario(targetCellLimited, scenario).parameters;
/** Noise-free log10 V of the twin at its defaults on days 1–6, as an observations CSV. */
const csv = [
  'time,observable,value,unit',
  ...Array.from(runScenarioSync(resolveScenario(targetCellLimited, scenario)).runs[0]!.observables.V!)
    .slice(1)
    .map((v, i) => `${i + 1},log10V,${Math.log10(v)},log10 TCID50/mL`),
].join('\n');

let dir: TempDir;
beforeEach(async () => {
  dir = await tempDir();
  await dir.write('scenario.json', scenario);
  await dir.write('data.csv', csv);
});
afterEach(async () => {
  await dir.dispose();
});

const fitArgs = [
  'fit',
  'scenario.json',
  '--data',
  'data.csv',
  '--estimate',
  'beta=1e-6:1e-3',
  '--estimate',
  'p=1e-4:1',
];

describe('immunotwin fit', () => {
  it('recovers the parameters of noise-free data by least squares and writes a valid fit result', async () => {
    const { code, stderr } = await cli([...fitArgs, '--out', 'fit.json', '--starts', '3', '--workers', '2'], {
      cwd: dir.path,
    });
    expect(code, stderr).toBe(0);
    const fit = parseFitResult(JSON.parse(await readFile(join(dir.path, 'fit.json'), 'utf8')));
    expect(fit.method).toBe('levenberg-marquardt');
    expect(fit.model).toEqual({ id: 'target-cell-limited', title: targetCellLimited.manifest.title });
    expect(fit.data).toEqual({ file: 'data.csv', observations: 6 });
    expect(fit.starts.results).toHaveLength(3);
    const [beta, p] = fit.parameters;
    // Noise-free data from the same solver: the least-squares optimum is the truth up to the solver's tolerance.
    expect(Math.abs(beta!.estimate / defaults.beta! - 1)).toBeLessThan(1e-4);
    expect(Math.abs(p!.estimate / defaults.p! - 1)).toBeLessThan(1e-4);
    expect(beta!.unit).toBe(targetCellLimited.manifest.parameters.find((q) => q.id === 'beta')!.unit);
    expect(beta!.profile!.lower).toBeLessThan(beta!.estimate);
    expect(beta!.profile!.upper).toBeGreaterThan(beta!.estimate);
    expect(stderr).toMatch(/fit: levenberg-marquardt, best of 3 starts/);
    expect(stderr).toMatch(/wrote fit\.json/);
  });

  it('without --observation fits log10 data as log10 of the model observable, σ = 1, censored at the detection limit', async () => {
    const hayden = fileURLToPath(new URL('../../../examples/data/hayden1996.csv', import.meta.url));
    await dir.write('hayden.json', { model: 'target-cell-limited', duration: 8 });
    const argv = ['fit', 'hayden.json', '--data', hayden, '--group', 'untreated', '--estimate', 'beta=1e-7:1:log'];
    const { code, stderr } = await cli([...argv, '--starts', '3', '--no-profiles', '--out', 'h.json', '--quiet'], {
      cwd: dir.path,
    });
    expect(code, stderr).toBe(0);
    const fit = parseFitResult(JSON.parse(await readFile(join(dir.path, 'h.json'), 'utf8')));
    // Censored points make it maximum likelihood (no residuals).
    expect(fit.method).toBe('nelder-mead');
    expect(fit.observationCount).toBe(9);
    // The documented default observation model, built here, gives the fit's −log L at its estimate.
    const data = parseObservationsCsv(await readFile(hayden, 'utf8')).filter((d) => d.group === 'untreated');
    const problem = scenarioFitProblem({
      plugin: targetCellLimited,
      experiments: [{ scenario: { model: 'target-cell-limited', duration: 8 }, data }],
      observation: {
        observations: [{ observable: 'log10V', expression: 'log10(V)', noise: { kind: 'gaussian', sigma: 1 } }],
      },
      parameters: [{ id: 'beta', lower: 1e-7, upper: 1, scale: 'log' }],
    });
    expect(problem.evaluate(Float64Array.of(fit.parameters[0]!.estimate)).negLogLikelihood).toBe(fit.negLogLikelihood);
  });

  it('writes the same file with 1 worker and with 2', async () => {
    const args = [...fitArgs, '--starts', '4', '--seed', '7', '--no-profiles', '--quiet'];
    expect((await cli([...args, '--out', 'one.json', '--workers', '1'], { cwd: dir.path })).code).toBe(0);
    expect((await cli([...args, '--out', 'two.json', '--workers', '2'], { cwd: dir.path })).code).toBe(0);
    const one = await readFile(join(dir.path, 'one.json'), 'utf8');
    expect(await readFile(join(dir.path, 'two.json'), 'utf8')).toBe(one);
  });

  it('refuses bad command lines and bad inputs by name, writing nothing', async () => {
    const cases: [string[], number, RegExp][] = [
      [['fit', 'scenario.json', '--data', 'data.csv', '--out', 'x.json'], 2, /at least one --estimate/],
      [
        [...fitArgs.slice(0, 4), '--estimate', 'beta=1e-3', '--out', 'x.json'],
        2,
        /"beta=1e-3" is not a parameter to estimate/,
      ],
      [
        [...fitArgs, '--estimate', 'sigma', '--out', 'x.json'],
        2,
        /"sigma" is not a parameter of "target-cell-limited", so it needs bounds/,
      ],
      [
        [...fitArgs, '--group', 'treated', '--out', 'x.json'],
        2,
        /--group: "treated" is not a group of data\.csv; allowed: \(none\)/,
      ],
      [[...fitArgs, '--out', 'x.csv'], 2, /"x\.csv" must be a \.json file/],
      [[...fitArgs, '--out', 'x.json', '--level', '95'], 2, /--level must be a number between 0 and 1/],
      [
        ['fit', 'scenario.json', '--data', 'data.csv', '--estimate', 'beta=1e-6:10', '--out', 'x.json'],
        1,
        /above the range of "beta"/,
      ],
    ];
    for (const [argv, exit, message] of cases) {
      const { code, stderr } = await cli(argv, { cwd: dir.path });
      expect(stderr, argv.join(' ')).toMatch(message);
      expect(code, argv.join(' ')).toBe(exit);
    }
    await dir.write('bad.csv', 'time,observable,value\n1,log10V,abc\n');
    const bad = await cli(['fit', 'scenario.json', '--data', 'bad.csv', '--estimate', 'beta', '--out', 'x.json'], {
      cwd: dir.path,
    });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/bad\.csv/);
    expect(bad.stderr).toMatch(/abc/);
    expect(await dir.files()).toEqual(['bad.csv', 'data.csv', 'scenario.json']);
  });

  it('says so when no start reaches a finite likelihood (the model fails everywhere in the box)', async () => {
    const manifest = await readFile(
      new URL('../../engine/test/fixtures/divergingDecay.manifest.json', import.meta.url),
      'utf8',
    );
    await dir.write('diverging.json', manifest);
    await dir.write('decay.json', { model: 'diverging-decay', duration: 3 });
    await dir.write('decay.csv', 'time,observable,value,unit\n1,A,999,molecules\n2,A,998,molecules\n');
    // The run fails within 3 days for every k > 125/3: all of [50, 100] fails.
    const { code, stderr } = await cli(
      [
        'fit',
        'decay.json',
        '--data',
        'decay.csv',
        '--plugin',
        'diverging.json',
        '--estimate',
        'k=50:100',
        '--starts',
        '2',
        '--out',
        'x.json',
        '--quiet',
      ],
      { cwd: dir.path },
    );
    expect(code).toBe(1);
    expect(stderr).toMatch(
      /^immunotwin: error: no start of the fit reached a finite likelihood \(2 tried\); widen or move the bounds/,
    );
    expect(stderr).toMatch(
      /start 1 at \[75\]: the likelihood is not finite at the start: the run of "diverging-decay" failed/,
    );
    expect(await dir.files()).not.toContain('x.json');
  });

  it('stops when interrupted and leaves no file', async () => {
    const controller = new AbortController();
    const running = cli([...fitArgs, '--out', 'fit.json', '--starts', '2', '--workers', '1'], {
      cwd: dir.path,
      signal: controller.signal,
    });
    setTimeout(() => controller.abort(), 300);
    const { code } = await running;
    expect(code).toBe(130);
    expect(await dir.files()).toEqual(['data.csv', 'scenario.json']);
  });
});
