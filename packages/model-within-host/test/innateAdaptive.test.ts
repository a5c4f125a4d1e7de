/**
 * The virus + innate + adaptive model against the behaviour the teaching literature describes and against
 * closed-form results of its sub-models. Expected values come from theory stated next to each assertion:
 *
 * - Without interferon and adaptive responses the model is the target-cell-limited model, whose final
 *   size obeys ln s∞ = −R0 (1 − s∞) with R0 = β p U0 / (c δ) (Nowak & May 2000), since
 *   ln(U∞/U0) = −β ∫V dt, ∫V dt ≈ (p/c) ∫I dt and δ ∫I dt = U0 − U∞ (V0 is negligible).
 * - A virion cannot spread when each one, in a pool of U susceptible cells, makes fewer than one successor:
 *   R_eff = β U p / ((c + k_A A) δ) < 1 (k_T T and the eclipse phase only lower it). This is the condition
 *   for protection by antibody.
 * - An intervention that starts after the viral peak cannot change the peak.
 */
import { describe, expect, it } from 'vitest';
import { ModelRegistry, simulateSync, type RunResult } from '@immunotwin/engine';
import { innateAdaptive, innateAdaptiveManifest, withinHostModels } from '../src/index.js';
import { last, peak, series } from './runReaders.js';

const MODEL = 'virus-innate-adaptive';
const defaults = Object.fromEntries(innateAdaptiveManifest.parameters.map((p) => [p.id, p.default]));
/** Basic reproductive number of the virus core, β p U0 / (c δ) ≈ 21.8 for Baccam et al.'s values. */
const R0 = (defaults.beta * defaults.p * defaults.U0) / (defaults.c * defaults.delta);

interface Scenario {
  parameters?: Record<string, number>;
  interventions?: Record<string, number | string>[];
  duration?: number;
  preset?: string;
}

function ode(scenario: Scenario = {}): RunResult {
  return simulateSync(innateAdaptive, { model: MODEL, duration: 21, outputInterval: 0.01, ...scenario }).runs[0];
}

/** First sample time after the peak at which V < level (Infinity if never). */
function clearanceTime(run: RunResult, level = 1e-2): number {
  const V = series(run, 'V');
  for (let i = peak(run).index; i < V.length; i++) if (V[i] < level) return run.time[i];
  return Infinity;
}

describe('virus-innate-adaptive: manifest', () => {
  it('registers with the engine (schema, ranges, presets and network checked) and is listed by the package', () => {
    const registry = new ModelRegistry();
    registry.register(innateAdaptive);
    expect(registry.has(MODEL)).toBe(true);
    expect(withinHostModels).toContain(innateAdaptive);
  });

  it('every preset runs', () => {
    for (const preset of innateAdaptiveManifest.presets) {
      const run = simulateSync(innateAdaptive, { model: MODEL, preset: preset.id, duration: 5, outputInterval: 0.5 })
        .runs[0];
      expect(Number.isFinite(last(run, 'V')), preset.id).toBe(true);
    }
  });
});

