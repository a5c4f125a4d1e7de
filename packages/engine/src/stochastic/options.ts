/**
 * The part of an `AbortSignal` the simulators read. Structural, so a real `AbortSignal` fits and the engine
 * needs no DOM typings.
 */
export interface AbortSignalLike {
  /** True once the run should stop. */
  readonly aborted: boolean;
  /** Why it was aborted; thrown as is when defined. */
  readonly reason?: unknown;
}

/** Options shared by the stochastic simulators. */
export interface StochasticOptions {
  /** Checked every few thousand events; when aborted, `advance` throws the signal's reason. */
  signal?: AbortSignalLike;
  /**
   * Upper bound on the work of one `advance` call (default 1e8): reaction events for the direct method,
   * steps (leaps, rejected leaps and exact steps) for tau-leaping. Exceeding it throws.
   */
  maxEvents?: number;
}

/** Options of the adaptive tau-leaping simulator (Cao, Gillespie & Petzold 2006). */
export interface TauLeapingOptions extends StochasticOptions {
  /** Error-control parameter ε bounding the relative change of each propensity per leap (default 0.03). */
  epsilon?: number;
  /** A reaction is critical when it can fire fewer than this many times before exhausting a reactant (default 10). */
  nCritical?: number;
  /** Exact steps replace a leap when the selected τ is below `ssaThreshold / a0` (default 10). */
  ssaThreshold?: number;
  /** Number of exact steps taken each time leaping is not worthwhile (default 100). */
  ssaSteps?: number;
}

/** Default for `StochasticOptions.maxEvents`. */
export const DEFAULT_MAX_EVENTS = 1e8;
