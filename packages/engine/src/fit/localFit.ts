import type { FitObjective } from './fitObjective.js';
import { levenbergMarquardt } from './levenbergMarquardt.js';
import { nelderMead } from './nelderMead.js';

/** The local optimisers: Levenberg–Marquardt on residuals, Nelder–Mead on −log L. */
export type LocalMethod = 'levenberg-marquardt' | 'nelder-mead';

/** Settings of a local optimisation (every one has a default). */
export interface LocalFitOptions {
  /** 'auto' (default): Levenberg–Marquardt when the problem gives residuals, Nelder–Mead otherwise. */
  readonly method?: LocalMethod | 'auto';
  /** The most iterations (default 200 for Levenberg–Marquardt, 2000 for Nelder–Mead). */
  readonly maxIterations?: number;
  /** The most evaluations of the problem (default 5000). */
  readonly maxEvaluations?: number;
  /**
   * Converged when an accepted step lowers −log L by less than this (absolute, in log-likelihood units; default
   * 1e-9), or the simplex's values differ by less than it.
   */
  readonly costTolerance?: number;
  /** Converged when a step moves every scaled coordinate by less than this (default 1e-9). */
  readonly stepTolerance?: number;
  /**
   * Forward-difference step of the Jacobian on the scaled coordinates, relative to max(1, |u|) (default 1e-6;
   * larger than √ε because an ODE solution is only as smooth as its solver tolerance).
   */
  readonly finiteDifferenceStep?: number;
}

/** What a local optimisation found. */
export interface LocalFit {
  /** The optimiser used. */
  readonly method: LocalMethod;
  /** The best point, on the optimiser's scale. */
  readonly u: Float64Array;
  /** −log L there. */
  readonly negLogLikelihood: number;
  /** Iterations made. */
  readonly iterations: number;
  /** Evaluations of the problem made. */
  readonly evaluations: number;
  /** Whether a convergence test was met (false: stopped by an iteration or evaluation limit). */
  readonly converged: boolean;
  /** Why it stopped, in words. */
  readonly message: string;
}

/** Only the local optimiser's settings of `options` (plain data a worker can receive), without anything else. */
export function localFitSettings(options: LocalFitOptions): LocalFitOptions {
  const { method, maxIterations, maxEvaluations, costTolerance, stepTolerance, finiteDifferenceStep } = options;
  const settings = { method, maxIterations, maxEvaluations, costTolerance, stepTolerance, finiteDifferenceStep };
  return Object.fromEntries(Object.entries(settings).filter(([, value]) => value !== undefined)) as LocalFitOptions;
}

/** The settings with their defaults filled in. */
export type ResolvedLocalOptions = Required<Omit<LocalFitOptions, 'method'>>;

/** Fills in the defaults of `options` for `method`. */
export function resolveLocalOptions(options: LocalFitOptions, method: LocalMethod): ResolvedLocalOptions {
  return {
    maxIterations: options.maxIterations ?? (method === 'levenberg-marquardt' ? 200 : 2000),
    maxEvaluations: options.maxEvaluations ?? 5000,
    costTolerance: options.costTolerance ?? 1e-9,
    stepTolerance: options.stepTolerance ?? 1e-9,
    finiteDifferenceStep: options.finiteDifferenceStep ?? 1e-6,
  };
}

/**
 * Minimises −log L from `start` (on the optimiser's scale, inside the box): Levenberg–Marquardt when the problem
 * gives residuals at the start (or `method` says so), Nelder–Mead otherwise. Rejects when cancelled.
 */
export async function localFit(
  objective: FitObjective,
  start: Float64Array,
  options: LocalFitOptions = {},
): Promise<LocalFit> {
  const before = objective.evaluations;
  const first = await objective.evaluate(objective.scaling.project(Float64Array.from(start)));
  const requested = options.method ?? 'auto';
  if (!Number.isFinite(first.negLogLikelihood)) {
    const why = objective.lastFailure ? `: ${objective.lastFailure}` : '';
    return {
      method: requested === 'auto' ? 'nelder-mead' : requested,
      u: first.u,
      negLogLikelihood: Infinity,
      iterations: 0,
      evaluations: objective.evaluations - before,
      converged: false,
      message: `the likelihood is not finite at the start${why}`,
    };
  }
  const method: LocalMethod =
    requested === 'auto' ? (first.residuals ? 'levenberg-marquardt' : 'nelder-mead') : requested;
  if (method === 'levenberg-marquardt' && !first.residuals) {
    throw new RangeError('method: levenberg-marquardt needs a problem that gives residuals; this one gives none');
  }
  const resolved = resolveLocalOptions(options, method);
  const fit =
    method === 'levenberg-marquardt'
      ? await levenbergMarquardt(objective, first, resolved)
      : await nelderMead(objective, first, resolved);
  return { ...fit, evaluations: objective.evaluations - before };
}
