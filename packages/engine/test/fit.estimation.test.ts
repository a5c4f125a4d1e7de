import { describe, expect, it } from 'vitest';
import {
  aicc,
  compareByAicc,
  chiSquare1Quantile,
  estimateParameters,
  fitFromStart,
  multiStartPoints,
  parseFitResult,
  profileLikelihood,
  runFitTask,
  type FitParameter,
  type FitProblem,
  type FitTaskResult,
} from '../src/index.js';
import { DECAY_PARAMETERS, DECAY_TIMES, decay, gaussianProblem, synthetic } from './fixtures/fitToyProblems.js';

/**
 * The least-squares fit of A·exp(−k t) by the semi-analytic route: A*(k) in closed form, k in [kLow, kHigh] by golden
 * section on S(k).
 */
function decayLeastSquares(t: Float64Array, y: Float64Array, kLow = 1e-3, kHigh = 10): { A: number; k: number } {
  const reduced = (k: number) => {
    let sy = 0;
    let s2 = 0;
    for (let i = 0; i < t.length; i++) {
      const e = Math.exp(-k * t[i]!);
      sy += y[i]! * e;
      s2 += e * e;
    }
    return { A: sy / s2, S: -(sy * sy) / s2 };
  };
  let a = Math.log(kLow);
  let b = Math.log(kHigh);
  const g = (Math.sqrt(5) - 1) / 2;
  for (let i = 0; i < 300; i++) {
    const c = b - g * (b - a);
    const d = a + g * (b - a);
    if (reduced(Math.exp(c)).S < reduced(Math.exp(d)).S) b = d;
    else a = c;
  }
  const k = Math.exp((a + b) / 2);
  return { A: reduced(k).A, k };
}

describe('least squares (Levenberg–Marquardt) and maximum likelihood (Nelder–Mead)', () => {
  const sigma = 0.2;
  const truth = [10, 0.7];

  it('recovers the least-squares solution of exponential decay on 10 noisy data sets', async () => {
    for (let seed = 1; seed <= 10; seed++) {
      const y = synthetic(decay(DECAY_TIMES), truth, sigma, seed);
      const exact = decayLeastSquares(DECAY_TIMES, y);
      const problem = gaussianProblem(DECAY_PARAMETERS, y, sigma, decay(DECAY_TIMES));
      const lm = await fitFromStart(problem, [1, 0.01]);
      expect(lm.method).toBe('levenberg-marquardt');
      expect(lm.converged).toBe(true);
      // The cost tolerance 1e-9 on ½Σr² bounds the distance to the minimum by √(2·1e-9/λ_min) in the scaled
      // coordinates; with λ_min ≈ 10 here that is ~1e-5 relative at most; 1e-5 is the bar.
      expect(Math.abs(lm.theta[0]! / exact.A - 1)).toBeLessThan(1e-5);
      expect(Math.abs(lm.theta[1]! / exact.k - 1)).toBeLessThan(1e-5);
      const nm = await fitFromStart(problem, [1, 0.01], { method: 'nelder-mead' });
      expect(nm.method).toBe('nelder-mead');
      expect(Math.abs(nm.theta[0]! / exact.A - 1)).toBeLessThan(1e-4);
      expect(Math.abs(nm.theta[1]! / exact.k - 1)).toBeLessThan(1e-4);
    }
  });
});

/** y = a + b·x with σ known: the linear model whose profile-likelihood interval is exactly β̂ ± z·SE. */
function linearProblem(parameters: FitParameter[], x: Float64Array, y: Float64Array, sigma: number) {
  return gaussianProblem(parameters, y, sigma, (theta) => Float64Array.from(x, (xi) => theta[0]! + theta[1]! * xi));
}

/** Ordinary least squares for y = a + b·x by the normal equations, and (XᵀX)⁻¹. */
function ordinaryLeastSquares(x: Float64Array, y: Float64Array) {
  const n = x.length;
  let sx = 0;
  let sxx = 0;
  let sy = 0;
  let sxy = 0;
  for (let i = 0; i < n; i++) {
    sx += x[i]!;
    sxx += x[i]! * x[i]!;
    sy += y[i]!;
    sxy += x[i]! * y[i]!;
  }
  const det = n * sxx - sx * sx;
  const b = (n * sxy - sx * sy) / det;
  const a = (sy - b * sx) / n;
  return { a, b, inverse: [sxx / det, n / det] };
}

