import { chiSquare1Quantile } from './chiSquare.js';
import { FitObjective, type EvaluationControl } from './fitObjective.js';
import type { FitProblem } from './fitProblem.js';
import { fixedParameterProblem } from './fixedParameterProblem.js';
import { localFit, type LocalFitOptions } from './localFit.js';
import { ParameterScaling } from './parameterScaling.js';

/** Settings of a profile likelihood. */
export interface ProfileOptions extends LocalFitOptions {
  /** Confidence level of the interval (default 0.95): the profile rises by χ²₁(level)/2 at its ends. */
  readonly level?: number;
  /** First step from the optimum, as a fraction of the parameter's box on its scale (default 0.02). */
  readonly initialStep?: number;
  /** The most steps in each direction before giving up on finding the end (default 60). */
  readonly maxSteps?: number;
  /** How close to the threshold, in log-likelihood units, an end must be (default 1e-3). */
  readonly tolerance?: number;
}

/** One point of a profile: the parameter's value and −log L with the others re-optimised. */
export interface ProfilePoint {
  /** The profiled parameter's value, in its own unit. */
  readonly value: number;
  /** The least −log L over the other parameters with this one held at `value`. */
  readonly negLogLikelihood: number;
}

/** One end of a profile-likelihood interval. */
export interface ProfileEnd {
  /** The end, in the parameter's own unit (the bound when the profile stays under the threshold up to it). */
  readonly value: number;
  /** 'threshold': the profile crosses χ²₁(level)/2 here; 'bound': it reaches the bound first; 'steps': gave up. */
  readonly reason: 'threshold' | 'bound' | 'steps';
}

/** The profile likelihood of one parameter and the confidence interval it gives. */
export interface ParameterProfile {
  /** The parameter's id. */
  readonly id: string;
  /** The confidence level. */
  readonly level: number;
  /** The lower end of the interval. */
  readonly lower: ProfileEnd;
  /** The upper end of the interval. */
  readonly upper: ProfileEnd;
  /** Every point computed, by value. */
  readonly points: ProfilePoint[];
  /**
   * Set when the profile went lower than the optimum it started from (by more than `tolerance`): the fit did not
   * find the best point, and the interval is not to be trusted. θ and −log L of the better point.
   */
  readonly betterOptimum?: { readonly theta: number[]; readonly negLogLikelihood: number };
}

interface Step {
  /** The profiled parameter on its scale. */
  readonly s: number;
  /** −log L minus the optimum's. */
  readonly rise: number;
  /** The other parameters' optimum there, on their scale (warm start of the next point). */
  readonly others: Float64Array;
}

/**
 * The profile likelihood of parameter `index` around the optimum `best` (θ in own units and its −log L): walks
 * from the optimum in each direction on the parameter's scale (doubling the step while the profile is flat),
 * re-optimising the other parameters at every point from the previous point's optimum, until the profile rises by
 * χ²₁(level)/2; the crossing is then found by regula falsi (Illinois) to `tolerance`. The interval is
 * {value : 2(−log L_profile − −log L_min) ≤ χ²₁(level)} (Venzon and Moolgavkar 1988; Raue et al. 2009).
 */
export async function profileLikelihood(
  problem: FitProblem,
  best: { readonly theta: ArrayLike<number>; readonly negLogLikelihood: number },
  index: number,
  options: ProfileOptions = {},
  control: EvaluationControl = {},
): Promise<ParameterProfile> {
  const scaling = new ParameterScaling(problem.parameters);
  const parameter = problem.parameters[index];
  if (parameter === undefined) throw new RangeError(`parameter index ${index} is not one of the problem's`);
  const level = options.level ?? 0.95;
  const threshold = chiSquare1Quantile(level) / 2;
  const tolerance = options.tolerance ?? 1e-3;
  const maxSteps = options.maxSteps ?? 60;
  const uBest = scaling.toScaled(best.theta);
  const width = scaling.upper[index]! - scaling.lower[index]!;
  const points: ProfilePoint[] = [{ value: best.theta[index]!, negLogLikelihood: best.negLogLikelihood }];
  let betterOptimum: ParameterProfile['betterOptimum'];

  const toValue = (s: number): number => {
    const u = Float64Array.from(uBest);
    u[index] = s;
    return scaling.toTheta(u)[index]!;
  };
  const at = async (s: number, warm: Float64Array): Promise<Step> => {
    const value = toValue(s);
    let negLogLikelihood: number;
    let others = warm;
    if (problem.parameters.length === 1) {
      negLogLikelihood = (await new FitObjective(problem, control).evaluate(Float64Array.of(s))).negLogLikelihood;
    } else {
      const objective = new FitObjective(fixedParameterProblem(problem, index, value), control);
      const fit = await localFit(objective, warm, options);
      negLogLikelihood = fit.negLogLikelihood;
      others = fit.u;
    }
    points.push({ value, negLogLikelihood });
    const rise = negLogLikelihood - best.negLogLikelihood;
    if (rise < -tolerance && !(betterOptimum && betterOptimum.negLogLikelihood <= negLogLikelihood)) {
      const theta = Array.from(scaling.toTheta(withFixed(others, index, s)));
      betterOptimum = { theta, negLogLikelihood };
    }
    return { s, rise, others };
  };

  const walk = async (direction: 1 | -1): Promise<ProfileEnd> => {
    const bound = direction > 0 ? scaling.upper[index]! : scaling.lower[index]!;
    let previous: Step = { s: uBest[index]!, rise: 0, others: withoutIndex(uBest, index) };
    let step = (options.initialStep ?? 0.02) * width;
    for (let k = 0; k < maxSteps; k++) {
      if (previous.s === bound) return { value: toValue(bound), reason: 'bound' };
      const s = direction > 0 ? Math.min(bound, previous.s + step) : Math.max(bound, previous.s - step);
      const current = await at(s, previous.others);
      if (current.rise >= threshold) return { value: toValue(await crossing(previous, current)), reason: 'threshold' };
      if (current.rise < threshold / 4) step *= 2;
      previous = current;
    }
    return { value: toValue(previous.s), reason: 'steps' };
  };

  /** Regula falsi (Illinois) on rise(s) − threshold between a point below the threshold and one above. */
  const crossing = async (below: Step, above: Step): Promise<number> => {
    let a = below;
    let b = above;
    let ga = a.rise - threshold;
    let gb = b.rise - threshold;
    let side = 0;
    for (let k = 0; k < 40; k++) {
      const s = b.s - (gb * (b.s - a.s)) / (gb - ga);
      const c = await at(s, Math.abs(s - a.s) < Math.abs(s - b.s) ? a.others : b.others);
      const gc = c.rise - threshold;
      if (Math.abs(gc) <= tolerance) return s;
      if (gc > 0) {
        b = c;
        gb = gc;
        if (side === 1) ga /= 2;
        side = 1;
      } else {
        a = c;
        ga = gc;
        if (side === -1) gb /= 2;
        side = -1;
      }
    }
    return (a.s + b.s) / 2;
  };

  const lower = await walk(-1);
  const upper = await walk(1);
  points.sort((x, y) => x.value - y.value);
  return { id: parameter.id, level, lower, upper, points, ...(betterOptimum ? { betterOptimum } : {}) };
}

function withoutIndex(u: Float64Array, index: number): Float64Array {
  return u.filter((_, i) => i !== index);
}

function withFixed(others: Float64Array, index: number, s: number): Float64Array {
  const u = new Float64Array(others.length + 1);
  for (let i = 0, k = 0; i < u.length; i++) u[i] = i === index ? s : others[k++]!;
  return u;
}
