import { describe, expect, it } from 'vitest';
import { noiseLogCdf, noiseLogLikelihood, noiseObservationLikelihood } from '@immunotwin/engine';

const noise = { sigma: 0.5, df: 4, dispersion: 3 };

describe('the filters’ observation likelihood from observation/ noise models', () => {
  it('sums the measured quantities, skips the unmeasured and censors at the detection limit', () => {
    const likelihood = noiseObservationLikelihood([
      { kind: 'gaussian', noise, detectionLimit: 1 },
      { kind: 'negative-binomial', noise },
    ]);
    const predicted = Float64Array.of(2.5, 40);
    // Above the limit: the density; at or below it: P(Y ≤ 1), here Φ((1 − 2.5)/0.5) = Φ(−3).
    expect(likelihood(predicted, [3.1, 37])).toBe(
      noiseLogLikelihood('gaussian', 3.1, 2.5, noise) + noiseLogLikelihood('negative-binomial', 37, 40, noise),
    );
    expect(likelihood(predicted, [0.7, Number.NaN])).toBe(noiseLogCdf('gaussian', 1, 2.5, noise));
    expect(likelihood(predicted, [0.7, Number.NaN])).toBeCloseTo(Math.log(0.0013498980316300946), 12);
    expect(likelihood(predicted, [Number.NaN, Number.NaN])).toBe(0);
  });

  it('refuses a detection limit on counts', () => {
    expect(() => noiseObservationLikelihood([{ kind: 'poisson', noise, detectionLimit: 2 }])).toThrow(
      'measurements[0].detectionLimit must be absent for poisson counts; got 2',
    );
  });
});
