import { readFileSync } from 'node:fs';
import { simulateSync } from '@immunotwin/engine';
import { createTwinApi } from '@immunotwin/kernel';
import { builtInModels } from '@immunotwin/models';
import { describe, expect, it } from 'vitest';
import { HAYDEN_1996_CSV, UNTREATED_FIT } from '../packages/kernel/src/lessons/fittingAndForecasting.js';

// What notebooks/lesson-sources/fitting-and-forecasting.md tells students, checked with numbers that do not come
// from the task definitions (packages/kernel/src/lessons/fittingAndForecasting.ts): the data file, least squares
// computed here from runs of the model, the filter's ensemble, and a drug that blocks all production.

const modelOf = (id: string) => builtInModels.find((m) => m.manifest.id === id)!;
const tcl = modelOf('target-cell-limited');
const twin = createTwinApi(tcl, { resolveModel: modelOf });
const taskValue = async (id: string) => (await twin.check(id, 0)).expected;
const file = readFileSync(new URL('../examples/data/hayden1996.csv', import.meta.url), 'utf8').trim();
const rows = file
  .split('\n')
  .slice(1)
  .map((row) => row.split(','));
const arm = (group: string) =>
  rows.filter((r) => r[1] === group).map((r) => ({ hour: Number(r[0]), log10V: Number(r[3]) }));

/** Sum of squares of log10 titres of the untreated arm against an ODE run of the model with `parameters`. */
function leastSquares(parameters: Record<string, number>): number {
  const run = simulateSync(tcl, {
    model: 'target-cell-limited',
    parameters,
    duration: 8,
    outputInterval: 1,
    solver: { rtol: 1e-10, atol: 1e-12 },
  }).runs[0]!;
  return arm('untreated').reduce((sum, { hour, log10V }) => {
    const i = run.time.findIndex((t) => Math.abs(t - hour / 24) < 1e-9);
    return sum + (Math.log10(run.observables.V![i]!) - log10V) ** 2;
  }, 0);
}

/** The lesson's fit options (inputs; the expected values below are not taken from the task file). */
const fitOptions = UNTREATED_FIT.options;

describe('fitting and forecasting lesson: the data', () => {
  it('the notebooks embed examples/data/hayden1996.csv, as the kernel’s task definitions do', () => {
    expect(HAYDEN_1996_CSV).toBe(file);
    for (const dir of ['lessons', 'teacher']) {
      const notebook = readFileSync(
        new URL(`../notebooks/${dir}/fitting-and-forecasting.ipynb`, import.meta.url),
        'utf8',
      );
      const source = (JSON.parse(notebook) as { cells: { source: string[] }[] }).cells.map((c) => c.source.join(''));
      expect(
        source.some((text) => text.includes(`const hayden = \`${file}\`;`)),
        dir,
      ).toBe(true);
    }
    // The numbers the text quotes from the data: nine daily means per group, the untreated peak, the 72-h values.
    expect(arm('untreated')).toHaveLength(9);
    expect(Math.max(...arm('untreated').map((r) => r.log10V))).toBe(2.73);
    expect(arm('treated-50h').find((r) => r.hour === 72)!.log10V).toBe(1.49);
    expect(arm('untreated').find((r) => r.hour === 72)!.log10V).toBe(2.72);
  });
});

