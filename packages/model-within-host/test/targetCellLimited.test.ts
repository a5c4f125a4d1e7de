import { describe, expect, it } from 'vitest';
import { ModelRegistry, simulateSync, type RunResult } from '@immunotwin/engine';
import { basicReproductionNumber, targetCellLimited, withinHostModels } from '../src/index.js';
import { at, last, peak } from './runReaders.js';

/** Root of f on [lo, hi] by bisection (f(lo) and f(hi) of opposite signs). */
function bisect(f: (x: number) => number, lo: number, hi: number): number {
  let flo = f(lo);
  for (let i = 0; i < 200; i++) {
    const mid = 0.5 * (lo + hi);
    const fm = f(mid);
    if (fm === 0) return mid;
    if (Math.sign(fm) === Math.sign(flo)) {
      lo = mid;
      flo = fm;
    } else hi = mid;
  }
  return 0.5 * (lo + hi);
}

const max = (values: Float64Array): number => values.reduce((m, v) => Math.max(m, v), -Infinity);

// Rates for the threshold tests: β·U0/c = 0.5 infections per virion lifetime, p/δ = 4 virions per cell,
// so R0 = β·p·U0/(c·δ) = 2 before p is scaled.
const base = { U0: 1e6, V0: 10, beta: 2e-6, c: 4, delta: 2, p: 8, eclipse: 0, entryLoss: 0, lambda: 0, dU: 0 };
const tight = { rtol: 1e-11, atol: 1e-12 };

function runOde(parameters: Record<string, number>, duration: number, outputInterval = duration / 100): RunResult {
  return simulateSync(targetCellLimited, {
    model: 'target-cell-limited',
    parameters,
    duration,
    outputInterval,
    solver: tight,
  }).runs[0];
}

/** The parameters of a preset of the target-cell-limited model. */
function presetParameters(id: string): Record<string, number> {
  const preset = targetCellLimited.manifest.presets.find((p) => p.id === id);
  if (!preset) throw new Error(`no preset ${id}`);
  return preset.parameters;
}

/** The default value of a parameter of the target-cell-limited model. */
const byDefault = (id: string): number => targetCellLimited.manifest.parameters.find((p) => p.id === id)!.default;

describe('target-cell-limited model: manifest', () => {
  it('registers with units, ranges and a source for every parameter', () => {
    const registry = new ModelRegistry();
    for (const plugin of withinHostModels) registry.register(plugin);
    for (const p of targetCellLimited.manifest.parameters) {
      expect(p.unit, p.id).not.toBe('');
      expect(p.source.length, p.id).toBeGreaterThan(10);
      expect(p.min).toBeLessThanOrEqual(p.default);
      expect(p.default).toBeLessThanOrEqual(p.max);
    }
  });

  it('reproduces the published influenza R0 ≈ 22 from its defaults, and each preset its source’s R0', () => {
    const byId = Object.fromEntries(targetCellLimited.manifest.parameters.map((p) => [p.id, p.default]));
    const r0 = (v: Record<string, number>): number =>
      basicReproductionNumber({ beta: v.beta, p: v.p, c: v.c, delta: v.delta, U0: v.lambda ? v.lambda / v.dU : v.U0 });
    // Baccam et al. 2006, abstract: "a single infected cell could produce ∼22 new productive infections".
    expect(r0(byId)).toBeCloseTo(22, 0);
    expect(r0(presetParameters('influenzaEclipse'))).toBeCloseTo(22, 0);
    // Their fit without eclipse (Table 2: β 2.7e-5, p 1.2e-2, c 3, δ 4): 2.7e-5·1.2e-2·4e8/(3·4) = 10.8.
    expect(r0(presetParameters('influenzaNoEclipse'))).toBeCloseTo(10.8, 1);
    // Kamal et al. 2015, Table 2 (β 7.41e-4, p 2.0e-4, c 3.33, δ 2.49, U0 4e8): 59.28/8.2917 = 7.15.
    expect(r0(presetParameters('influenzaKamal'))).toBeCloseTo(7.15, 2);
  });

  it('puts each Baccam fit’s inoculum with its own fit: 7.5e-2 with eclipse (Table 3), 9.3e-2 without (Table 2)', () => {
    expect(presetParameters('influenzaEclipse').V0).toBe(7.5e-2);
    expect(byDefault('V0')).toBe(7.5e-2);
    expect(presetParameters('influenzaNoEclipse').V0).toBe(9.3e-2);
    // Kamal et al. start from the limit of quantification, 10^0.25 TCID50/mL.
    expect(presetParameters('influenzaKamal').V0).toBeCloseTo(1.778, 3);
  });
});

