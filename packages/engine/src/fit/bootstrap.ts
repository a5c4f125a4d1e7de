import { createRng } from '../rng/seeding.js';
import { quantileOfSorted } from '../run/ensembleSummary.js';
import { throwIfCancelled, type EvaluationControl } from './fitObjective.js';
import type { FitProblem } from './fitProblem.js';
import type { LocalFitOptions } from './localFit.js';
import { fitFromStart } from './multiStart.js';

/** Settings of a parametric bootstrap. */
export interface BootstrapOptions extends LocalFitOptions {
  /** Synthetic data sets (default 200). */
  readonly replicates?: number;
  /** Seed of the synthetic data sets (default 1): replicate b is drawn with a seed derived from (seed, b). */
  readonly seed?: number;
  /** Confidence level of the percentile intervals (default 0.95). */
  readonly level?: number;
  /** Called after every replicate with the number done. */
  readonly onReplicate?: (done: number, total: number) => void;
}

/** A parametric bootstrap: the estimates on every synthetic data set and the percentile intervals they give. */
export interface BootstrapResult {
  /** The replicates. */
  readonly replicates: number;
  /** The seed. */
  readonly seed: number;
  /** The confidence level. */
  readonly level: number;
  /** Per parameter (in the problem's order): the [lower, upper] percentile interval, in the parameter's unit. */
  readonly intervals: [number, number][];
  /** θ̂ of every replicate, in own units: estimates[b][i]. */
  readonly estimates: number[][];
  /** Replicates whose fit met no convergence test (their estimates are kept). */
  readonly unconverged: number;
}

/** The seed of bootstrap replicate `replicate`: the first draw of the stream (seed, replicate). */
export function bootstrapSeed(seed: number, replicate: number): number {
  return createRng(seed, replicate).nextUint32();
}

/**
 * The parametric bootstrap around θ̂ (own units): data sets drawn from the observation model at θ̂ by
 * `problem.resample`, each fitted by a local fit from θ̂; percentile intervals (Hyndman–Fan type 7 quantiles
 * (1 − level)/2 and (1 + level)/2) per parameter. Replicate b depends only on (seed, b).
 */
export async function parametricBootstrap(
  problem: FitProblem,
  theta: ArrayLike<number>,
  options: BootstrapOptions = {},
  control: EvaluationControl = {},
): Promise<BootstrapResult> {
  if (!problem.resample) throw new RangeError('a parametric bootstrap needs a problem that can resample its data');
  const replicates = options.replicates ?? 200;
  const seed = options.seed ?? 1;
  const level = options.level ?? 0.95;
  if (!Number.isInteger(replicates) || replicates < 2) {
    throw new RangeError(`replicates must be a whole number ≥ 2; got ${String(replicates)}`);
  }
  if (!(level > 0 && level < 1)) throw new RangeError(`level must be a number in (0, 1); got ${String(level)}`);
  const thetaHat = Float64Array.from(theta);
  const estimates: number[][] = [];
  let unconverged = 0;
  for (let b = 0; b < replicates; b++) {
    throwIfCancelled(control.signal);
    const synthetic = problem.resample(thetaHat, bootstrapSeed(seed, b));
    const fit = await fitFromStart(synthetic, thetaHat, options, control);
    estimates.push(fit.theta);
    if (!fit.converged) unconverged++;
    options.onReplicate?.(b + 1, replicates);
  }
  const intervals = problem.parameters.map((_, i): [number, number] => {
    const sorted = Float64Array.from(estimates, (row) => row[i]!).sort();
    return [quantileOfSorted(sorted, (1 - level) / 2), quantileOfSorted(sorted, (1 + level) / 2)];
  });
  return { replicates, seed, level, intervals, estimates, unconverged };
}
