import { describe, expect, it } from 'vitest';
import {
  cohortDistribution,
  DEFAULT_COHORT_SPREAD,
  drawCohort,
  resolveBand,
  resolveScenario,
  runBand,
  runScenarioSync,
  summarizeEnsemble,
  ValidationError,
  type BandResult,
  type RunProgress,
  type Scenario,
} from '../src/index.js';
import { decayModel } from './fixtures/decayModel.js';

const ode: Scenario = { model: 'decay-test', duration: 4, outputInterval: 0.5 };
const ssa: Scenario = { model: 'decay-test', method: 'ssa', duration: 4, outputInterval: 0.5, parameters: { A0: 200 } };
const resolved = (scenario: Scenario) => resolveScenario(decayModel, scenario);

/** The issue of the ValidationError `make` throws: its path and the error's message. */
function refusal(make: () => unknown): { path: string; message: string } {
  try {
    make();
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    const e = error as ValidationError;
    return { path: e.issues[0].path, message: e.message };
  }
  throw new Error('expected a ValidationError');
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

describe('resolveBand', () => {
  it('makes a cohort explicit: the default spread and every parameter it can vary', () => {
    // s is 0 (no log-normal around it) and n is a whole number: neither is varied.
    expect(resolveBand(resolved(ode), { kind: 'cohort', size: 5 })).toEqual({
      kind: 'cohort',
      size: 5,
      spread: DEFAULT_COHORT_SPREAD,
      parameters: ['k', 'A0'],
    });
    // Under SSA, A0 is the initial count of A (whole molecules): not drawn from a continuous spread.
    expect(resolveBand(resolved(ssa), { kind: 'cohort', size: 5, spread: 0.1 }).parameters).toEqual(['k']);
    // Named parameters come back in the manifest's order.
    expect(resolveBand(resolved(ode), { kind: 'cohort', size: 5, parameters: ['A0', 'k'] }).parameters).toEqual([
      'k',
      'A0',
    ]);
    expect(resolveBand(resolved(ssa), { kind: 'replicates', size: 3 })).toEqual({ kind: 'replicates', size: 3 });
  });

  it.each([
    [
      ode,
      { kind: 'replicates', size: 20 },
      'kind',
      '"replicates" of an ode run would all be the same run; allowed: "cohort"',
    ],
    [ssa, { kind: 'replicates', size: 20, spread: 0.3 }, 'spread', 'spread: applies to a cohort only'],
    [ode, { kind: 'cohort', size: 1 }, 'size', 'size: must be ≥ 2; got 1 (how many replicates or virtual patients)'],
    [ode, { kind: 'cohort', size: 2.5 }, 'size', 'size: must be a whole number; got 2.5'],
    [ode, { kind: 'cohort', size: 5000 }, 'size', 'size: must be ≤ 1000; got 5000'],
    [ode, { kind: 'patients', size: 5 }, 'kind', 'kind: must be one of "replicates", "cohort"; got "patients"'],
    [ode, { kind: 'cohort', size: 5, spread: 0 }, 'spread', 'spread: must be > 0; got 0'],
    [ode, { kind: 'cohort', size: 5, parameters: ['q'] }, 'parameters[0]', '"q" is not a parameter of decay-test'],
    [
      ode,
      { kind: 'cohort', size: 5, parameters: ['k', 's'] },
      'parameters[1]',
      's is 0 here; a log-normal spread needs a value > 0',
    ],
    [ode, { kind: 'cohort', size: 5, parameters: ['n'] }, 'parameters[0]', 'n takes whole numbers only'],
    [
      ssa,
      { kind: 'cohort', size: 5, parameters: ['A0'] },
      'parameters[0]',
      'A0 sets an initial amount, which method "ssa" counts',
    ],
    [ode, { kind: 'cohort', size: 5, parameters: [] }, 'parameters', 'parameters: must have at least 1 item'],
  ])('refuses a band that does not fit, naming the field: %#', (scenario, band, path, message) => {
    const issue = refusal(() => resolveBand(resolved(scenario), band));
    expect(issue.path).toBe(path);
    expect(issue.message).toContain(message);
    expect(issue.message).toMatch(/^Invalid band: /);
  });

  it('refuses a cohort when no parameter can vary', () => {
    const issue = refusal(() =>
      resolveBand(resolved({ ...ode, parameters: { k: 0, A0: 0 } }), { kind: 'cohort', size: 3 }),
    );
    expect(issue.path).toBe('parameters');
    expect(issue.message).toContain('no parameter of decay-test can be varied here');
  });
});

describe('drawCohort', () => {
  const scenario = resolved({ ...ode, parameters: { k: 0.8 }, seed: 7 });

  it('draws each parameter log-normally around its value, with the spread as coefficient of variation, in range', () => {
    const patients = drawCohort(scenario, ['k', 'A0'], 4000, 0.3);
    for (const [id, centre] of [
      ['k', 0.8],
      ['A0', 1000],
    ] as const) {
      const values = patients.map((p) => p[id]);
      const mean = values.reduce((a, b) => a + b, 0) / values.length;
      const sd = Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / (values.length - 1));
      expect(median(values) / centre).toBeCloseTo(1, 1);
      expect(sd / mean).toBeGreaterThan(0.27);
      expect(sd / mean).toBeLessThan(0.33);
      expect(Math.min(...values)).toBeGreaterThan(0);
    }
    // The parameters not named keep the scenario's values.
    expect(new Set(patients.map((p) => p.s))).toEqual(new Set([0]));
    expect(new Set(patients.map((p) => p.n))).toEqual(new Set([2]));
  });

  it('keeps every draw within the parameter’s range (truncated, never clamped)', () => {
    const spec = decayModel.manifest.parameters.find((p) => p.id === 'k')!;
    const near = resolved({ ...ode, parameters: { k: 90 } });
    const values = drawCohort(near, ['k'], 2000, 1).map((p) => p.k);
    expect(Math.max(...values)).toBeLessThanOrEqual(spec.max);
    // Truncation, not clamping: no pile-up at the bound.
    expect(values.filter((v) => v === spec.max)).toHaveLength(0);
    expect(cohortDistribution(spec, 90, 1).support).toEqual([0, 100]);
  });

  it('is reproducible from the seed: same seed, same cohort; a larger cohort or one more parameter keeps the draws', () => {
    const a = drawCohort(scenario, ['k'], 20, 0.3);
    expect(drawCohort(scenario, ['k'], 20, 0.3)).toEqual(a);
    expect(drawCohort(scenario, ['k'], 50, 0.3).slice(0, 20)).toEqual(a);
    expect(drawCohort(scenario, ['k', 'A0'], 20, 0.3).map((p) => p.k)).toEqual(a.map((p) => p.k));
    const other = drawCohort(resolved({ ...ode, parameters: { k: 0.8 }, seed: 8 }), ['k'], 20, 0.3);
    expect(other.map((p) => p.k)).not.toEqual(a.map((p) => p.k));
  });
});

