import { quantileOfSorted } from '../run/ensembleSummary.js';
import type { EvaluationControl } from './fitObjective.js';
import type { FitProblem } from './fitProblem.js';
import { createInlineTaskRunner, type FitTaskRunner } from './fitTasks.js';
import { localFitSettings, type LocalFitOptions } from './localFit.js';

/** Settings of a parametric bootstrap. */
export interface BootstrapOptions extends LocalFitOptions {
  /** Synthetic data sets (default 200). */
  readonly replicates?: number;
  /** Seed of the synthetic data sets (default 1): replicate b is drawn with `bootstrapSeed(seed, b)`. */
  readonly seed?: number;
  /** Confidence level of the percentile intervals (default 0.95). */
  readonly level?: number;
  /** Called after every replicate with the number done. */
  readonly onReplicate?: (done: number, total: number) => void;
  /** Runs the replicates (default: one after another in this thread; same results). */
  readonly runTasks?: FitTaskRunner;
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

/** Percentile intervals (Hyndman–Fan type 7 quantiles (1 − level)/2 and (1 + level)/2) per column of `estimates`. */
export function percentileIntervals(estimates: readonly (readonly number[])[], level: number): [number, number][] {
  const columns = estimates[0]?.length ?? 0;
  return Array.from({ length: columns }, (_, i): [number, number] => {
    const sorted = Float64Array.from(estimates, (row) => row[i]!).sort();
    return [quantileOfSorted(sorted, (1 - level) / 2), quantileOfSorted(sorted, (1 + level) / 2)];
  });
}

/**
 * The parametric bootstrap around θ̂ (own units): data sets drawn from the observation model at θ̂ by
 * `problem.resample`, each fitted by a local fit from θ̂ (fit tasks of kind 'bootstrap'); percentile intervals per
 * parameter. Replicate b depends only on (seed, b).
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
  const local = localFitSettings(options);
  const tasks = Array.from({ length: replicates }, (_, replicate) => ({
    kind: 'bootstrap' as const,
    theta: Array.from(theta),
    seed,
    replicate,
    options: local,
  }));
  const runTasks = options.runTasks ?? createInlineTaskRunner(problem);
  const results = await runTasks(tasks, { ...control, onTask: (done) => options.onReplicate?.(done, replicates) });
  const fits = results.map((r) => (r.kind === 'profile' ? undefined : r.fit)!);
  const estimates = fits.map((fit) => fit.theta);
  const unconverged = fits.filter((fit) => !fit.converged).length;
  return { replicates, seed, level, intervals: percentileIntervals(estimates, level), estimates, unconverged };
}
