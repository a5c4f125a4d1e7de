/**
 * The stochastic simulators against laws derived from theory (never from the code under test):
 * pure decay (binomial law), birth–death (Poisson law) and dimerisation (chemical master equation solved
 * here by uniformisation). Statistical bound: every comparison allows 5 standard errors (SE) of the
 * estimator, computed from the theoretical distribution; explicit tau-leaping additionally gets a stated
 * allowance for its O(τ) bias.
 */
import { describe, expect, it } from 'vitest';
import {
  DirectMethodSsa,
  TauLeaping,
  type StochasticSimulator,
  type StochasticSystem,
} from '../src/stochastic/index.js';
import type { Rng } from '../src/rng/types.js';
import { birthDeathSystem, decaySystem, dimerisationSystem } from './stochasticSystems.js';
import { createRng } from '../src/rng/index.js';

/** Number of standard errors allowed in every statistical comparison. */
const Z = 5;
/** Default ε of TauLeaping (the bias allowances below scale with it). */
const EPSILON = 0.03;

type Factory = (system: StochasticSystem, rng: Rng) => StochasticSimulator;
const ssa: Factory = (system, rng) => new DirectMethodSsa(system, rng);
const tau: Factory = (system, rng) => new TauLeaping(system, rng);

/** Sample mean and (unbiased) sample variance. */
function moments(values: Float64Array): { mean: number; variance: number } {
  let mean = 0;
  for (const v of values) mean += v;
  mean /= values.length;
  let ss = 0;
  for (const v of values) ss += (v - mean) ** 2;
  return { mean, variance: ss / (values.length - 1) };
}

/**
 * Runs `replicates` copies of species 0 from `x0` over the time grid `times` (chunked `advance` calls),
 * checking every intermediate state is a non-negative integer; returns species 0 at the last time.
 */
function sample(
  make: Factory,
  system: StochasticSystem,
  seed: number,
  x0: readonly number[],
  times: readonly number[],
  replicates: number,
): Float64Array {
  const sim = make(system, createRng(seed));
  const out = new Float64Array(replicates);
  const x = new Float64Array(x0.length);
  let bad = 0;
  for (let r = 0; r < replicates; r++) {
    x.set(x0);
    for (let i = 1; i < times.length; i++) {
      expect(sim.advance(x, times[i - 1], times[i])).toBe(times[i]);
      for (const v of x) if (!(v >= 0 && Number.isInteger(v))) bad++;
    }
    out[r] = x[0];
  }
  expect(bad).toBe(0);
  return out;
}

/** Checks the sample against a law with the given mean, variance and central fourth moment. */
function expectMoments(
  values: Float64Array,
  law: { mean: number; variance: number; mu4: number },
  relativeAllowance: { mean: number; variance: number } = { mean: 0, variance: 0 },
): void {
  const n = values.length;
  const { mean, variance } = moments(values);
  // SE of the sample mean √(σ²/n); of the sample variance √((μ4 − σ⁴)/n).
  const seMean = Math.sqrt(law.variance / n);
  const seVariance = Math.sqrt((law.mu4 - law.variance ** 2) / n);
  expect(Math.abs(mean - law.mean)).toBeLessThanOrEqual(Z * seMean + relativeAllowance.mean * law.mean);
  expect(Math.abs(variance - law.variance)).toBeLessThanOrEqual(
    Z * seVariance + relativeAllowance.variance * law.variance,
  );
}

