import { describe, expect, it } from 'vitest';
import { createRng, portableMath } from '@immunotwin/engine';
import { rejectionBound } from '../src/index.js';

/** log-uniform in [10^lo, 10^hi]. */
const logUniform = (u: number, lo: number, hi: number): number => 10 ** (lo + (hi - lo) * u);

describe('Lung Twin: the epithelium’s rejection bound', () => {
  // The epithelium's full test for a healthy or antiviral cell (the model's rules: infection with probability
  // 1 − e^(−h), else the antiviral switch with probability s) compares a draw u with p and with p + (1 − p)·s; a
  // draw at or above the bound must fail both, for every hazard h > 0, IFN signal ≥ 0 and switch rates, including
  // the extremes where the roundings push the computed values up (tiny h, where p rounds to h; IFN far above its
  // half-saturation, where s rounds to its maximum).
  it('is above both computed thresholds for a million hazards, signals and switch rates', () => {
    const rng = createRng(5);
    const violations: string[] = [];
    for (let k = 0; k < 1_000_000; k++) {
      const hazard = logUniform(rng.uniform(), -30, 1);
      const signal = k % 10 === 0 ? 0 : logUniform(rng.uniform(), -45, 30);
      const rate = logUniform(rng.uniform(), -12, 0);
      const half = logUniform(rng.uniform(), -6, 3);
      const healthy = k % 2 === 0;
      const s = healthy ? (signal > 0 ? (rate * signal) / (signal + half) : 0) : (rate * half) / (signal + half);
      const p = -portableMath.expm1(-hazard);
      const bound = rejectionBound(hazard, rate);
      if (!(bound >= p && bound >= p + (1 - p) * s)) violations.push(`h ${hazard}, signal ${signal}, rate ${rate}`);
    }
    expect(violations).toEqual([]);
  });

  it('is within 10^−13 of h + s, so it rejects almost every draw above them', () => {
    expect(rejectionBound(1e-6, 0.05) / (1e-6 + 0.05)).toBeLessThan(1 + 1e-13);
    expect(rejectionBound(1e-6, 0.05)).toBeGreaterThan(1e-6 + 0.05);
  });
});