describe('fitting and forecasting lesson: what students find', () => {
  it('the fit: c ≈ 1.23/day, R0 ≈ 29.6, β ≈ 0.037, p ≈ 1.3×10⁻⁵, half-life 13.5 h (four times Baccam’s 3.2 h); a least-squares minimum', async () => {
    twin.reset();
    const fit = await twin.fit(HAYDEN_1996_CSV, fitOptions);
    const { beta, p, c } = fit.estimates as Record<string, number>;
    expect(c).toBeCloseTo(1.23, 2);
    expect(beta).toBeCloseTo(0.037, 3);
    expect(p! * 1e5).toBeCloseTo(1.3, 1);
    const defaults = twin.parameters;
    const r0 = (beta! * p! * defaults.U0!) / (c! * defaults.delta!);
    expect(r0).toBeCloseTo(29.6, 1);
    expect(await taskValue('fitting.r0')).toBeCloseTo(r0, 9);
    const halfLife = (24 * Math.LN2) / c!;
    expect(halfLife).toBeCloseTo(13.5, 1);
    expect((24 * Math.LN2) / 5.2).toBeCloseTo(3.2, 1);
    expect(halfLife / ((24 * Math.LN2) / 5.2)).toBeCloseTo(4.2, 1);
    expect(await taskValue('fitting.half-life')).toBeCloseTo(halfLife, 9);
    // Least squares computed here: the estimates beat Baccam's defaults and every 2 % step of one parameter.
    const best = leastSquares({ beta: beta!, p: p!, c: c! });
    expect(best).toBeLessThan(leastSquares({}));
    for (const id of ['beta', 'p', 'c'] as const) {
      for (const factor of [0.98, 1.02]) {
        const moved = { beta: beta!, p: p!, c: c!, [id]: fit.estimates[id]! * factor };
        expect(leastSquares(moved), `${id} × ${factor}`).toBeGreaterThan(best);
      }
    }
    // −log L of Gaussian noise with σ = 1 over 9 points: SS/2 + 9·ln √(2π).
    expect(fit.negLogLikelihood).toBeCloseTo(best / 2 + 9 * Math.log(Math.sqrt(2 * Math.PI)), 4);
    twin.reset();
  });

  it('“the data do not pin β and p down one by one”: their profile intervals run into the search bounds, c’s does not', async () => {
    twin.reset();
    const fit = await twin.fit(HAYDEN_1996_CSV, { ...fitOptions, profiles: true });
    const { beta, p, c } = fit.intervals;
    expect(beta![1]).toBe(1);
    expect(p![0]).toBe(1e-6);
    expect(c![0]).toBeGreaterThan(0.1);
    expect(c![1]).toBeLessThan(100);
    twin.reset();
  }, 60_000);

  it('the forecast: about 2.40 at 72 h untreated and 2.13 treated (200 members); a drug blocking all production cannot reach 1.49', async () => {
    twin.reset();
    (await twin.fit(HAYDEN_1996_CSV, fitOptions)).apply();
    const c = twin.parameters.c!;
    const header = HAYDEN_1996_CSV.split('\n')[0];
    const early = [
      header,
      ...HAYDEN_1996_CSV.split('\n').filter((r) => r.includes(',treated-50h,') && Number(r.split(',')[0]) <= 48),
    ];
    expect(early).toHaveLength(4);
    const updated = await twin.assimilate(early.join('\n'), {
      estimate: { beta: 0.5 },
      observation: {
        observations: [
          { observable: 'log10V', expression: 'log10(V)', noise: { kind: 'gaussian', sigma: 0.5 }, censor: false },
        ],
      },
    });
    expect(updated.ensemble.weights).toHaveLength(200);
    const at = (forecast: Awaited<ReturnType<typeof updated.forecast>>, day: number) => {
      const i = forecast.forecast.time.findIndex((t) => t >= day - 1e-9);
      // Day 3 is a forecast time: from day 2 to day 7 every 0.05 day.
      expect(forecast.forecast.time[i]).toBeCloseTo(day, 12);
      return forecast.summary.observables.log10V!.median[i]!;
    };
    const untreated = await updated.forecast({ until: 7 });
    const { treated } = await updated.treat('oseltamivir', { stop: 6, dose: 75 }, { until: 7 });
    expect(at(untreated, 3)).toBeCloseTo(2.4, 2);
    expect(at(treated, 3)).toBeCloseTo(2.13, 2);
    expect(await taskValue('forecast.untreated-day-3')).toBeCloseTo(at(untreated, 3), 9);
    expect(await taskValue('forecast.treated-day-3')).toBeCloseTo(at(treated, 3), 9);
    // "at most c/ln 10 log10 a day" (0.53): a drug that blocks all production, from 48 h, leaves the median at 72 h
    // above the 48-h value minus that, and far above the volunteers' 1.49.
    expect(c / Math.LN10).toBeCloseTo(0.53, 2);
    const { treated: blocked } = await updated.treat('productionInhibitor', { stop: 6, efficacy: 1 }, { until: 7 });
    expect(at(blocked, 3)).toBeGreaterThanOrEqual(at(blocked, 2) - c / Math.LN10 - 1e-6);
    expect(at(blocked, 3)).toBeGreaterThan(1.49 + 0.3);
    twin.reset();
  }, 60_000);
});