describe('virus-innate-adaptive: deterministic behaviour', () => {
  const base = ode();
  const innateOnly = ode({ preset: 'innateOnly' });

  it('reduces to the target-cell-limited final-size relation when interferon and adaptive responses are off', () => {
    const run = ode({ parameters: { q: 0, rT: 0, rB: 0, T0: 0, B0: 0 }, duration: 30 });
    // s∞ solves ln s = −R0 (1 − s); for R0 ≈ 21.8, s∞ ≈ e^{−R0}. Fixed-point iteration converges at once.
    let s = 0;
    for (let i = 0; i < 50; i++) s = Math.exp(-R0 * (1 - s));
    const sEnd = last(run, 'targetFraction');
    // The virion term βV0/c ≈ 6e-7 and the cells still infected at day 30 shift ln s by far less than 1 %.
    expect(Math.abs(Math.log(sEnd) - Math.log(s))).toBeLessThan(0.01 * Math.abs(Math.log(s)));
  });

  it('peaks around day 2 and is cleared by day 10, with most target cells spared', () => {
    const { time } = peak(base);
    // Baccam et al.'s fitted core peaks at about day 2 (their data: days 2–3); interferon can only cut the
    // rise short, and the adaptive response is still tiny then (T ≈ T0·e^{r_T t} ≈ 10^4 by day 2).
    expect(time).toBeGreaterThanOrEqual(1.5);
    expect(time).toBeLessThanOrEqual(4);
    const cleared = clearanceTime(base);
    expect(cleared).toBeLessThan(10);
    // Clearance, not exhaustion: when the virus falls below 1e-2 more than half of the cells are uninfected.
    const atClearance = series(base, 'healthyFraction')[Math.round(cleared / 0.01)];
    expect(atClearance).toBeGreaterThan(0.5);
  });

  it('stays cleared: the antibody left after recovery makes R_eff < 1 even when every spared cell is susceptible again', () => {
    const V = series(base, 'V');
    const i10 = Math.round(10 / 0.01);
    for (let i = i10; i < V.length; i++) expect(V[i]).toBeLessThan(1e-2);
    // Cells are not replaced, so at most U + R cells can be infected again (all refractory cells revert):
    // R_eff = β (U + R) p / ((c + k_A A) δ) with the day-21 antibody level.
    const spared = last(base, 'healthyFraction') * defaults.U0;
    const A = last(base, 'A');
    const rEff = (defaults.beta * spared * defaults.p) / ((defaults.c + defaults.kA * A) * defaults.delta);
    expect(rEff).toBeLessThan(1);
  });

  it('the adaptive response, not target-cell limitation, ends the infection', () => {
    // Without T and B expansion the virus is never cleared: interferon only delays infection of cells that
    // lose their antiviral state, so the virus persists and uninfected cells keep falling.
    expect(clearanceTime(innateOnly)).toBe(Infinity);
    expect(last(innateOnly, 'V')).toBeGreaterThan(1);
    const spared = last(base, 'healthyFraction');
    const sparedWithout = last(innateOnly, 'healthyFraction');
    expect(spared).toBeGreaterThan(sparedWithout + 0.2);
    expect(spared).toBeGreaterThan(2 * sparedWithout);
  });

  it('CD8 T cells kill infected cells much faster than they die on their own at the response peak', () => {
    // The point of a CD8 response: k_T·T ≫ δ, so infected cells live far shorter than 1/δ ≈ 4.6 h.
    const kill = peak(base, 'ctlKillRate').value;
    expect(kill).toBeGreaterThan(3 * defaults.delta);
    // dT/dt ≤ d_T·T0 + g·T with g = r_T − d_T = 2.5/day, so T(t) ≤ T0 (1 + d_T/g) e^{g t}: full-speed expansion
    // from t = 0 bounds the response.
    const tPeak = peak(base, 'T');
    const g = defaults.rT - defaults.dT;
    expect(tPeak.value).toBeLessThan(defaults.T0 * (1 + defaults.dT / g) * Math.exp(g * tPeak.time));
    // De Boer et al. 2001 see the peak on days 5–6; here expansion starts without a recruitment delay and
    // stops when the antigen is gone (day 5–6), so the peak falls on days 4–8.
    expect(tPeak.time).toBeGreaterThanOrEqual(4);
    expect(tPeak.time).toBeLessThanOrEqual(8);
  });

  it('CD8 depletion delays clearance', () => {
    const tBase = clearanceTime(base);
    const ongoing = ode({ interventions: [{ kind: 'cd8DepletionOngoing', start: 0, stop: 21, efficacy: 1 }] });
    const single = ode({ interventions: [{ kind: 'cd8Depletion', start: 3, fraction: 0.99 }] });
    const preset = ode({ preset: 'noCd8Response' });
    // Antibody alone must then reach k_A·A ≈ the virus's growth margin, which takes at least a few more
    // B-cell doublings (≥ 0.35 day each at r_B − d_B = 1.7/day); 0.25 day is a conservative floor.
    expect(clearanceTime(ongoing)).toBeGreaterThan(tBase + 0.25);
    expect(clearanceTime(single)).toBeGreaterThan(tBase + 0.25);
    expect(clearanceTime(preset)).toBeGreaterThan(tBase + 0.25);
    expect(clearanceTime(ongoing)).toBeLessThan(21);
    // After an ongoing depletion with efficacy 1 no CD8 T cells are left at all.
    expect(Math.max(...series(ongoing, 'T').subarray(1))).toBe(0);
  });

  it('B-cell depletion removes the antibody response', () => {
    const run = ode({ interventions: [{ kind: 'bCellDepletion', start: 0, stop: 21, efficacy: 1 }] });
    // With every B cell removed at t = 0 and supply and expansion multiplied by 0, dA/dt = −d_A·A from A(0) = 0.
    expect(Math.max(...series(run, 'A'))).toBe(0);
    expect(Math.max(...series(base, 'A'))).toBeGreaterThan(1000);
  });

  it('blocking interferon raises the viral peak', () => {
    const blocked = ode({ interventions: [{ kind: 'ifnBlockade', start: 0, stop: 21, efficacy: 1 }] });
    // At its height interferon cuts production by 1 + s·F and has made most target cells refractory; losing
    // both should raise the peak by several fold (the peak moves towards the TCL one). 3× is a floor.
    expect(peak(blocked).value).toBeGreaterThan(3 * peak(base).value);
    expect(peak(blocked).time).toBeGreaterThanOrEqual(peak(base).time);
    // Without the antiviral state nearly every target cell gets infected, as in the TCL model.
    expect(last(blocked, 'healthyFraction')).toBeLessThan(0.05);
  });

  it('an early antiviral lowers the peak more than a late one; one started after the peak cannot change it', () => {
    const tPeak = peak(base).time;
    const early = ode({ interventions: [{ kind: 'antiviral', start: 1, stop: 10, efficacy: 0.9 }] });
    const late = ode({ interventions: [{ kind: 'antiviral', start: tPeak + 0.5, stop: 10, efficacy: 0.9 }] });
    expect(peak(early).value).toBeLessThan(peak(late).value);
    expect(peak(early).value).toBeLessThan(0.5 * peak(base).value);
    // Identical trajectories up to the start of treatment (up to the solver tolerance, rtol 1e-8).
    expect(Math.abs(peak(late).value / peak(base).value - 1)).toBeLessThan(1e-6);
  });

  it('prophylactic antibody protects when it exceeds the theoretical level, and not when it falls short', () => {
    // Protection needs R_eff = R0·c/(c + k_A A) < 1, i.e. k_A·A > (R0 − 1)·c ≈ 108 per day, for as long as
    // the virus is around. Doses of 3× and 0.3× that level (the 3× dose decays by e^{−d_A·21} ≈ 0.5 by day 21).
    const protective = ((R0 - 1) * defaults.c) / defaults.kA;
    const high = ode({ interventions: [{ kind: 'monoclonalAntibody', start: 0, dose: 3 * protective }] });
    const low = ode({ interventions: [{ kind: 'monoclonalAntibody', start: 0, dose: 0.3 * protective }] });
    expect(peak(high).value).toBeLessThanOrEqual(defaults.V0);
    expect(last(high, 'healthyFraction')).toBeGreaterThan(0.99);
    expect(peak(low).value).toBeGreaterThan(100 * defaults.V0);
  });
});

