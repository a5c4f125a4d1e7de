/**
 * The bacteria + innate response model against results derived from its equations (time in hours):
 *
 * - Macrophages alone: dP/dt = P·[r(1 − P/K) − γ_M M n²M/(P² + n²M)]. The per-capita kill falls as
 *   phagocytosis saturates, so there is a threshold P* (an unstable equilibrium) where it equals growth:
 *   P* ≈ n·√M·√(γ_M M/r − 1) ≈ 9.9×10^3 CFU for Smith et al.'s values. Loads below P* are cleared,
 *   loads above it grow to a stable state just below K.
 * - With a neutrophil ceiling N∞ = s_N/d_N the bacteria persist at the load where growth equals neutrophil
 *   killing, r(1 − P/K) = γ_N N∞, whenever γ_N N∞ < r: P∞ = K(1 − γ_N N∞/r).
 * - While bacteria are few, the count is a linear birth–death process with birth rate r (crowding is
 *   (r/K)·P(P − 1) = 0 for P ≤ 1 and negligible for P ≪ K) and death rate γ_M M (saturation negligible for
 *   P² ≪ n²M). One bacterium's progeny dies out by time t with probability
 *   q(t) = μ(e^{(λ−μ)t} − 1)/(λe^{(λ−μ)t} − μ) → min(1, μ/λ).
 */
import { describe, expect, it } from 'vitest';
import { ModelRegistry, simulateSync, type RunResult } from '@immunotwin/engine';
import {
  bacterialInnate,
  bacterialInnateManifest,
  birthDeathExtinctionProbability,
  macrophageThreshold,
  withinHostModels,
} from '../src/index.js';
import { at, last, series } from './runReaders.js';

const MODEL = 'bacteria-innate';
const d = Object.fromEntries(bacterialInnateManifest.parameters.map((p) => [p.id, p.default]));
const macrophageRates = { r: d.r, K: d.K, gammaM: d.gammaM, nM: d.nM, M: d.M0 };
/** Macrophages only: neutrophil recruitment off. */
const NO_NEUTROPHILS = { sN: 0 };

interface Scenario {
  parameters?: Record<string, number>;
  interventions?: Record<string, number | string>[];
  duration?: number;
  preset?: string;
}

function ode(scenario: Scenario = {}): RunResult {
  return simulateSync(bacterialInnate, { model: MODEL, duration: 72, outputInterval: 0.25, ...scenario }).runs[0];
}

describe('bacteria-innate: manifest', () => {
  it('registers with the engine (schema, ranges, presets and network checked) and is listed by the package', () => {
    const registry = new ModelRegistry();
    registry.register(bacterialInnate);
    expect(registry.has(MODEL)).toBe(true);
    expect(withinHostModels).toContain(bacterialInnate);
  });

  it('every preset runs', () => {
    for (const preset of bacterialInnateManifest.presets) {
      const run = simulateSync(bacterialInnate, { model: MODEL, preset: preset.id, duration: 24, outputInterval: 4 })
        .runs[0];
      expect(Number.isFinite(last(run, 'P')), preset.id).toBe(true);
    }
  });
});