describe('profile-likelihood intervals', () => {
  const x = Float64Array.from({ length: 12 }, (_, i) => i);
  const sigma = 0.5;
  const parameters: FitParameter[] = [
    { id: 'a', lower: -50, upper: 50, scale: 'linear' },
    { id: 'b', lower: -10, upper: 10, scale: 'linear' },
  ];

  it('equal the exact interval β̂ ± z₀.₉₇₅·σ·√((XᵀX)⁻¹) for a linear model with known σ, on 10 data sets', async () => {
    const z = 1.959963984540054;
    expect(chiSquare1Quantile(0.95)).toBeCloseTo(z * z, 12);
    for (let seed = 1; seed <= 10; seed++) {
      const model = (theta: Float64Array) => Float64Array.from(x, (xi) => theta[0]! + theta[1]! * xi);
      const y = synthetic(model, [2, 0.3], sigma, seed);
      const ols = ordinaryLeastSquares(x, y);
      const problem = linearProblem(parameters, x, y, sigma);
      const fit = await estimateParameters(problem, { starts: 2, seed });
      const estimates = [ols.a, ols.b];
      fit.parameters.forEach((p, i) => {
        expect(p.estimate).toBeCloseTo(estimates[i]!, 6);
        const half = z * sigma * Math.sqrt(ols.inverse[i]!);
        // The ends are found to |Δ(−log L) − χ²/2| ≤ 1e-3; on this quadratic profile that moves an end by at most
        // 1e-3/(z/SE)·… ≈ 3e-4·SE, so 1e-3·SE bounds the error.
        expect(Math.abs(p.profile!.lower - (estimates[i]! - half))).toBeLessThan(1e-3 * half);
        expect(Math.abs(p.profile!.upper - (estimates[i]! + half))).toBeLessThan(1e-3 * half);
        expect(p.profile!.lowerReason).toBe('threshold');
      });
    }
  });

  it('stop at a bound the profile never crosses and say so', async () => {
    const y = synthetic((theta) => Float64Array.from(x, (xi) => theta[0]! + theta[1]! * xi), [2, 0.3], sigma, 3);
    // b's box [0.25, 0.35] is narrower than its 95 % interval (half-width ≈ 0.08 around ≈ 0.3).
    const narrow: FitParameter[] = [parameters[0]!, { id: 'b', lower: 0.29, upper: 0.31, scale: 'linear' }];
    const problem = linearProblem(narrow, x, y, sigma);
    const fit = await estimateParameters(problem, { starts: 3 });
    const b = fit.parameters[1]!;
    expect(b.profile!.lowerReason).toBe('bound');
    expect(b.profile!.upperReason).toBe('bound');
    expect(b.profile!.lower).toBe(0.29);
    expect(b.profile!.upper).toBe(0.31);
    expect(fit.warnings.some((w) => /b: the lower end of its interval is the search bound/.test(w))).toBe(true);
  });
});

describe('bounds and log scale', () => {
  const x = Float64Array.from({ length: 12 }, (_, i) => i);

  it('an optimum outside the box ends exactly on the bound, and no evaluation leaves the box', async () => {
    const y = synthetic((theta) => Float64Array.from(x, (xi) => theta[0]! + theta[1]! * xi), [2, 1], 0.1, 5);
    const parameters: FitParameter[] = [
      { id: 'a', lower: -50, upper: 50, scale: 'linear' },
      { id: 'b', lower: 0, upper: 0.5, scale: 'linear' },
    ];
    // The toy problem throws for a θ outside its bounds (the contract), so any stray evaluation fails the test.
    for (const method of ['levenberg-marquardt', 'nelder-mead'] as const) {
      const fit = await fitFromStart(linearProblem(parameters, x, y, 0.1), [0, 0.1], { method });
      expect(fit.theta[1]).toBe(0.5);
      // With b held at 0.5, a is the mean of y − 0.5·x.
      const a = y.reduce((s, yi, i) => s + yi - 0.5 * x[i]!, 0) / x.length;
      expect(fit.theta[0]).toBeCloseTo(a, method === 'levenberg-marquardt' ? 6 : 4);
    }
  });

  it('starts cover a log-scaled box evenly in log10: one per stratum of the decades', () => {
    const problem: FitProblem = {
      parameters: [
        { id: 'k', lower: 1e-6, upper: 1e2, scale: 'log' },
        { id: 'c', lower: 0, upper: 8, scale: 'linear' },
      ],
      observationCount: 1,
      evaluate: () => ({ negLogLikelihood: 0 }),
    };
    const points = multiStartPoints(problem, 9, 7);
    // The first is the middle of the box on each scale: 10^−2 and 4.
    expect(points[0]![0]).toBeCloseTo(1e-2, 15);
    expect(points[0]![1]).toBe(4);
    const strata = points
      .slice(1)
      .map((p) => Math.floor(Math.log10(p[0]!) + 6))
      .sort((a, b) => a - b);
    expect(strata).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(multiStartPoints(problem, 9, 7)).toEqual(points);
  });

  it('a rate over eight decades is found from the middle of its log box', async () => {
    const t = Float64Array.from({ length: 10 }, (_, i) => 1e-4 * 2 ** i);
    const truth = [5, 3000];
    const y = synthetic(decay(t), truth, 0.05, 11);
    const parameters: FitParameter[] = [
      { id: 'A', lower: 0.1, upper: 100, scale: 'linear' },
      { id: 'k', lower: 1e-2, upper: 1e6, scale: 'log' },
    ];
    const exact = decayLeastSquares(t, y, 1e-2, 1e6);
    const fit = await fitFromStart(gaussianProblem(parameters, y, 0.05, decay(t)), [50, 100]);
    expect(Math.abs(fit.theta[1]! / exact.k - 1)).toBeLessThan(1e-5);
  });
});

