/**
 * The contract between the data side of a fit (observed data + observation model + a model scenario, which
 * together give a likelihood) and the estimation side (optimisers, multi-start, profiles, bootstrap, AICc,
 * ABC-SMC). The data side builds a `FitProblem`; the estimation side only ever sees this interface, so a fit
 * works the same for an ODE twin, a stochastic twin or a toy closed-form model in a test.
 */

/** One estimated parameter: its id in the model manifest, its bounds and the scale the optimiser works on. */
export interface FitParameter {
  /** The manifest parameter id (e.g. `beta`). */
  readonly id: string;
  /** Lower bound, in the parameter's own unit (> 0 when `scale` is 'log'). */
  readonly lower: number;
  /** Upper bound, in the parameter's own unit. */
  readonly upper: number;
  /** The scale the optimiser searches on: 'log' searches log10 of the value. */
  readonly scale: 'linear' | 'log';
  /** Starting value, in the parameter's own unit; the midpoint of the bounds (on `scale`) when absent. */
  readonly initial?: number;
}

/** What the likelihood side gives for one parameter vector (values in the parameters' own units). */
export interface FitEvaluation {
  /** −log L(θ), including every constant, so AICc values compare across models fitted to the same data. */
  readonly negLogLikelihood: number;
  /**
   * Weighted residuals r_i with Σ r_i² / 2 = −log L minus θ-independent constants, when the likelihood is
   * Gaussian-like (least squares); absent for likelihoods that are not (counts, Student-t, censoring).
   */
  readonly residuals?: Float64Array;
}

/** A likelihood over named parameters: what every estimation method consumes. */
export interface FitProblem {
  /** The parameters being estimated, in the order of the θ vectors passed to `evaluate`. */
  readonly parameters: readonly FitParameter[];
  /** The number of data points that inform the likelihood (n in AICc). */
  readonly observationCount: number;
  /** Evaluates the likelihood at θ (own units). Throws a ValidationError for θ outside the bounds. */
  evaluate(theta: Float64Array): FitEvaluation;
  /**
   * Draws a synthetic data set from the observation model at θ and returns the problem fitted to that data
   * instead (same parameters, same model): the parametric bootstrap and coverage studies rest on it.
   */
  resample?(theta: Float64Array, seed: number): FitProblem;
}