describe('target-cell-limited model: Kamal et al. 2015 preset', () => {
  it('runs the typical placebo course of the public nlmixr2lib encoding of Kamal’s model', () => {
    // nlmixr2lib's Kamal_2015_oseltamivir vignette (typical values, rxode2): "Placebo peak viralLoad = 7448.94
    // TCID50/mL at time = 2.30 day"; the load first falls below the limit of quantification 10^0.25 at day 6.4
    // (0.1-day grid). A different solver on the same equations: 0.1 % on the peak, the same grid days.
    const run = simulateSync(targetCellLimited, {
      model: 'target-cell-limited',
      preset: 'influenzaKamal',
      duration: 12,
      outputInterval: 0.1,
      solver: tight,
    }).runs[0];
    const top = peak(run, 'V');
    expect(Math.abs(top.value / 7448.94 - 1)).toBeLessThan(1e-3);
    expect(top.time).toBeCloseTo(2.3, 9);
    const below = run.time.findIndex((t, i) => t > top.time && run.observables.V[i] < 10 ** 0.25);
    expect(run.time[below]).toBeCloseTo(6.4, 9);
  });
});

describe('target-cell-limited model: acute HIV-1 preset against Little et al. 1999', () => {
  // Little et al. 1999 (abstract): "The mean initial viral doubling time was 10 h"; δI = 0.3/day.
  const littleDoubling = 10 / 24; // days
  const hiv = () => presetParameters('hivAcute');

  it('doubles every 10 h during the initial growth (within 1 %), with δ = 0.3/day', () => {
    const run = simulateSync(targetCellLimited, {
      model: 'target-cell-limited',
      preset: 'hivAcute',
      duration: 8,
      outputInterval: 1,
      solver: tight,
    }).runs[0];
    // From day 3 the second eigenvalue (≈ −(r + δ + c) ≈ −5/day) has died out, and up to day 8 fewer than 0.3 % of
    // target cells are infected, so the growth is the dominant eigenvalue alone. The 1 % allows for p rounded to
    // three figures (775 against 774.5 for exactly 10 h: 0.04 % in r).
    expect(last(run, 'U') / hiv().U0).toBeGreaterThan(0.997);
    const slope = Math.log(at(run, 'V', 8) / at(run, 'V', 3)) / 5;
    const doubling = Math.log(2) / slope;
    expect(Math.abs(doubling / littleDoubling - 1)).toBeLessThan(0.01);
    expect(hiv().delta).toBe(0.3);
  });

  it('has R0 = (1 + r/δ)(1 + r/c) ≈ 10.1 at Little’s growth rate, below the 19.3 Little et al. report as a mean over eight patients', () => {
    const v = hiv();
    const r = Math.log(2) / littleDoubling;
    const r0 = basicReproductionNumber({ beta: v.beta, p: v.p, c: v.c, delta: v.delta, U0: v.lambda / v.dU });
    // Without an eclipse, the early growth rate r solves (r + δ)(r + c) = βpU0, so R0 = (1 + r/δ)(1 + r/c)
    // (to 0.1 %: p is rounded to three figures).
    expect(Math.abs(r0 / ((1 + r / v.delta) * (1 + r / v.c)) - 1)).toBeLessThan(1e-3);
    expect(r0).toBeCloseTo(10.1, 1);
    expect(r0).toBeLessThan(19.3);
    // The pre-infection state is the uninfected steady state λ/d_U (Perelson, Kirschner & De Boer's μT = 0.02/day).
    expect(v.U0).toBe(v.lambda / v.dU);
    expect(v.dU).toBe(0.02);
    // Their initial virus, 10^-3 per mm³, is 1 per mL.
    expect(v.V0).toBe(1);
  });
});

