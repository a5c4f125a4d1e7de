import type { FitEvaluation, FitProblem } from './fitProblem.js';

/**
 * The problem with parameter `index` held at `value` (own units): the others are estimated, in their order.
 * What a profile likelihood re-optimises at each of its points.
 */
export function fixedParameterProblem(problem: FitProblem, index: number, value: number): FitProblem {
  const count = problem.parameters.length;
  if (!Number.isInteger(index) || index < 0 || index >= count) {
    throw new RangeError(`parameter index must be a whole number from 0 to ${count - 1}; got ${String(index)}`);
  }
  const full = new Float64Array(count);
  return {
    parameters: problem.parameters.filter((_, i) => i !== index),
    observationCount: problem.observationCount,
    evaluate(theta: Float64Array): FitEvaluation {
      for (let i = 0, k = 0; i < count; i++) full[i] = i === index ? value : theta[k++]!;
      return problem.evaluate(full);
    },
  };
}
