import { describe, expect, it } from 'vitest';
import { sampleExponential, sampleNormal } from '../src/rng/samplers.js';
import { createRng } from '../src/rng/seeding.js';
import { momentMismatch, proportionMismatch } from './fixtures/rng/statistics.js';

const N = 400_000;

describe('normal', () => {
  const rng = createRng(101);
  const values = new Float64Array(N);
  for (let i = 0; i < N; i++) values[i] = rng.normal();

  it('has mean 0 and variance 1 within 5 standard errors', () => {
    expect(momentMismatch(values, 0, 1, 0)).toBeNull();
  });

  it('has the right tail masses P(|Z| > t) for t = 0.5, 1, 2, 3', () => {
    const tails: [number, number][] = [
      [0.5, 0.6170750774519738],
      [1, 0.31731050786291415],
      [2, 0.04550026389635842],
      [3, 0.0026997960632601866],
    ];
    for (const [t, p] of tails) {
      let hits = 0;
      for (const z of values) if (Math.abs(z) > t) hits++;
      expect(proportionMismatch(hits, N, p)).toBeNull();
    }
    let negative = 0;
    for (const z of values) if (z < 0) negative++;
    expect(proportionMismatch(negative, N, 0.5)).toBeNull();
  });

  it('applies mean and sd', () => {
    const scaled = createRng(102);
    const sample = Float64Array.from({ length: 100_000 }, () => scaled.normal(-3, 2.5));
    expect(momentMismatch(sample, -3, 6.25, 0)).toBeNull();
    expect(createRng(103).normal(4, 0)).toBe(4);
  });
});

describe('exponential', () => {
  it.each([0.1, 1, 7.5])('rate %d: mean 1/rate and variance 1/rate² within 5 SE', (rate) => {
    const rng = createRng(201, rate * 10);
    const values = Float64Array.from({ length: N / 2 }, () => rng.exponential(rate));
    expect(values.every((x) => x >= 0 && Number.isFinite(x))).toBe(true);
    // Excess kurtosis of an exponential distribution is 6.
    expect(momentMismatch(values, 1 / rate, 1 / rate ** 2, 6)).toBeNull();
    for (const t of [0.1, 1, 3]) {
      let hits = 0;
      for (const x of values) if (x * rate > t) hits++;
      expect(proportionMismatch(hits, values.length, Math.exp(-t))).toBeNull();
    }
  });

  it('inverts the uniform: −log(1 − u)/rate', () => {
    expect(sampleExponential({ uniform: () => 0.5 }, 2)).toBeCloseTo(Math.LN2 / 2, 15);
    expect(sampleExponential({ uniform: () => 0 }, 3)).toBe(0);
  });
});

describe('continuous samplers with a scripted UniformSource', () => {
  it('normal follows the polar method', () => {
    const values = [0.3, 0.4];
    let i = 0;
    // Polar method: x = −0.4, y = −0.2, s = 0.2 → x·sqrt(−2 ln s / s).
    const z = sampleNormal({ uniform: () => values[i++] });
    expect(z).toBeCloseTo(-0.4 * Math.sqrt((-2 * Math.log(0.2)) / 0.2), 12);
  });
});
