import { describe, expect, it } from 'vitest';
import { estimateParameters } from '../src/index.js';
import { DECAY_PARAMETERS, DECAY_TIMES, decay, gaussianProblem, synthetic } from './fixtures/fitToyProblems.js';

const TRUTH = [10, 0.7];
const SIGMA = 0.5;

/** How often the 95 % intervals of A and k cover the truth over data sets seeded first … first + count − 1. */
async function coverage(first: number, count: number, bootstrap: number) {
  const covered = { profile: [0, 0], bootstrap: [0, 0] };
  for (let seed = first; seed < first + count; seed++) {
    const y = synthetic(decay(DECAY_TIMES), TRUTH, SIGMA, seed);
    const problem = gaussianProblem(DECAY_PARAMETERS, y, SIGMA, decay(DECAY_TIMES));
    const fit = await estimateParameters(problem, { starts: 2, seed, bootstrap, profiles: bootstrap === 0 });
    fit.parameters.forEach((p, i) => {
      if (p.profile && p.profile.lower <= TRUTH[i]! && TRUTH[i]! <= p.profile.upper) covered.profile[i]!++;
      if (p.bootstrap && p.bootstrap.lower <= TRUTH[i]! && TRUTH[i]! <= p.bootstrap.upper) covered.bootstrap[i]!++;
    });
  }
  return covered;
}

// The bar, fixed before any run: ≥ 90 % of nominal 95 % intervals cover the truth. With 200 data sets and a
// true coverage of 95 %, the chance of 180 or fewer covering (binomial) is about 0.2 %: a failure means the intervals
// are too short, not bad luck. The bootstrap has 100 replicates per data set. Measured on seeds 1–200, 1001–1200 and
// 2001–2200: profile 93.5–96.5 %, bootstrap percentile 91.5–94.5 % (A and k).
describe('coverage of nominal 95 % intervals over synthetic data sets (exponential decay, 10 points, σ = 0.5)', () => {
  it('profile-likelihood intervals cover A and k in ≥ 90 % of 200 data sets', async () => {
    const { profile } = await coverage(1, 200, 0);
    expect(profile[0]! / 200).toBeGreaterThanOrEqual(0.9);
    expect(profile[1]! / 200).toBeGreaterThanOrEqual(0.9);
  });

  it('parametric-bootstrap percentile intervals cover A and k in ≥ 90 % of 200 data sets', async () => {
    const { bootstrap } = await coverage(1, 200, 100);
    expect(bootstrap[0]! / 200).toBeGreaterThanOrEqual(0.9);
    expect(bootstrap[1]! / 200).toBeGreaterThanOrEqual(0.9);
  });
});
