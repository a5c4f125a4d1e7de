import { describe, expect, it } from 'vitest';
import { createRng, systematicResample } from '@immunotwin/engine';

describe('systematic resampling', () => {
  it('takes every particle ⌊n·w⌋ or ⌈n·w⌉ times, and on average n·w times', () => {
    const rng = createRng(31);
    const n = 50;
    const raw = Array.from({ length: n }, () => rng.uniform() ** 3);
    const total = raw.reduce((a, b) => a + b, 0);
    const weights = Float64Array.from(raw, (w) => w / total);
    const average = new Float64Array(n);
    const draws = 2000;
    let outside = 0;
    let unordered = 0;
    for (let draw = 0; draw < draws; draw++) {
      const ancestors = systematicResample(weights, rng.uniform(), new Int32Array(n));
      const counts = new Int32Array(n);
      ancestors.forEach((a) => counts[a]++);
      for (let i = 0; i < n; i++) {
        if (counts[i] < Math.floor(n * weights[i] - 1e-9) || counts[i] > Math.ceil(n * weights[i] + 1e-9)) outside++;
        average[i] += counts[i] / draws;
      }
      for (let j = 1; j < n; j++) if (ancestors[j] < ancestors[j - 1]) unordered++;
    }
    expect(outside).toBe(0);
    expect(unordered).toBe(0);
    // Unbiased: a count is n·w_i plus a Bernoulli(frac) part, sd ≤ 0.5; over 2000 draws 4 sds are 0.045.
    for (let i = 0; i < n; i++) expect(Math.abs(average[i] - n * weights[i])).toBeLessThanOrEqual(0.045);
  });
});
