import type { TissueView } from '../space/tissueView.js';
import type { ResolvedIntervention } from './resolveScenario.js';

/**
 * One replicate of a model being simulated by some method. The runner drives it between breakpoints
 * (intervention starts and stops) and sample times; implementations exist for ODE, exact SSA,
 * tau-leaping and stepped (agent-based) models.
 */
export interface Simulation {
  /** Current simulated time. */
  readonly time: number;
  /**
   * Writes the observables at time `t` (≥ every earlier sample) into `out`. The simulation may advance
   * past `t` (e.g. an ODE step with dense output) but never past `horizon`, the next breakpoint.
   */
  sample(t: number, horizon: number, out: Float64Array): void;
  /** Advances exactly to `t` (a breakpoint). */
  advanceTo(t: number): void;
  /** Applies an intervention starting or stopping at the current time. */
  apply(intervention: ResolvedIntervention, phase: 'start' | 'stop'): void;
  /** The initial state actually used (species amounts or model-reported values), for result metadata. */
  initialState(): Record<string, number>;
  /** A work counter for statistics: ODE steps, reaction events, or model steps. */
  work(): number;
  /** A structured-cloneable copy of the complete state, from which `restore` continues bit-identically. */
  snapshot(): unknown;
  /** Restores a snapshot taken from a simulation of the same scenario and replicate. */
  restore(snapshot: unknown): void;
  /** A picture of the model's space now, for models that have one (stepped models with `view`); `fields` as there. */
  view?(fields?: readonly string[]): TissueView | undefined;
}