describe('pure decay A → ∅ (A0 = 1000): A(t) ~ Binomial(A0, e^{−kt})', () => {
  const k = 1;
  const a0 = 1000;
  const tEnd = 1;
  const p = Math.exp(-k * tEnd);
  const q = 1 - p;
  // Binomial central fourth moment: npq (1 + 3 (n − 2) pq).
  const law = { mean: a0 * p, variance: a0 * p * q, mu4: a0 * p * q * (1 + 3 * (a0 - 2) * p * q) };
  // Explicit leaping of linear decay with τ = ε/k has relative mean bias ≈ −ε k t / 2 and variance bias
  // ≈ +0.8 ε k t (from the leap recursion m' = (1 − kτ) m, v' = (1 − kτ)² v + kτ m); allow ε k t and 2 ε k t.
  const leapAllowance = { mean: EPSILON * k * tEnd, variance: 2 * EPSILON * k * tEnd };

  it('direct method matches mean and variance (one advance call)', () => {
    expectMoments(sample(ssa, decaySystem(k), 11, [a0], [0, tEnd], 6000), law);
  });

  it('direct method matches mean and variance (chunked advance t → t1 → t2 → tEnd)', () => {
    expectMoments(sample(ssa, decaySystem(k), 12, [a0], [0, 0.2, 0.55, tEnd], 6000), law);
  });

  it('tau-leaping matches within 5 SE plus the stated leap-bias allowance', () => {
    const sim = new TauLeaping(decaySystem(k), createRng(13));
    const x = new Float64Array(1);
    const values = new Float64Array(6000);
    for (let r = 0; r < values.length; r++) {
      x[0] = a0;
      sim.advance(x, 0, tEnd);
      values[r] = x[0];
    }
    expectMoments(values, law, leapAllowance);
    // It really leapt: τ' = ε/k while A > 10/ε (below that CGP switches to exact steps, 10/a0 > τ'),
    // i.e. about ln(1000 ε / 10) / ε ≈ 37 leaps per run.
    expect(sim.stats.leaps).toBeGreaterThan(30 * values.length);
    expect(sim.stats.ssaSteps).toBeLessThan(sim.stats.leaps);
  });

  it('tau-leaping, chunked, matches within the same bound', () => {
    expectMoments(sample(tau, decaySystem(k), 14, [a0], [0, 0.2, 0.55, tEnd], 6000), law, leapAllowance);
  });
});

describe('birth–death ∅ → A (λ), A → ∅ (μ): A(t) ~ Poisson(λ/μ (1 − e^{−μt})) from A(0) = 0', () => {
  const mu = 1;
  const tEnd = 10; // stationary Poisson(λ/μ) up to a factor 1 − e^{−10} on the mean
  /** Poisson law; central fourth moment m (1 + 3m). */
  const law = (lambda: number): { mean: number; variance: number; mu4: number } => {
    const m = (lambda / mu) * (1 - Math.exp(-mu * tEnd));
    return { mean: m, variance: m, mu4: m * (1 + 3 * m) };
  };

  it('direct method matches the Poisson mean and variance (λ/μ = 20)', () => {
    expectMoments(sample(ssa, birthDeathSystem(20, mu), 21, [0], [0, tEnd], 8000), law(20));
  });

  it('tau-leaping (λ/μ = 200, large enough to leap) matches within 5 SE (mean) and 5 SE + 10% (variance)', () => {
    // Leaping keeps the stationary mean of a linear system exact but inflates the stationary variance
    // by 1/(1 − μτ/2); with τ' ≤ (ε x)²/σ² = ε² λ / (2μ²) = 0.09/μ at x = λ/μ that is ≈ 4.7%; allow 10%.
    const lambda = 200;
    const sim = new TauLeaping(birthDeathSystem(lambda, mu), createRng(22));
    const values = new Float64Array(8000);
    const x = new Float64Array(1);
    for (let r = 0; r < values.length; r++) {
      x[0] = 0;
      sim.advance(x, 0, tEnd);
      values[r] = x[0];
    }
    expectMoments(values, law(lambda), { mean: 0, variance: 0.1 });
    expect(sim.stats.leaps).toBeGreaterThan(50 * values.length);
  });
});

/**
 * Exact distribution of A(t) for 2A → B (propensity k A (A − 1) / 2) from A(0) = a0, by uniformisation of
 * the chemical master equation: over each sub-interval h, P ← Σ_n Pois(n; Λh) P (I + Q/Λ)^n, with Λh ≤ 200
 * so e^{−Λh} stays representable. Index s holds P(A = a0 − 2s).
 */
function dimerisationCme(a0: number, k: number, t: number): Float64Array {
  const states = Math.floor(a0 / 2) + 1;
  const rate = (s: number): number => {
    const a = a0 - 2 * s;
    return (k * a * (a - 1)) / 2;
  };
  const bigLambda = rate(0);
  const pieces = Math.max(1, Math.ceil((bigLambda * t) / 200));
  const h = t / pieces;
  let start = new Float64Array(states);
  start[0] = 1;
  let p = new Float64Array(states);
  let next = new Float64Array(states);
  for (let piece = 0; piece < pieces; piece++) {
    p.set(start);
    const result = new Float64Array(states);
    let weight = Math.exp(-bigLambda * h);
    let accumulated = 0;
    for (let n = 0; accumulated < 1 - 1e-14; n++) {
      if (n > 0) weight *= (bigLambda * h) / n;
      for (let s = 0; s < states; s++) result[s] += weight * p[s];
      accumulated += weight;
      // One step of the uniformised chain: stay with 1 − rate/Λ, move s → s + 1 with rate/Λ.
      next.fill(0);
      for (let s = 0; s < states; s++) {
        const jump = rate(s) / bigLambda;
        next[s] += p[s] * (1 - jump);
        if (s + 1 < states) next[s + 1] += p[s] * jump;
      }
      [p, next] = [next, p];
    }
    start = result;
  }
  return start;
}