describe('target-cell-limited model: threshold at R0 = 1', () => {
  it('does not take off when R0 < 1: total infections follow the subcritical branching sum', () => {
    for (const r0 of [0.5, 0.8]) {
      const parameters = { ...base, p: base.p * (r0 / 2) };
      expect(basicReproductionNumber(parameters)).toBeCloseTo(r0, 12);
      const run = runOde(parameters, 60);
      // Each initial virion causes β·U0/c infections; each infection R0 more: total = (β·U0·V0/c)/(1 − R0).
      const expected = (base.beta * base.U0 * base.V0) / base.c / (1 - r0);
      const infected = base.U0 - last(run, 'U');
      expect(Math.abs(infected - expected) / expected).toBeLessThan(2e-4); // depletion of U0 is ~1e-5 here
      expect(max(run.observables.V)).toBeLessThanOrEqual(base.V0 * (1 + 1e-9));
    }
  });

  it('takes off when R0 > 1 and the final size solves ln s∞ = −R0(1 − s∞) − βV0/c', () => {
    for (const [r0, eclipse] of [
      [1.5, 0],
      [2.5, 1],
      [5, 0],
    ]) {
      const parameters = { ...base, p: base.p * (r0 / 2), eclipse, k: 3 };
      const run = runOde(parameters, 400, 1);
      const s = last(run, 'U') / base.U0;
      const g = (x: number): number => Math.log(x) + r0 * (1 - x) + (base.beta * base.V0) / base.c;
      const sInf = bisect(g, 1e-12, 1 - 1e-9);
      expect(Math.abs(s - sInf) / sInf).toBeLessThan(1e-6);
      expect(max(run.observables.V)).toBeGreaterThan(100 * base.V0);
      expect(last(run, 'targetFraction')).toBe(s);
    }
  });

  it('with virion loss on entry, the final size solves ln s∞ = −(β/c)·[V0 + (p/δ − 1)·U0·(1 − s∞)]', () => {
    const parameters = { ...base, p: 16, entryLoss: 1 };
    const run = runOde(parameters, 400, 1);
    const s = last(run, 'U') / base.U0;
    const g = (x: number): number =>
      Math.log(x) + (base.beta / base.c) * (base.V0 + (16 / base.delta - 1) * base.U0 * (1 - x));
    const sInf = bisect(g, 1e-12, 1 - 1e-9);
    expect(Math.abs(s - sInf) / sInf).toBeLessThan(1e-6);
  });
});

describe('target-cell-limited model: chronic infection with target-cell replenishment', () => {
  it('settles to the closed-form steady state U* = cδ/(βp) to 1e-6 relative', () => {
    for (const eclipse of [0, 1]) {
      const { runs } = simulateSync(targetCellLimited, {
        model: 'target-cell-limited',
        preset: 'hivAcute',
        parameters: { eclipse, k: 1 },
        duration: 3000,
        outputInterval: 100,
        solver: { rtol: 1e-10, atol: 1e-10 },
      });
      const { lambda, dU, beta, p, c, delta } = runs[0].metadata.parameters;
      const u = (c * delta) / (beta * p);
      const v = (lambda - dU * u) / (beta * u);
      const i = (beta * u * v) / delta;
      const e = eclipse ? (beta * u * v) / 1 : 0;
      const rel = (a: number, b: number): number => Math.abs(a - b) / b;
      expect(rel(last(runs[0], 'U'), u)).toBeLessThan(1e-6);
      expect(rel(last(runs[0], 'V'), v)).toBeLessThan(1e-6);
      expect(rel(last(runs[0], 'I'), i)).toBeLessThan(1e-6);
      if (eclipse) expect(rel(last(runs[0], 'E'), e)).toBeLessThan(1e-6);
    }
  });
});

