/**
 * `twin.assimilate()`: on synthetic courses of a twin whose parameters differ from the twin's, the forecast's 90 %
 * band holds the true course after a few days of data, and "start the antiviral now" lowers the forecast load.
 */
import { describe, expect, it } from 'vitest';
import { createRng, type ObservedDataset } from '@immunotwin/engine';
import { targetCellLimited } from '@immunotwin/model-within-host';
import { KeyboardInterrupt } from '../src/errors.js';
import { createTwinApi } from '../src/twinApi.js';

const TRUTH = { beta: 6e-5, c: 3.5 };
const NOISE_SD = 0.3;
const DAYS = [0.5, 1, 1.5, 2, 2.5];

/** The true log10 V over days 0–8 at step 0.1 (the run's samples) — the course the forecast must hold. */
async function trueCourse(): Promise<{ time: Float64Array; log10V: number[] }> {
  const twin = createTwinApi(targetCellLimited);
  twin.set(TRUTH);
  const series = twin.observe(await twin.run({ duration: 8 }), 'V');
  return { time: series.time, log10V: Array.from(series.values, (v) => Math.log10(v)) };
}

/** Noisy log10 V at DAYS (Gaussian, sd 0.3 on log10), drawn with `seed`. */
function measured(course: { time: Float64Array; log10V: number[] }, seed: number, days = DAYS): ObservedDataset {
  const rng = createRng(seed, 7);
  const at = (day: number) => course.log10V[Array.from(course.time).findIndex((t) => Math.abs(t - day) < 1e-9)]!;
  return {
    name: `synthetic ${seed}`,
    source: 'test',
    observable: 'log10V',
    unit: 'log10 TCID50/mL',
    time: days,
    values: days.map((d) => at(d) + rng.normal(0, NOISE_SD)),
  };
}

const observation = {
  observations: [{ observable: 'log10V', expression: 'log10(V)', noise: { kind: 'gaussian', sigma: NOISE_SD } }],
};