describe('virus-innate-adaptive: stochastic runs', () => {
  // Exact SSA on the full model is slow (U0 = 4e8 cells: ~3e7 events in the first day), so the whole course
  // is checked with tau-leaping only, and the SSA only over the first hours. The inoculum is 10 virions
  // because a stochastic run rounds Baccam et al.'s V0 = 0.075 to 0 (no infection).
  const inoculum = { V0: 10 };
  const reference = ode({ parameters: inoculum });
  const seeds = [1, 2, 3];
  const runs = simulateSync(innateAdaptive, {
    model: MODEL,
    parameters: inoculum,
    duration: 21,
    outputInterval: 0.01,
    method: 'tau-leaping',
    seed: 11,
    replicates: seeds.length,
  }).runs;

  it('tau-leaping gives the ODE course: same peak time, clearance and spared cells', () => {
    for (const run of runs) {
      // With 10 virions the first generations are random (the lineage of one virion has a random size), which
      // shifts the epidemic by a fraction of a generation (~0.2 day); after that counts are 1e5–1e8 and the
      // law of large numbers keeps relative fluctuations ~1/√N ≪ 1.
      expect(Math.abs(peak(run).time - peak(reference).time)).toBeLessThan(0.3);
      expect(peak(run).value / peak(reference).value).toBeGreaterThan(0.7);
      expect(peak(run).value / peak(reference).value).toBeLessThan(1.4);
      expect(Math.abs(last(run, 'healthyFraction') - last(reference, 'healthyFraction'))).toBeLessThan(0.05);
      // In whole numbers clearance is extinction: no virus and no infected cells are left by day 10.
      const i10 = Math.round(10 / 0.01);
      expect(series(run, 'V')[i10]).toBe(0);
      expect(series(run, 'infected')[i10]).toBe(0);
    }
  });

  it('SSA runs the full model over the first hours with whole counts and no cell created', () => {
    const run = simulateSync(innateAdaptive, {
      model: MODEL,
      parameters: inoculum,
      duration: 0.3,
      outputInterval: 0.1,
      method: 'ssa',
      seed: 5,
    }).runs[0];
    for (const id of ['U', 'R', 'E', 'I', 'V', 'T', 'B']) {
      for (const v of series(run, id)) expect(Number.isInteger(v) && v >= 0, id).toBe(true);
    }
    const n = run.time.length;
    for (let i = 0; i < n; i++) {
      const cells = series(run, 'U')[i] + series(run, 'R')[i] + series(run, 'infected')[i];
      expect(cells).toBeLessThanOrEqual(defaults.U0);
    }
    expect(series(run, 'infected')[n - 1]).toBeGreaterThan(0);
  });
});