describe('AICc', () => {
  it('is 2k + 2(−log L) + 2k(k+1)/(n−k−1): 25.714285… for −log L = 10, k = 2, n = 10', () => {
    expect(aicc(10, 2, 10)).toBeCloseTo(4 + 20 + 12 / 7, 12);
    expect(() => aicc(10, 3, 4)).toThrow(/more data points than parameters \+ 1: 4 points for 3 parameters/);
  });

  it('of a linear fit with known σ equals the closed form from the residual sum of squares', async () => {
    const x = Float64Array.from({ length: 12 }, (_, i) => i);
    const sigma = 0.5;
    const y = synthetic((theta) => Float64Array.from(x, (xi) => theta[0]! + theta[1]! * xi), [2, 0.3], sigma, 21);
    const ols = ordinaryLeastSquares(x, y);
    let rss = 0;
    for (let i = 0; i < x.length; i++) rss += (y[i]! - ols.a - ols.b * x[i]!) ** 2;
    const n = x.length;
    const expected = 4 + rss / sigma ** 2 + n * Math.log(2 * Math.PI * sigma ** 2) + 12 / (n - 3);
    const problem = linearProblem(
      [
        { id: 'a', lower: -50, upper: 50, scale: 'linear' },
        { id: 'b', lower: -10, upper: 10, scale: 'linear' },
      ],
      x,
      y,
      sigma,
    );
    const fit = await estimateParameters(problem, { starts: 2, profiles: false });
    expect(fit.aicc).toBeCloseTo(expected, 8);
  });

  it('weights models by exp(−Δ/2)', () => {
    const [a, b] = compareByAicc([
      { name: 'eclipse', aicc: 10 },
      { name: 'no eclipse', aicc: 12 },
    ]);
    expect(a!.delta).toBe(0);
    expect(b!.delta).toBe(2);
    expect(a!.weight).toBeCloseTo(1 / (1 + Math.exp(-1)), 14);
  });
});

describe('multi-start', () => {
  /** −log L with two minima: a local one near x = +1 (value ≈ 0.2) and the global one near x = −1 (≈ −0.2). */
  const twoWells: FitProblem = {
    parameters: [
      { id: 'x', lower: -2, upper: 2, scale: 'linear', initial: 1.2 },
      { id: 'y', lower: -2, upper: 2, scale: 'linear', initial: 0.5 },
    ],
    observationCount: 10,
    evaluate: (theta) => {
      const [x, y] = theta as unknown as [number, number];
      return { negLogLikelihood: (x * x - 1) ** 2 + y * y + 0.2 * x };
    },
  };

  it('finds the global minimum of a two-well objective that the initial point misses, and reports every start', async () => {
    const single = await estimateParameters(twoWells, { starts: 1, profiles: false });
    expect(single.parameters[0]!.estimate).toBeGreaterThan(0.9);
    const multi = await estimateParameters(twoWells, { starts: 8, profiles: false, seed: 3 });
    expect(multi.starts.results).toHaveLength(8);
    const best = multi.starts.results[multi.starts.best]!;
    expect(best.negLogLikelihood).toBe(Math.min(...multi.starts.results.map((s) => s.negLogLikelihood!)));
    // Global minimum: x solves 4x³ − 4x + 0.2 = 0 near −1 (x ≈ −1.0243), y = 0.
    const x = multi.parameters[0]!.estimate;
    expect(4 * x ** 3 - 4 * x + 0.2).toBeCloseTo(0, 5);
    expect(x).toBeLessThan(-1);
    expect(multi.starts.results[0]!.theta[0]).toBeGreaterThan(0.9);
  });

  it('gives the same result, to the bit, run twice or with its tasks run in another order', async () => {
    const first = await estimateParameters(twoWells, { starts: 6, seed: 9 });
    const again = await estimateParameters(twoWells, { starts: 6, seed: 9 });
    expect(again).toEqual(first);
    const reversed = await estimateParameters(twoWells, {
      starts: 6,
      seed: 9,
      runTasks: async (tasks) => {
        const results = new Array<FitTaskResult>(tasks.length);
        for (let i = tasks.length - 1; i >= 0; i--) results[i] = await runFitTask(twoWells, tasks[i]!);
        return results;
      },
    });
    expect(reversed).toEqual(first);
    expect(parseFitResult(JSON.parse(JSON.stringify(first)))).toEqual(first);
  });
});

