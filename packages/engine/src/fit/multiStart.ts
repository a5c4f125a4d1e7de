import { latinHypercube } from '../design/latinHypercube.js';
import { FitObjective, type EvaluationControl } from './fitObjective.js';
import type { FitProblem } from './fitProblem.js';
import { localFit, type LocalFitOptions, type LocalMethod } from './localFit.js';
import { ParameterScaling } from './parameterScaling.js';

/** One start of a multi-start fit, as plain data (what a pool task hands back). */
export interface StartResult {
  /** Where it started, in the parameters' own units. */
  readonly start: number[];
  /** Where it ended, in the parameters' own units. */
  readonly theta: number[];
  /** −log L at `theta`. */
  readonly negLogLikelihood: number;
  /** The local optimiser used. */
  readonly method: LocalMethod;
  /** Its iterations. */
  readonly iterations: number;
  /** Its evaluations of the problem. */
  readonly evaluations: number;
  /** Whether it met a convergence test. */
  readonly converged: boolean;
  /** Why it stopped. */
  readonly message: string;
}

/**
 * The starting points of a multi-start fit, in the parameters' own units: the problem's initial point (each
 * parameter's `initial`, or the middle of its box on its scale), then `count − 1` points of a Latin hypercube over
 * the scaled box drawn from `seed`. The same problem, count and seed give the same points.
 */
export function multiStartPoints(problem: FitProblem, count: number, seed: number): Float64Array[] {
  if (!Number.isInteger(count) || count < 1 || count > 100_000) {
    throw new RangeError(`starts must be a whole number from 1 to 100000; got ${String(count)}`);
  }
  const scaling = new ParameterScaling(problem.parameters);
  const middle = scaling.toTheta(scaling.initial());
  const points: Float64Array[] = [Float64Array.from(problem.parameters, (p, i) => p.initial ?? middle[i]!)];
  if (count > 1) {
    for (const unit of latinHypercube(count - 1, scaling.size, seed))
      points.push(scaling.toTheta(scaling.fromUnit(unit)));
  }
  return points;
}

/**
 * One local fit of `problem` from `start` (own units): what every start of a multi-start fit runs, in this thread
 * or in a pool worker. Depends only on the problem, the start and the options, never on which worker ran it.
 */
export async function fitFromStart(
  problem: FitProblem,
  start: ArrayLike<number>,
  options: LocalFitOptions = {},
  control: EvaluationControl = {},
): Promise<StartResult> {
  const objective = new FitObjective(problem, control);
  const fit = await localFit(objective, objective.scaling.toScaled(start), options);
  return {
    start: Array.from(start),
    theta: Array.from(objective.scaling.toTheta(fit.u)),
    negLogLikelihood: fit.negLogLikelihood,
    method: fit.method,
    iterations: fit.iterations,
    evaluations: fit.evaluations,
    converged: fit.converged,
    message: fit.message,
  };
}

/** No start of a fit reached a finite likelihood (the model failed, or the data are impossible, everywhere tried). */
export class FitFailedError extends Error {
  /** @param starts every start, with why it stopped */
  constructor(readonly starts: readonly StartResult[]) {
    super(`no start of the fit reached a finite likelihood (${starts.length} tried): ${starts[0]?.message ?? ''}`);
    this.name = 'FitFailedError';
  }
}

/**
 * The index of the best start: lowest −log L, the first of equals (so the choice never depends on timing). Throws
 * `FitFailedError` when none is finite.
 */
export function bestStart(starts: readonly StartResult[]): number {
  let best = -1;
  starts.forEach((start, i) => {
    if (!Number.isFinite(start.negLogLikelihood)) return;
    if (best < 0 || start.negLogLikelihood < starts[best]!.negLogLikelihood) best = i;
  });
  if (best < 0) throw new FitFailedError(starts);
  return best;
}