/** Mean, variance and central fourth moment of A under the CME distribution. */
function cmeLaw(a0: number, dist: Float64Array): { mean: number; variance: number; mu4: number } {
  let mean = 0;
  dist.forEach((pr, s) => (mean += pr * (a0 - 2 * s)));
  let variance = 0;
  let mu4 = 0;
  dist.forEach((pr, s) => {
    const d = a0 - 2 * s - mean;
    variance += pr * d * d;
    mu4 += pr * d ** 4;
  });
  return { mean, variance, mu4 };
}

describe('dimerisation 2A → B against the chemical master equation', () => {
  it('the uniformisation reference is a probability distribution with the right initial slope', () => {
    const dist = dimerisationCme(10, 1, 1e-4);
    expect(dist.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 12);
    // P(A still 10) = e^{−45 t}.
    expect(dist[0]).toBeCloseTo(Math.exp(-45e-4), 12);
  });

  for (const [name, make] of [
    ['direct method', ssa],
    // With A0 = 10 every channel is critical (⌊10/2⌋ < n_c), so leaping reduces to exact steps.
    ['tau-leaping', tau],
  ] as const) {
    it(`${name}: A0 = 10, the distribution of A(t) matches state by state`, () => {
      const a0 = 10;
      const k = 1;
      const tEnd = 0.25;
      const n = 8000;
      const dist = dimerisationCme(a0, k, tEnd);
      const values = sample(make, dimerisationSystem(k), 31, [a0, 0], [0, tEnd], n);
      const counts = new Float64Array(dist.length);
      for (const v of values) {
        expect((a0 - v) % 2).toBe(0);
        counts[(a0 - v) / 2]++;
      }
      dist.forEach((pr, s) => {
        // Binomial SE of an empirical frequency, √(p(1 − p)/n).
        expect(Math.abs(counts[s] / n - pr)).toBeLessThanOrEqual(Z * Math.sqrt((pr * (1 - pr)) / n) + 1e-12);
      });
      expectMoments(values, cmeLaw(a0, dist));
    });
  }

  it('direct method: A0 = 200, mean and variance of A(t) match the CME', () => {
    const a0 = 200;
    const k = 0.005;
    const tEnd = 1;
    const law = cmeLaw(a0, dimerisationCme(a0, k, tEnd));
    // Deterministic limit A = A0 / (1 + k A0 t) = 100: the CME mean must be close to it.
    expect(law.mean).toBeGreaterThan(100);
    expect(law.mean).toBeLessThan(103);
    expectMoments(sample(ssa, dimerisationSystem(k), 32, [a0, 0], [0, tEnd], 4000), law);
  });

  it('tau-leaping: A0 = 4000 (large enough to leap), mean and variance within 5 SE + a stated allowance', () => {
    const a0 = 4000;
    const k = 2.5e-4;
    const tEnd = 1;
    const law = cmeLaw(a0, dimerisationCme(a0, k, tEnd));
    expect(law.mean).toBeGreaterThan(1995); // deterministic limit A0 / (1 + k A0 t) = 2000
    expect(law.mean).toBeLessThan(2010);
    // Each leap changes x by a relative ε/g ≈ ε/2, so the Euler-type bias of the mean accumulated over
    // ln 2 / (ε/2) leaps is about (ε/2) ln 2 ≈ 1%: allow ε on the mean; the variance, inflated by the
    // Poisson noise of each leap, gets 3ε.
    const allowance = { mean: EPSILON, variance: 3 * EPSILON };
    const sim = new TauLeaping(dimerisationSystem(k), createRng(33));
    const values = new Float64Array(6000);
    const x = new Float64Array(2);
    for (let r = 0; r < values.length; r++) {
      x[0] = a0;
      x[1] = 0;
      sim.advance(x, 0, tEnd);
      expect(x[0] + 2 * x[1]).toBe(a0); // conservation of A + 2B
      values[r] = x[0];
    }
    expectMoments(values, law, allowance);
    expect(sim.stats.leaps).toBeGreaterThan(20 * values.length);
  });
});