describe('bacteria-innate: the macrophage threshold', () => {
  const threshold = macrophageThreshold(macrophageRates);

  it('matches the closed form n·√M·√(γ_M M/r − 1) for P* ≪ K', () => {
    const approx = d.nM * Math.sqrt(d.M0) * Math.sqrt((d.gammaM * d.M0) / d.r - 1);
    // Crowding changes the root by a relative amount of order P*/K ≈ 3e-5.
    expect(Math.abs(threshold / approx - 1)).toBeLessThan(1e-3);
    expect(threshold).toBeGreaterThan(5e3);
    expect(threshold).toBeLessThan(2e4);
  });

  it('macrophages alone clear an inoculum below the threshold and lose to one above it', () => {
    const below = ode({ parameters: { ...NO_NEUTROPHILS, P0: 0.8 * threshold }, duration: 48 });
    const above = ode({ parameters: { ...NO_NEUTROPHILS, P0: 1.25 * threshold }, duration: 72 });
    // Below: the per-capita decline only speeds up as P falls (towards γ_M M − r ≈ 4.5/h): < 1 CFU within a day.
    expect(at(below, 'P', 24)).toBeLessThan(1);
    expect(Math.max(...series(below, 'P'))).toBeLessThanOrEqual(0.8 * threshold * (1 + 1e-6));
    // Above: growth wins and the load settles where kill ≈ γ_M M n²M/K² ≈ 1e-9/h, i.e. at K to 1 part in 1e9.
    expect(last(above, 'P')).toBeGreaterThan(0.99 * d.K);
  });

  it('the default inoculum (10^5 CFU) needs neutrophils: without them it reaches the carrying capacity', () => {
    expect(d.P0).toBeGreaterThan(threshold);
    const withN = ode();
    const withoutN = ode({ parameters: NO_NEUTROPHILS });
    expect(last(withN, 'P')).toBeLessThan(1);
    expect(last(withoutN, 'P')).toBeGreaterThan(0.99 * d.K);
    // Neutrophils never exceed their ceiling s_N/d_N (N starts at 0 and dN/dt ≤ s_N − d_N N).
    expect(Math.max(...series(withN, 'N'))).toBeLessThanOrEqual((d.sN / d.dN) * (1 + 1e-6));
    // They must approach it to beat growth: γ_N N has to exceed r − (kill by saturated macrophages).
    expect(Math.max(...series(withN, 'N'))).toBeGreaterThan(d.r / d.gammaN / 2);
  });

  it('a small inoculum is cleared within hours with hardly any neutrophils', () => {
    const run = ode({ preset: 'smallInoculum', duration: 24 });
    expect(at(run, 'P', 12)).toBeLessThan(1);
    // Recruitment ≤ s_N·P0/(P0 + h_N) per hour for the ~1.5 h the bacteria last, far below the ceiling.
    expect(Math.max(...series(run, 'N'))).toBeLessThan(0.05 * (d.sN / d.dN));
  });
});

describe('bacteria-innate: neutropenia and antibiotics', () => {
  const severity = 0.7;
  const neutropenic = ode({ interventions: [{ kind: 'neutropenia', start: 0, stop: 72, severity }] });

  it('neutropenia worsens the outcome: the infection persists at the load where neutrophil killing equals growth', () => {
    const base = ode();
    expect(last(base, 'P')).toBeLessThan(1);
    // Ceiling γ_N (1 − severity) s_N/d_N = 0.54/h < r: the bacteria persist at P∞ = K(1 − γ_N N∞/r), where
    // N∞ = (1 − severity) s_N P∞/((P∞ + h_N) d_N) ≈ (1 − severity) s_N/d_N since P∞ ≫ h_N.
    const nInf = ((1 - severity) * d.sN) / d.dN;
    const pInf = d.K * (1 - (d.gammaN * nInf) / d.r);
    // After ~50 h the approach is within a few per cent (slowest rate ≈ d_N = 0.063/h sets the tail).
    expect(Math.abs(last(neutropenic, 'P') / pInf - 1)).toBeLessThan(0.05);
    expect(Math.max(...series(neutropenic, 'P'))).toBeGreaterThan(Math.max(...series(base, 'P')));
  });

  it('a bactericidal antibiotic clears the infection even in a neutropenic host', () => {
    const treated = ode({
      interventions: [
        { kind: 'neutropenia', start: 0, stop: 72, severity },
        { kind: 'antibiotic', start: 12, stop: 72, efficacy: 1 },
      ],
    });
    // Net rate ≤ r − k_abx = −0.87/h, so from ≤ K it takes ≤ ln(K)/0.87 ≈ 23 h to fall below 1 CFU.
    const bound = 12 + Math.log(d.K) / (d.abxKill - d.r);
    expect(at(treated, 'P', Math.ceil(bound))).toBeLessThan(1);
    // Before the course starts the two runs are the same.
    expect(Math.abs(at(treated, 'P', 12) / at(neutropenic, 'P', 12) - 1)).toBeLessThan(1e-6);
  });

  it('a bacteriostatic antibiotic slows growth enough for the neutropenic host to clear', () => {
    const treated = ode({
      interventions: [
        { kind: 'neutropenia', start: 0, stop: 72, severity },
        { kind: 'bacteriostaticAntibiotic', start: 12, stop: 72, efficacy: 0.9 },
      ],
    });
    // r → 0.113/h: neutrophils beat growth once γ_N N > 0.113/h (N > 1.1e4, already there at 12 h in the
    // neutropenic host) and their ceiling kill is 0.54/h, so the load falls by ≥ e^{−0.4·t} towards clearance.
    expect(last(treated, 'P')).toBeLessThan(1);
  });
});

