/**
 * A reaction system in the form the stochastic simulators need. Built from a reaction-network model by
 * the network compiler; the simulators never see rate-law expressions, only these arrays and callbacks.
 *
 * Propensities must be time-homogeneous between the runner's breakpoints (interventions change
 * parameters only at breakpoints), so simulators may treat them as constant between events.
 * Sparse structures use CSR layout: entries for reaction j live in [offsets[j], offsets[j + 1]).
 */
export interface StochasticSystem {
  /** Number of species (state components, counts of molecules/cells/virions). */
  readonly nSpecies: number;
  /** Number of reaction channels. */
  readonly nReactions: number;
  /** Writes every propensity a_j(x) (events per unit time) into `out`. */
  propensities(x: Float64Array, out: Float64Array): void;
  /** The propensity of reaction `j` alone. */
  propensity(j: number, x: Float64Array): number;
  /** CSR offsets into `changeSpecies`/`changeAmounts` (length nReactions + 1). */
  readonly changeOffsets: Int32Array;
  /** Species index changed by each entry. */
  readonly changeSpecies: Int32Array;
  /** Net change of that species when the reaction fires once. */
  readonly changeAmounts: Float64Array;
  /** CSR offsets into `dependents` (length nReactions + 1). */
  readonly dependentOffsets: Int32Array;
  /** Reactions whose propensity may change when reaction j fires (including j itself if affected). */
  readonly dependents: Int32Array;
  /** CSR offsets into `reactantSpecies`/`reactantOrders` (length nReactions + 1). */
  readonly reactantOffsets: Int32Array;
  /** Species consumed by each reaction (for tau-leaping's critical-reaction test and step selection). */
  readonly reactantSpecies: Int32Array;
  /** Stoichiometric coefficient of that reactant (how many are consumed). */
  readonly reactantOrders: Int32Array;
}

/** Counters describing the work a stochastic simulator has done. */
export interface StochasticStats {
  /** Reaction events fired (for tau-leaping: the sum of all Poisson firings). */
  events: number;
  /** Exact SSA steps taken. */
  ssaSteps: number;
  /** Tau leaps taken. */
  leaps: number;
  /** Leaps rejected because a species would have gone negative. */
  rejectedLeaps: number;
}

/**
 * A stochastic simulator that advances a state in place. `advance(x, t, tEnd)` simulates from time `t`
 * to exactly `tEnd` and returns `tEnd` (memorylessness makes stopping at `tEnd` exact for the SSA).
 */
export interface StochasticSimulator {
  /** Work counters (cumulative). */
  readonly stats: StochasticStats;
  /** Simulates from `t` to `tEnd`, mutating `x`; throws if `signal` is aborted mid-way. */
  advance(x: Float64Array, t: number, tEnd: number): number;
}
