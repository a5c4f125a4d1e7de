import { throwIfAborted } from './abort.js';
import { DEFAULT_MAX_EVENTS, type AbortSignalLike, type StochasticOptions } from './options.js';
import type { StochasticSimulator, StochasticStats, StochasticSystem } from './types.js';
import { badPropensity, validateAdvance } from './validate.js';
import type { Rng } from '../rng/types.js';

/** The running total a0 is re-summed from the stored propensities after this many events. */
const RESUM_INTERVAL = 1024;
/** The abort signal is polled after this many events. */
const ABORT_POLL_INTERVAL = 4096;
/**
 * Re-sum a0 when it falls below this fraction of its peak since the last re-sum: cancellation in the
 * running total is then no longer negligible relative to its value.
 */
const CANCELLATION_FRACTION = 1e-10;

/**
 * Gillespie's direct method (exact SSA). After each event only the propensities listed as dependents of
 * the fired reaction are recomputed; the total a0 is kept as a running sum and re-summed periodically so
 * rounding cannot drift. The reaction is chosen by linear search. No allocation per event.
 */
export class DirectMethodSsa implements StochasticSimulator {
  /** Work counters (cumulative over all `advance` calls). */
  readonly stats: StochasticStats = { events: 0, ssaSteps: 0, leaps: 0, rejectedLeaps: 0 };
  private readonly a: Float64Array;
  private readonly signal: AbortSignalLike | undefined;
  private readonly maxEvents: number;
  private sinceAbortPoll = 0;

  /** `rng` supplies every random draw; `options.signal` aborts long runs, `options.maxEvents` bounds them. */
  constructor(
    private readonly system: StochasticSystem,
    private readonly rng: Rng,
    options: StochasticOptions = {},
  ) {
    this.a = new Float64Array(system.nReactions);
    this.signal = options.signal;
    this.maxEvents = options.maxEvents ?? DEFAULT_MAX_EVENTS;
  }

  /** Simulates from `t` to exactly `tEnd`, mutating `x`; returns `tEnd`. */
  advance(x: Float64Array, t: number, tEnd: number): number {
    validateAdvance(this.system, x, t, tEnd);
    throwIfAborted(this.signal);
    const reached = this.run(x, t, tEnd, this.maxEvents);
    if (reached < tEnd) {
      throw new Error(
        `Direct-method SSA exceeded maxEvents = ${this.maxEvents} reaction events between t = ${t} and ` +
          `${tEnd} (stopped at t = ${reached}). The system is too busy for exact simulation; use tau-leaping ` +
          `(TauLeaping) or raise maxEvents.`,
      );
    }
    return tEnd;
  }

  /**
   * Takes at most `maxSteps` exact events from `t` towards `tEnd`, mutating `x`. Returns `tEnd` when it got
   * there, otherwise the time of the last event (a valid restart point by memorylessness).
   */
  steps(x: Float64Array, t: number, tEnd: number, maxSteps: number): number {
    validateAdvance(this.system, x, t, tEnd);
    return this.run(x, t, tEnd, maxSteps);
  }

  /** Full recomputation of every propensity; returns their sum. */
  private refreshAll(x: Float64Array): number {
    const a = this.a;
    this.system.propensities(x, a);
    return this.sum();
  }

  /** Sums the stored propensities, checking each. */
  private sum(): number {
    const a = this.a;
    let a0 = 0;
    for (let j = 0; j < a.length; j++) {
      const v = a[j];
      if (!(v >= 0 && v < Infinity)) throw badPropensity(j, v);
      a0 += v;
    }
    return a0;
  }

  private run(x: Float64Array, t: number, tEnd: number, maxSteps: number): number {
    const { system, rng, a, stats, signal } = this;
    const { changeOffsets, changeSpecies, changeAmounts, dependentOffsets, dependents } = system;
    const m = system.nReactions;
    // The caller may have changed x (or parameters at a breakpoint) since the last call.
    let a0 = this.refreshAll(x);
    let peak = a0;
    let sinceResum = 0;
    let fired = 0;
    while (fired < maxSteps) {
      if (!(a0 > 0)) return tEnd;
      const tNext = t + rng.exponential(a0);
      if (tNext > tEnd) return tEnd;
      // Select reaction j with probability a_j / a0 by linear search.
      const r = rng.uniform() * a0;
      let cum = 0;
      let j = -1;
      let lastPositive = -1;
      for (let k = 0; k < m; k++) {
        const ak = a[k];
        if (ak > 0) {
          lastPositive = k;
          cum += ak;
          if (r < cum) {
            j = k;
            break;
          }
        }
      }
      // Rounding in the running total can push r past the true sum: take the last positive channel.
      if (j < 0) j = lastPositive;
      if (j < 0) {
        // a0 was pure rounding residue; every propensity is zero.
        a0 = this.sum();
        peak = a0;
        sinceResum = 0;
        continue;
      }
      t = tNext;
      for (let e = changeOffsets[j]; e < changeOffsets[j + 1]; e++) {
        x[changeSpecies[e]] += changeAmounts[e];
      }
      for (let e = dependentOffsets[j]; e < dependentOffsets[j + 1]; e++) {
        const k = dependents[e];
        const v = system.propensity(k, x);
        if (!(v >= 0 && v < Infinity)) throw badPropensity(k, v);
        a0 += v - a[k];
        a[k] = v;
      }
      if (a0 > peak) peak = a0;
      if (++sinceResum >= RESUM_INTERVAL || a0 <= peak * CANCELLATION_FRACTION) {
        a0 = this.sum();
        peak = a0;
        sinceResum = 0;
      }
      fired++;
      stats.events++;
      stats.ssaSteps++;
      if (++this.sinceAbortPoll >= ABORT_POLL_INTERVAL) {
        this.sinceAbortPoll = 0;
        throwIfAborted(signal);
      }
    }
    return t;
  }
}
