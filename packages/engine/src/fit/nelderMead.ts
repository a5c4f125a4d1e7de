import type { FitObjective, ScaledEvaluation } from './fitObjective.js';
import type { LocalFit, ResolvedLocalOptions } from './localFit.js';

/** Side of the starting simplex, as a fraction of each parameter's box on the optimiser's scale. */
const INITIAL_SIMPLEX_FRACTION = 0.05;
/** Restarts from the best point after convergence (a collapsed simplex is the method's known failure). */
const MAX_RESTARTS = 3;

interface Vertex {
  readonly u: Float64Array;
  readonly value: number;
}

/** −log L as the simplex ranks it: a non-finite value (a failed evaluation) ranks last. */
function rank(evaluation: ScaledEvaluation): Vertex {
  const value = evaluation.negLogLikelihood;
  return { u: evaluation.u, value: Number.isFinite(value) ? value : Infinity };
}

/**
 * Nelder–Mead on −log L with box bounds on the optimiser's scale: the adaptive coefficients of Gao and Han (2012)
 * (reflection 1, expansion 1 + 2/n, contraction 0.75 − 1/(2n), shrink 1 − 1/n; n = 2 for one parameter), every trial point projected into
 * the box, and a restart from the best point after each convergence until a restart no longer improves (at most
 * 3). Converged when the simplex's values differ by at most `costTolerance` and its vertices by at most
 * `stepTolerance` in every coordinate.
 */
export async function nelderMead(
  objective: FitObjective,
  start: ScaledEvaluation,
  options: ResolvedLocalOptions,
): Promise<LocalFit> {
  const firstEvaluation = objective.evaluations;
  let best = rank(start);
  let iterations = 0;
  let converged = false;
  let message = '';
  for (let restart = 0; restart <= MAX_RESTARTS; restart++) {
    const before = best.value;
    const outcome = await descend(objective, best, options, () => iterations++, firstEvaluation);
    best = outcome.best;
    converged = outcome.converged;
    message = outcome.message;
    if (!converged || !(before - best.value > options.costTolerance)) break;
  }
  return {
    method: 'nelder-mead',
    u: best.u,
    negLogLikelihood: best.value,
    iterations,
    evaluations: objective.evaluations - firstEvaluation,
    converged,
    message,
  };
}

/** One Nelder–Mead descent from a simplex built around `start`. */
async function descend(
  objective: FitObjective,
  start: Vertex,
  options: ResolvedLocalOptions,
  countIteration: () => number,
  firstEvaluation: number,
): Promise<{ best: Vertex; converged: boolean; message: string }> {
  const { lower, upper } = objective.scaling;
  const n = start.u.length;
  // Gao and Han's coefficients; for one parameter those of two (the classic 1, 2, ½, ½): theirs would shrink to a point.
  const m = Math.max(2, n);
  const alpha = 1;
  const beta = 1 + 2 / m;
  const gamma = 0.75 - 1 / (2 * m);
  const delta = 1 - 1 / m;
  const evaluate = async (u: Float64Array): Promise<Vertex> =>
    rank(await objective.evaluate(objective.scaling.project(u)));
  const simplex: Vertex[] = [start];
  for (let j = 0; j < n; j++) {
    const u = Float64Array.from(start.u);
    const side = INITIAL_SIMPLEX_FRACTION * (upper[j]! - lower[j]!);
    u[j] = u[j]! + side <= upper[j]! ? u[j]! + side : u[j]! - side;
    simplex.push(await evaluate(u));
  }
  const along = (from: Float64Array, to: Float64Array, t: number) =>
    Float64Array.from(from, (x, j) => x + t * (to[j]! - x));
  let iteration = 0;
  for (;;) {
    simplex.sort((a, b) => a.value - b.value);
    const best = simplex[0]!;
    const worst = simplex[n]!;
    let spread = 0;
    for (const vertex of simplex) {
      for (let j = 0; j < n; j++) spread = Math.max(spread, Math.abs(vertex.u[j]! - best.u[j]!));
    }
    if (worst.value - best.value <= options.costTolerance && spread <= options.stepTolerance) {
      return { best, converged: true, message: `the simplex's values differ by less than ${options.costTolerance}` };
    }
    if (iteration >= options.maxIterations) {
      return { best, converged: false, message: `stopped after ${options.maxIterations} iterations` };
    }
    if (objective.evaluations - firstEvaluation >= options.maxEvaluations) {
      return { best, converged: false, message: `stopped after ${options.maxEvaluations} evaluations` };
    }
    iteration++;
    countIteration();
    const centroid = new Float64Array(n);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) centroid[j] = centroid[j]! + simplex[i]!.u[j]! / n;
    const reflected = await evaluate(along(centroid, worst.u, -alpha));
    if (reflected.value < best.value) {
      const expanded = await evaluate(along(centroid, reflected.u, beta));
      simplex[n] = expanded.value < reflected.value ? expanded : reflected;
      continue;
    }
    if (reflected.value < simplex[n - 1]!.value) {
      simplex[n] = reflected;
      continue;
    }
    const outside = reflected.value < worst.value;
    const contracted = await evaluate(outside ? along(centroid, reflected.u, gamma) : along(centroid, worst.u, gamma));
    if (outside ? contracted.value <= reflected.value : contracted.value < worst.value) {
      simplex[n] = contracted;
      continue;
    }
    for (let i = 1; i <= n; i++) simplex[i] = await evaluate(along(best.u, simplex[i]!.u, delta));
  }
}
