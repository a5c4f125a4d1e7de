import { log10, pow } from '../math/portableMath.js';
import { ValidationError } from '../validation/validationError.js';
import { parameterBoundIssues } from './parameterBounds.js';
import type { FitParameter } from './fitProblem.js';

/**
 * The map between a fit's parameters in their own units (θ) and the coordinates the optimisers search (u):
 * u = log10 θ for a 'log' parameter, u = θ otherwise, inside the box [lower, upper] on that scale.
 */
export class ParameterScaling {
  /** Lower bounds on the optimiser's scale. */
  readonly lower: Float64Array;
  /** Upper bounds on the optimiser's scale. */
  readonly upper: Float64Array;

  /** @param parameters the fit's parameters; refused (ValidationError) with bounds that cannot be searched */
  constructor(readonly parameters: readonly FitParameter[]) {
    const issues = parameterBoundIssues(parameters);
    if (issues.length > 0) throw new ValidationError('fit parameters', issues);
    this.lower = Float64Array.from(parameters, (p) => toScale(p, p.lower));
    this.upper = Float64Array.from(parameters, (p) => toScale(p, p.upper));
  }

  /** Number of parameters. */
  get size(): number {
    return this.parameters.length;
  }

  /**
   * θ for u. A value at a bound maps back to that bound exactly (10^log10(x) may differ from x in the last bit,
   * which would put θ outside the problem's bounds).
   */
  toTheta(u: ArrayLike<number>): Float64Array {
    return Float64Array.from(this.parameters, (p, i) => {
      const value = p.scale === 'log' ? pow(10, u[i]!) : u[i]!;
      return Math.min(p.upper, Math.max(p.lower, value));
    });
  }

  /** u for θ. */
  toScaled(theta: ArrayLike<number>): Float64Array {
    return Float64Array.from(this.parameters, (p, i) => toScale(p, theta[i]!));
  }

  /** The starting point on the optimiser's scale: each parameter's `initial`, or the middle of its box. */
  initial(): Float64Array {
    return Float64Array.from(this.parameters, (p, i) =>
      p.initial === undefined ? (this.lower[i]! + this.upper[i]!) / 2 : toScale(p, p.initial),
    );
  }

  /** The point of the box at fractions `unit` (each in [0, 1]) of every side, on the optimiser's scale. */
  fromUnit(unit: ArrayLike<number>): Float64Array {
    return Float64Array.from(this.lower, (lo, i) => lo + unit[i]! * (this.upper[i]! - lo));
  }

  /** u moved into the box (each coordinate to its nearest bound when outside). */
  project(u: Float64Array): Float64Array {
    for (let i = 0; i < u.length; i++) u[i] = Math.min(this.upper[i]!, Math.max(this.lower[i]!, u[i]!));
    return u;
  }
}

function toScale(parameter: FitParameter, value: number): number {
  return parameter.scale === 'log' ? log10(value) : value;
}