describe('twin.assimilate', () => {
  it('forecasts a 90 % band that holds the true course over 10 synthetic data sets', async () => {
    const course = await trueCourse();
    let inside = 0;
    let points = 0;
    for (let seed = 1; seed <= 10; seed++) {
      const twin = createTwinApi(targetCellLimited);
      const updated = await twin.assimilate([measured(course, seed)], {
        estimate: { beta: 1, c: 1 },
        observation,
        seed,
      });
      expect(updated.time).toBe(2.5);
      const forecast = await updated.forecast({ until: 8 });
      const stats = forecast.summary.observables.log10V!;
      forecast.forecast.time.forEach((t, h) => {
        const truth = course.log10V[Math.round(t * 10)]!;
        points++;
        if (truth >= stats.bands[0]![h]! && truth <= stats.bands[4]![h]!) inside++;
      });
    }
    // What this checks, honestly: a one-sided bar. The truth is fixed (not drawn from the prior), so the 90 % band is
    // a Bayesian credible band and need not cover it 90 % of the time; the bar asks only that the forecast is not
    // over-confident: ≥ 80 % of the points (10 seeds × 101 forecast times) inside the nominal 90 % band. History:
    // with the EnKF moving amounts linearly the bar failed (78.3 % with 100 members, 75.0 % with 200: members emptied
    // by the update sat at the kernel's floor, log10 V = −3, and distorted the next update); an inflation of 1.1 was
    // then added to pass — a fix chosen after seeing the failure, not a justified one. The engine now recomputes each
    // member's amounts from its updated parameters (no member emptied, no floor), and with no inflation the band
    // holds the truth at 100 %, 84.1 % and 100 % of the points on seeds 1–10, 11–20 and 21–30: above the bar, and on
    // seeds 11–20 not by much; the engine's enkfRestate test compares the EnKF's posterior with the exact one.
    expect(inside / points).toBeGreaterThanOrEqual(0.8);
  }, 120_000);

  it('"start the antiviral now" lowers the forecast load, member by member', async () => {
    const course = await trueCourse();
    const twin = createTwinApi(targetCellLimited);
    // Three measurements in the growth phase (days 0.5–1.5); the drug starts at the last one. (Started after the
    // peak it would do little: the target cells are used up and the load falls at the clearance rate anyway.)
    const early = measured(course, 1, [0.5, 1, 1.5]);
    const updated = await twin.assimilate([early], { estimate: { beta: 1, c: 1 }, observation, members: 100 });
    const { baseline, treated, effect } = await updated.treat('oseltamivir', { stop: 8, dose: 75 }, { until: 8 });
    const base = baseline.summary.observables.log10V!.median;
    const drug = treated.summary.observables.log10V!.median;
    // A day after the start, oseltamivir (≈1.8 log10 less production) has cut the median load by over half a log10.
    const dayLater = Math.round(100 / 6.5); // day 2.5 on the forecast's grid from 1.5 to 8
    expect(base[dayLater]! - drug[dayLater]!).toBeGreaterThan(0.5);
    expect(effect.observables.log10V!.bands[4]![dayLater]!).toBeLessThan(0); // the 95th percentile of the effect
    const plot = treated.plot().bundle;
    expect(plot.summary!.quantiles).toEqual([0.05, 0.25, 0.5, 0.75, 0.95]);
    expect(plot.observed![0]!.values).toHaveLength(3);
  });

  it('an interrupt stops a forecast, and the twin forecasts again after it', async () => {
    const course = await trueCourse();
    let interrupted = false;
    const twin = createTwinApi(targetCellLimited, { interrupted: () => interrupted });
    const updated = await twin.assimilate([measured(course, 1)], { estimate: { c: 1 }, observation, members: 50 });
    interrupted = true;
    await expect(updated.forecast({ until: 8 })).rejects.toBeInstanceOf(KeyboardInterrupt);
    interrupted = false;
    expect((await updated.forecast({ until: 8 })).forecast.trajectories).toHaveLength(50);
  });

  it("runs a particle filter for method 'ssa' and forecasts whole counts", async () => {
    // A small infection in whole counts (200 target cells): the particle filter's path, not its accuracy (the
    // engine's tests check that against the exact forward algorithm).
    const twin = createTwinApi(targetCellLimited);
    twin.set({ U0: 200, V0: 20, beta: 5e-3, p: 20, c: 3 });
    const data: ObservedDataset = {
      name: 'small',
      source: 'test',
      observable: 'V',
      unit: 'virions',
      time: [1, 2],
      values: [40, 80],
    };
    const counts = { observations: [{ observable: 'V', noise: { kind: 'poisson' } }] };
    const updated = await twin.assimilate([data], { method: 'ssa', observation: counts, members: 200, seed: 3 });
    expect(Number.isFinite(updated.logLikelihood)).toBe(true);
    const forecast = await updated.forecast({ until: 4 });
    const values = forecast.forecast.trajectories.flatMap((t) => Array.from(t.observables.V!));
    expect(values.every((v) => Number.isInteger(v) && v >= 0)).toBe(true);
  });

  it('twin.forecast: assimilates the data up to today and forecasts, as assimilate then forecast does', async () => {
    const course = await trueCourse();
    const data = [measured(course, 4)];
    const options = { estimate: { beta: 1, c: 1 }, observation, members: 60, seed: 4, today: 1.5 };
    const twin = createTwinApi(targetCellLimited);
    const shortcut = await twin.forecast(data, { ...options, until: 6 });
    const updated = await twin.assimilate(data, options);
    expect(updated.time).toBe(1.5); // days 2 and 2.5 lie after "today"
    expect(updated.steps.map((s) => s.time)).toEqual([0.5, 1, 1.5]);
    const forecast = await updated.forecast({ until: 6 });
    expect(shortcut.summary).toEqual(forecast.summary);
    expect(shortcut.forecast.time[0]).toBe(1.5);
    expect(shortcut.forecast.time.at(-1)).toBe(6);
  });

  it('names the field of a bad option', async () => {
    const twin = createTwinApi(targetCellLimited);
    const course = await trueCourse();
    await expect(twin.assimilate([measured(course, 1)], { observation })).rejects.toThrow(
      /twin\.assimilate: estimate must be at least one parameter for an ODE twin/,
    );
    await expect(twin.assimilate([measured(course, 1)], { observation, estimate: { nope: 1 } })).rejects.toThrow(
      /twin\.assimilate: estimate\.nope must be a parameter of "target-cell-limited" with a positive value/,
    );
  });
});