describe('target-cell-limited model: interventions', () => {
  it('an earlier production inhibitor lowers the viral peak more than a later one', () => {
    const peak = (start: number | undefined): number => {
      const interventions =
        start === undefined ? [] : [{ kind: 'productionInhibitor', start, stop: 10, efficacy: 0.95 }];
      const { runs } = simulateSync(targetCellLimited, {
        model: 'target-cell-limited',
        interventions,
        outputInterval: 0.02,
      });
      return max(runs[0].observables.V);
    };
    const untreated = peak(undefined);
    const early = peak(0.5);
    const late = peak(2);
    expect(early).toBeLessThan(late);
    expect(late).toBeLessThanOrEqual(untreated);
  });

  // Kamal et al. 2015, Eq. 4 and its footnote: p·10^(−Emax·D/(D + ED50*)) with ED50* = ED50·(Emax/log10 2 − 1),
  // Emax = 2.35 log10 and ED50 = 3.2 mg (Table 2), so ED50* = 21.78 mg. Worked by hand: 20 mg → 2.35·20/41.78 =
  // 1.125 log10; 75 mg → 2.35·75/96.78 = 1.821 log10 (66-fold); 200 mg → 2.35·200/221.78 = 2.119 log10.
  const kamalLog10Reduction = (dose: number): number => {
    const ed50Star = 3.2 * (2.35 / Math.log10(2) - 1);
    return (2.35 * dose) / (dose + ed50Star);
  };

  it('Kamal’s Eq. 4 as written here gives the published reductions: ED50 = 3.2 mg halves p, 75 mg ≈ 1.82 log10', () => {
    expect(3.2 * (2.35 / Math.log10(2) - 1)).toBeCloseTo(21.78, 2);
    expect(kamalLog10Reduction(3.2)).toBeCloseTo(Math.log10(2), 12);
    expect(kamalLog10Reduction(20)).toBeCloseTo(1.125, 3);
    expect(kamalLog10Reduction(75)).toBeCloseTo(1.82, 2);
    expect(10 ** kamalLog10Reduction(75)).toBeCloseTo(66, -1);
    expect(kamalLog10Reduction(200)).toBeCloseTo(2.12, 2);
  });

  for (const dose of [20, 75, 200]) {
    it(`oseltamivir ${dose} mg from t = 0 is the untreated model with p cut by Kamal’s ${kamalLog10Reduction(dose).toFixed(2)} log10`, () => {
      // With p scaled by f from t = 0 the model is the untreated model with p·f.
      const f = 10 ** -kamalLog10Reduction(dose);
      const treated = simulateSync(targetCellLimited, {
        model: 'target-cell-limited',
        preset: 'influenzaKamal',
        duration: 5,
        interventions: [{ kind: 'oseltamivir', start: 0, stop: 5, dose }],
        solver: tight,
      }).runs[0];
      const equivalent = simulateSync(targetCellLimited, {
        model: 'target-cell-limited',
        preset: 'influenzaKamal',
        duration: 5,
        parameters: { p: 2e-4 * f },
        solver: tight,
      }).runs[0];
      for (let i = 0; i < treated.time.length; i++) {
        expect(treated.observables.V[i] / equivalent.observables.V[i]).toBeCloseTo(1, 9);
      }
    });
  }
});