describe('cancellation and progress', () => {
  it('stops between evaluations when the signal aborts, with its reason', async () => {
    const y = synthetic(decay(DECAY_TIMES), [10, 0.7], 0.2, 1);
    const controller = new AbortController();
    let after = -1;
    const problem = gaussianProblem(DECAY_PARAMETERS, y, 0.2, decay(DECAY_TIMES), {
      onEvaluate: () => {
        if (problem.evaluations === 25) controller.abort(new Error('stop here'));
        if (controller.signal.aborted && after < 0) after = problem.evaluations;
      },
    });
    const seen: string[] = [];
    await expect(
      estimateParameters(problem, { starts: 20, signal: controller.signal, onProgress: (p) => seen.push(p.stage) }),
    ).rejects.toThrow('stop here');
    // The evaluation that aborted was the last one made.
    expect(problem.evaluations).toBe(25);
    expect(seen.length).toBeGreaterThan(0);
  });
});

describe('profile of a single parameter', () => {
  it('needs no re-optimisation and gives the Gaussian mean ± z·σ/√n', async () => {
    const y = Float64Array.of(1.2, 0.8, 1.1, 0.9, 1.3, 0.7);
    const problem = gaussianProblem([{ id: 'mu', lower: -5, upper: 5, scale: 'linear' }], y, 0.3, (theta) =>
      new Float64Array(y.length).fill(theta[0]!),
    );
    const mean = y.reduce((a, b) => a + b, 0) / y.length;
    const best = { theta: [mean], negLogLikelihood: problem.evaluate(Float64Array.of(mean)).negLogLikelihood };
    const profile = await profileLikelihood(problem, best, 0);
    const half = (1.959963984540054 * 0.3) / Math.sqrt(y.length);
    expect(Math.abs(profile.lower.value - (mean - half))).toBeLessThan(1e-3 * half);
    expect(Math.abs(profile.upper.value - (mean + half))).toBeLessThan(1e-3 * half);
  });
});

describe('maximum likelihood without residuals (Poisson counts)', () => {
  const counts = [3, 7, 4, 6, 5, 2, 8, 5];
  const problem: FitProblem = {
    parameters: [{ id: 'lambda', lower: 0.01, upper: 1000, scale: 'log' }],
    observationCount: counts.length,
    evaluate: (theta) => {
      const lambda = theta[0]!;
      let nll = 0;
      for (const y of counts) {
        let logFactorial = 0;
        for (let k = 2; k <= y; k++) logFactorial += Math.log(k);
        nll += lambda - y * Math.log(lambda) + logFactorial;
      }
      return { negLogLikelihood: nll };
    },
  };

  it('is fitted by Nelder–Mead to the sample mean, with the exact likelihood-ratio interval', async () => {
    const fit = await estimateParameters(problem, { starts: 3 });
    expect(fit.method).toBe('nelder-mead');
    const mean = counts.reduce((a, b) => a + b, 0) / counts.length;
    expect(fit.parameters[0]!.estimate).toBeCloseTo(mean, 5);
    // The ends solve 2n(λ − ȳ − ȳ·ln(λ/ȳ)) = χ²₁(0.95), found here by bisection.
    const n = counts.length;
    const rise = (lambda: number) =>
      2 * n * (lambda - mean - mean * Math.log(lambda / mean)) - chiSquare1Quantile(0.95);
    const solve = (lo: number, hi: number) => {
      for (let i = 0; i < 200; i++) {
        const mid = (lo + hi) / 2;
        if (Math.sign(rise(mid)) === Math.sign(rise(lo))) lo = mid;
        else hi = mid;
      }
      return (lo + hi) / 2;
    };
    const profile = fit.parameters[0]!.profile!;
    expect(profile.lower).toBeCloseTo(solve(0.01, mean), 3);
    expect(profile.upper).toBeCloseTo(solve(mean, 1000), 3);
  });
});