describe('runBand', () => {
  it('gives the median of the patients: with k varied, A(t) = A0·exp(−k t) at the median k', async () => {
    const scenario = resolved({ ...ode, solver: { rtol: 1e-10, atol: 1e-10 } });
    const band: BandResult = await runBand(scenario, { kind: 'cohort', size: 21, parameters: ['k'] });
    const kMedian = median(drawCohort(scenario, ['k'], 21, DEFAULT_COHORT_SPREAD).map((p) => p.k));
    const stats = band.summary.observables.A;
    band.time.forEach((t, i) => {
      expect(stats.median[i]).toBeCloseTo(1000 * Math.exp(-kMedian * t), 5);
    });
    expect(band.band).toEqual({ kind: 'cohort', size: 21, spread: DEFAULT_COHORT_SPREAD, parameters: ['k'] });
    expect(band.summary.quantiles).toEqual(scenario.quantiles);
  });

  it('has bands that contain the median and widen with the spread; the same seed gives the same bits', async () => {
    const scenario = resolved({ ...ode, seed: 3 });
    const narrow = await runBand(scenario, { kind: 'cohort', size: 20, spread: 0.1 });
    const wide = await runBand(scenario, { kind: 'cohort', size: 20, spread: 0.6 });
    const width = (result: BandResult, i: number): number => {
      const { bands } = result.summary.observables.A;
      return bands[bands.length - 1][i] - bands[0][i];
    };
    for (const result of [narrow, wide]) {
      const { median: mid, bands } = result.summary.observables.A;
      result.time.forEach((_, i) => {
        expect(bands[0][i]).toBeLessThanOrEqual(mid[i]);
        expect(bands[bands.length - 1][i]).toBeGreaterThanOrEqual(mid[i]);
      });
    }
    // At t = 0 only A0 spreads; later k does too: the wide cohort's band is wider at every time.
    narrow.time.forEach((_, i) => expect(width(wide, i)).toBeGreaterThan(width(narrow, i)));
    const again = await runBand(scenario, { kind: 'cohort', size: 20, spread: 0.1 });
    expect(again).toEqual(narrow);
    const reseeded = await runBand(resolved({ ...ode, seed: 4 }), { kind: 'cohort', size: 20, spread: 0.1 });
    expect(reseeded.summary.observables.A.median).not.toEqual(narrow.summary.observables.A.median);
  });

  it('gives for replicates the summary of the same replicates run as an ensemble', async () => {
    const scenario = resolved({ ...ssa, seed: 11 });
    const band = await runBand(scenario, { kind: 'replicates', size: 12 });
    const ensemble = runScenarioSync(resolved({ ...ssa, seed: 11, replicates: 12 }));
    const expected = summarizeEnsemble(ensemble.runs, scenario.quantiles);
    expect(band.time).toEqual(ensemble.runs[0].time);
    for (const id of ['A', 'twiceA']) {
      expect(band.summary.observables[id].median).toEqual(expected.observables[id].median);
      expect(band.summary.observables[id].bands).toEqual(expected.observables[id].bands);
      band.time.forEach((_, i) =>
        expect(band.summary.observables[id].mean[i]).toBeCloseTo(expected.observables[id].mean[i], 9),
      );
    }
  });

  it('runs a stochastic cohort with each patient on its own stream', async () => {
    const scenario = resolved({ ...ssa, seed: 5 });
    const a = await runBand(scenario, { kind: 'cohort', size: 8, spread: 0.5 });
    expect(a.band.parameters).toEqual(['k']);
    expect(await runBand(scenario, { kind: 'cohort', size: 8, spread: 0.5 })).toEqual(a);
    const { bands } = a.summary.observables.A;
    expect(bands[bands.length - 1].some((high, i) => high > bands[0][i])).toBe(true);
  });

  it('reports progress over the whole band that never falls and ends at exactly 1', async () => {
    const seen: RunProgress[] = [];
    await runBand(
      resolved(ode),
      { kind: 'cohort', size: 6 },
      { chunkMilliseconds: 0, onProgress: (p) => seen.push(p) },
    );
    const fractions = seen.map((p) => p.fraction);
    expect(fractions.length).toBeGreaterThan(6);
    fractions.forEach((f, i) => i > 0 && expect(f).toBeGreaterThanOrEqual(fractions[i - 1]));
    expect(fractions.at(-1)).toBe(1);
    expect(new Set(seen.map((p) => p.replicates))).toEqual(new Set([6]));
    expect(seen.at(-1)!.replicate).toBe(5);
  });

  it('stops at a chunk boundary when its signal is aborted', async () => {
    const controller = new AbortController();
    const reason = new Error('stop');
    const running = runBand(
      resolved(ode),
      { kind: 'cohort', size: 50 },
      {
        chunkMilliseconds: 0,
        signal: controller.signal,
        onProgress: (p) => p.replicate === 2 && controller.abort(reason),
      },
    );
    await expect(running).rejects.toBe(reason);
  });
});