describe('target-cell-limited model: stochastic', () => {
  it('SSA replicates average to the ODE final size for a large population', () => {
    // Counts: U0 = 2e4 cells, 100 initial virions (extinction probability ≈ 0.5^100, negligible), R0 = 2.
    const parameters = { U0: 2e4, V0: 100, beta: 1e-4, c: 4, delta: 2, p: 8, eclipse: 0, entryLoss: 0 };
    const scenario = { model: 'target-cell-limited', parameters, duration: 60, outputInterval: 60 };
    const ode = simulateSync(targetCellLimited, { ...scenario, solver: tight }).runs[0];
    const ssa = simulateSync(targetCellLimited, { ...scenario, method: 'ssa', replicates: 60, seed: 11 });
    const finals = ssa.runs.map((r) => last(r, 'U'));
    const mean = finals.reduce((a, b) => a + b) / finals.length;
    const sd = Math.sqrt(finals.reduce((a, b) => a + (b - mean) ** 2, 0) / (finals.length - 1));
    // 5 standard errors of the mean, plus 0.5 % for the O(1/N) difference between the
    // stochastic mean and the deterministic limit at N = 2e4.
    expect(Math.abs(mean - last(ode, 'U'))).toBeLessThan(5 * (sd / Math.sqrt(finals.length)) + 0.005 * last(ode, 'U'));
  });

  it('small inocula go extinct with the probability branching-process theory predicts', () => {
    // Early on U ≈ U0. With virion loss on entry: a virion is cleared (rate c) or infects (rate β·U0);
    // an infected cell dies (δ) or releases a virion (p). Extinction probabilities solve
    //   q_V = (c + β·U0·q_I)/(c + β·U0),   q_I = δ/(δ + p·(1 − q_V)).
    const parameters = { U0: 1e5, beta: 3e-5, c: 3, delta: 1, p: 5, eclipse: 1, k: 6, entryLoss: 1 };
    let qV = 0;
    for (let i = 0; i < 10_000; i++) {
      const qI = parameters.delta / (parameters.delta + parameters.p * (1 - qV));
      qV = (parameters.c + parameters.beta * parameters.U0 * qI) / (parameters.c + parameters.beta * parameters.U0);
    }
    expect(qV).toBeCloseTo(0.7, 9); // worked by hand: 1 − q_V = x solves 3x = 10x²
    for (const [v0, replicates] of [
      [1, 1500],
      [3, 1000],
    ]) {
      const { runs } = simulateSync(targetCellLimited, {
        model: 'target-cell-limited',
        method: 'ssa',
        parameters: { ...parameters, V0: v0 },
        duration: 6,
        outputInterval: 6,
        replicates,
        seed: 2024,
      });
      const alive = runs.map((r) => last(r, 'V') + last(r, 'I') + last(r, 'E'));
      const extinct = alive.filter((n) => n === 0).length;
      // Surviving lineages grow at r ≈ 0.89/day (the dominant eigenvalue of the linearised system), so by
      // day 6 they are large and almost surely safe from extinction; the small remainder still doomed is
      // covered by the 0.01 allowance below.
      const survivors = alive.filter((n) => n > 0).sort((a, b) => a - b);
      expect(survivors[Math.floor(survivors.length / 2)]).toBeGreaterThan(50);
      const expected = qV ** v0;
      const se = Math.sqrt((expected * (1 - expected)) / replicates);
      expect(Math.abs(extinct / replicates - expected)).toBeLessThan(4 * se + 0.01);
    }
  });

  it('gives bit-identical tau-leaping ensembles for the same seed, whatever the replicate order', () => {
    const scenario = {
      model: 'target-cell-limited',
      method: 'tau-leaping',
      parameters: { U0: 1e5, V0: 50 },
      duration: 6,
      outputInterval: 0.5,
      replicates: 3,
      seed: 42,
    };
    const a = simulateSync(targetCellLimited, scenario);
    const b = simulateSync(targetCellLimited, scenario);
    for (let r = 0; r < 3; r++)
      expect(Array.from(a.runs[r].observables.V)).toEqual(Array.from(b.runs[r].observables.V));
    expect(Array.from(a.runs[0].observables.V)).not.toEqual(Array.from(a.runs[1].observables.V));
  });
});
