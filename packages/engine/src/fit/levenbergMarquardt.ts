import { pow } from '../math/portableMath.js';
import { DenseLu } from '../ode/linearAlgebra.js';
import type { FitObjective, ScaledEvaluation } from './fitObjective.js';
import type { LocalFit, ResolvedLocalOptions } from './localFit.js';

/** Largest damping before the search gives up: no step of any length lowers the cost. */
const MAX_DAMPING = 1e16;

/** ½ Σ r²: the least-squares cost (−log L minus constants); +∞ without residuals (a failed run) or when not finite. */
function halfSumOfSquares(residuals: Float64Array | undefined): number {
  if (!residuals) return Infinity;
  let sum = 0;
  for (let i = 0; i < residuals.length; i++) sum += residuals[i]! * residuals[i]!;
  return Number.isFinite(sum) ? sum / 2 : Infinity;
}

/**
 * The Jacobian of the residuals at `at` by forward differences (m × p, column-major: column j is ∂r/∂u_j),
 * stepping inwards at an upper bound, and the other way when the model's run fails at the shifted point (a column
 * of zeros when it fails both ways: that parameter stays put this iteration).
 */
async function jacobian(objective: FitObjective, at: ScaledEvaluation, relativeStep: number): Promise<Float64Array[]> {
  const { lower, upper } = objective.scaling;
  const r = at.residuals!;
  const columns: Float64Array[] = [];
  for (let j = 0; j < at.u.length; j++) {
    const u = Float64Array.from(at.u);
    let h = relativeStep * Math.max(1, Math.abs(u[j]!));
    if (u[j]! + h > upper[j]!) h = -h;
    u[j] = at.u[j]! + h;
    let shifted = (await objective.evaluate(u)).residuals;
    if (!shifted && at.u[j]! - h >= lower[j]! && at.u[j]! - h <= upper[j]!) {
      h = -h;
      u[j] = at.u[j]! + h;
      shifted = (await objective.evaluate(u)).residuals;
    }
    const column = new Float64Array(r.length);
    if (shifted) for (let i = 0; i < r.length; i++) column[i] = (shifted[i]! - r[i]!) / h;
    columns.push(column);
  }
  return columns;
}

function dot(a: Float64Array, b: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i]! * b[i]!;
  return sum;
}

/**
 * Levenberg–Marquardt with box bounds on the optimiser's scale (Moré 1978; damping update of Nielsen 1999):
 * solves (JᵀJ + λ diag(JᵀJ)) δ = −Jᵀr over the parameters not held at a bound by the gradient, projects the step
 * into the box, and accepts it when the cost ½‖r‖² falls. Converged when an accepted step lowers the cost by less
 * than `costTolerance`, a step is shorter than `stepTolerance` in every coordinate, or every free gradient
 * component is zero.
 */
export async function levenbergMarquardt(
  objective: FitObjective,
  start: ScaledEvaluation,
  options: ResolvedLocalOptions,
): Promise<LocalFit> {
  const { lower, upper } = objective.scaling;
  const p = start.u.length;
  const firstEvaluation = objective.evaluations;
  let current = start;
  let cost = halfSumOfSquares(current.residuals!);
  let damping = -1;
  let growth = 2;
  let iterations = 0;
  let converged = false;
  let message = `stopped after ${options.maxIterations} iterations`;
  const spent = () => objective.evaluations - firstEvaluation >= options.maxEvaluations;
  outer: while (iterations < options.maxIterations) {
    if (spent()) {
      message = `stopped after ${options.maxEvaluations} evaluations`;
      break;
    }
    iterations++;
    const columns = await jacobian(objective, current, options.finiteDifferenceStep);
    const r = current.residuals!;
    const gradient = Float64Array.from(columns, (column) => dot(column, r));
    // Parameters at a bound whose gradient pushes outwards stay there this iteration.
    const free: number[] = [];
    for (let j = 0; j < p; j++) {
      const u = current.u[j]!;
      const heldLow = u <= lower[j]! && gradient[j]! > 0;
      const heldHigh = u >= upper[j]! && gradient[j]! < 0;
      if (!heldLow && !heldHigh && gradient[j] !== 0) free.push(j);
    }
    if (free.length === 0) {
      converged = true;
      message = 'the gradient vanishes (or points out of the box) in every parameter';
      break;
    }
    const k = free.length;
    const normal = new Float64Array(k * k);
    let largestDiagonal = 0;
    for (let a = 0; a < k; a++) {
      for (let b = 0; b <= a; b++) {
        const value = dot(columns[free[a]!]!, columns[free[b]!]!);
        normal[a * k + b] = value;
        normal[b * k + a] = value;
      }
      largestDiagonal = Math.max(largestDiagonal, normal[a * k + a]!);
    }
    if (damping < 0) damping = 1e-3;
    const lu = new DenseLu(k);
    for (;;) {
      const damped = Float64Array.from(normal);
      for (let a = 0; a < k; a++) {
        damped[a * k + a] = normal[a * k + a]! + damping * Math.max(normal[a * k + a]!, 1e-12 * largestDiagonal);
      }
      const step = Float64Array.from(free, (j) => -gradient[j]!);
      if (!lu.factor(damped)) {
        damping *= growth;
        growth *= 2;
        if (damping > MAX_DAMPING) break outer;
        continue;
      }
      lu.solve(step);
      const trial = Float64Array.from(current.u);
      free.forEach((j, a) => (trial[j] = trial[j]! + step[a]!));
      objective.scaling.project(trial);
      const moved = Float64Array.from(trial, (u, j) => u - current.u[j]!);
      let largestMove = 0;
      for (let j = 0; j < p; j++) largestMove = Math.max(largestMove, Math.abs(moved[j]!));
      if (largestMove <= options.stepTolerance) {
        converged = true;
        message = `the step is shorter than ${options.stepTolerance}`;
        break outer;
      }
      const evaluation = await objective.evaluate(trial);
      const trialCost = halfSumOfSquares(evaluation.residuals);
      if (trialCost < cost) {
        // Gain ratio ρ: actual over predicted decrease, predicted = −(gᵀd + ½ dᵀ JᵀJ d).
        let quadratic = 0;
        for (let a = 0; a < k; a++) {
          for (let b = 0; b < k; b++) quadratic += moved[free[a]!]! * normal[a * k + b]! * moved[free[b]!]!;
        }
        const predicted = -(dot(gradient, moved) + quadratic / 2);
        const rho = predicted > 0 ? (cost - trialCost) / predicted : 0;
        damping *= Math.max(1 / 3, 1 - pow(2 * rho - 1, 3));
        growth = 2;
        const decrease = cost - trialCost;
        current = evaluation;
        cost = trialCost;
        if (decrease <= options.costTolerance) {
          converged = true;
          message = `the cost fell by less than ${options.costTolerance}`;
          break outer;
        }
        break;
      }
      damping *= growth;
      growth *= 2;
      if (damping > MAX_DAMPING) {
        converged = true;
        message = 'no step lowers the cost (a minimum to working precision)';
        break outer;
      }
      if (spent()) {
        message = `stopped after ${options.maxEvaluations} evaluations`;
        break outer;
      }
    }
  }
  return {
    method: 'levenberg-marquardt',
    u: current.u,
    negLogLikelihood: current.negLogLikelihood,
    iterations,
    evaluations: objective.evaluations - firstEvaluation,
    converged,
    message,
  };
}