describe('bacteria-innate: stochastic establishment from a few bacteria (SSA)', () => {
  // Birth r = 1.13/h against death γ_M M. With default macrophages (γ_M M = 5.6/h) every lineage dies out;
  // with 15 % of them (preset macrophageDepleted: γ_M M = 0.84/h) one bacterium establishes with probability
  // ≈ 1 − 0.84/1.13. Neutrophils are switched off and macrophages held fixed (d_M = 0) so that death is
  // phagocytosis only, as in the birth–death calculation. The finite-time q(12 h) is compared (it is within
  // 0.01 of its limit), and 12 h keeps surviving lineages small (~100 bacteria), so runs are fast.
  const T = 12;
  const replicates = 2000;
  const Z = 4;

  function extinctFraction(parameters: Record<string, number>, seed: number, n = replicates): number {
    const { runs } = simulateSync(bacterialInnate, {
      model: MODEL,
      parameters: { ...parameters, sN: 0, dM: 0 },
      duration: T,
      outputInterval: T,
      method: 'ssa',
      seed,
      replicates: n,
    });
    return runs.filter((run) => last(run, 'P') === 0).length / runs.length;
  }

  for (const P0 of [1, 3]) {
    it(`few macrophages: P(extinction | P0 = ${P0}) = q(12 h)^${P0} within ${Z} binomial standard errors`, () => {
      const M0 = 1.5e5;
      const q = birthDeathExtinctionProbability(d.r, d.gammaM * M0, T) ** P0;
      // Finite-time and limiting probabilities differ by ~0.006 per bacterium at 12 h.
      expect(Math.abs(q - birthDeathExtinctionProbability(d.r, d.gammaM * M0) ** P0)).toBeLessThan(0.02);
      const observed = extinctFraction({ M0, P0 }, 20 + P0);
      expect(Math.abs(observed - q)).toBeLessThanOrEqual(Z * Math.sqrt((q * (1 - q)) / replicates));
    });
  }

  it('healthy macrophages: death exceeds birth, so every small inoculum dies out', () => {
    // q = min(1, 5.6/1.13) = 1; by 12 h the chance that one of 10 lineages survives is ≈ 10·e^{−(μ−λ)·12} ≈ 1e-22.
    expect(birthDeathExtinctionProbability(d.r, d.gammaM * d.M0)).toBe(1);
    expect(extinctFraction({ P0: 10 }, 3, 200)).toBe(1);
  });

  it('tau-leaping reproduces the ODE course of the default infection', () => {
    const reference = ode();
    const { runs } = simulateSync(bacterialInnate, {
      model: MODEL,
      duration: 72,
      outputInterval: 0.25,
      method: 'tau-leaping',
      seed: 9,
      replicates: 3,
    });
    const peak = (run: RunResult): number => Math.max(...series(run, 'P'));
    for (const run of runs) {
      // 10^5 initial bacteria: fluctuations ~1/√(10^5) ≈ 0.3 % in the growth phase, so the peak agrees closely.
      expect(Math.abs(peak(run) / peak(reference) - 1)).toBeLessThan(0.1);
      // Clearance is extinction in whole numbers.
      expect(last(run, 'P')).toBe(0);
    }
  });
});
