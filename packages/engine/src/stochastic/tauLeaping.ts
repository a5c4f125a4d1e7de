import { throwIfAborted } from './abort.js';
import { CriticalReactions } from './criticalReactions.js';
import { DirectMethodSsa } from './directMethod.js';
import { DEFAULT_MAX_EVENTS, type AbortSignalLike, type TauLeapingOptions } from './options.js';
import { TauSelector } from './tauSelection.js';
import type { StochasticSimulator, StochasticStats, StochasticSystem } from './types.js';
import { badPropensity, validateAdvance } from './validate.js';
import type { Rng } from '../rng/types.js';

/** The abort signal is polled after this many loop iterations. */
const ABORT_POLL_INTERVAL = 256;
/**
 * Leaps are shortened so that a0 τ stays below this many expected firings, keeping every Poisson mean far
 * inside the sampler's range even when τ' is unbounded (e.g. production that no reaction consumes).
 */
const MAX_EXPECTED_FIRINGS = 2 ** 40;

/**
 * Adaptive explicit tau-leaping (Cao, Gillespie & Petzold, J Chem Phys 124:044109, 2006). Each leap:
 * critical reactions (could exhaust a reactant within n_c firings) are set aside; τ' bounds the relative
 * change of every propensity by ε; when τ' < ssaThreshold / a0 a burst of exact direct-method steps is
 * taken instead; otherwise τ = min(τ', τ'') with τ'' ~ Exp(Σ critical a_j), non-critical channels fire
 * Poisson(a_j τ) times and at most one critical channel fires (only when τ'' wins). A leap that would make
 * a count negative is rejected and retried with τ' halved. Lands exactly on `tEnd`.
 */
export class TauLeaping implements StochasticSimulator {
  /** Work counters (cumulative over all `advance` calls); `events` counts every firing. */
  readonly stats: StochasticStats = { events: 0, ssaSteps: 0, leaps: 0, rejectedLeaps: 0 };
  private readonly ssa: DirectMethodSsa;
  private readonly critical: CriticalReactions;
  private readonly selector: TauSelector;
  private readonly signal: AbortSignalLike | undefined;
  private readonly maxEvents: number;
  private readonly ssaThreshold: number;
  private readonly ssaSteps: number;
  private readonly a: Float64Array;
  private readonly isCritical: Uint8Array;
  private readonly firings: Float64Array;
  private readonly xNew: Float64Array;
  private sinceAbortPoll = 0;

  /** `rng` supplies every random draw; see `TauLeapingOptions` for the tuning constants and their defaults. */
  constructor(
    private readonly system: StochasticSystem,
    private readonly rng: Rng,
    options: TauLeapingOptions = {},
  ) {
    const epsilon = options.epsilon ?? 0.03;
    const nCritical = options.nCritical ?? 10;
    if (!(epsilon > 0 && epsilon < 1)) throw new RangeError(`epsilon must be in (0, 1), got ${epsilon}.`);
    if (!(nCritical >= 1)) throw new RangeError(`nCritical must be ≥ 1, got ${nCritical}.`);
    this.signal = options.signal;
    this.maxEvents = options.maxEvents ?? DEFAULT_MAX_EVENTS;
    this.ssaThreshold = options.ssaThreshold ?? 10;
    this.ssaSteps = options.ssaSteps ?? 100;
    if (!(this.ssaSteps >= 1)) throw new RangeError(`ssaSteps must be ≥ 1, got ${this.ssaSteps}.`);
    this.ssa = new DirectMethodSsa(system, rng, { signal: options.signal, maxEvents: Infinity });
    this.critical = new CriticalReactions(system, nCritical);
    this.selector = new TauSelector(system, epsilon);
    this.a = new Float64Array(system.nReactions);
    this.isCritical = new Uint8Array(system.nReactions);
    this.firings = new Float64Array(system.nReactions);
    this.xNew = new Float64Array(system.nSpecies);
  }

  /** Simulates from `t` to exactly `tEnd`, mutating `x`; returns `tEnd`. */
  advance(x: Float64Array, t: number, tEnd: number): number {
    validateAdvance(this.system, x, t, tEnd);
    throwIfAborted(this.signal);
    const { system, rng, a, isCritical, stats, ssa } = this;
    const m = system.nReactions;
    let work = 0;
    while (t < tEnd) {
      if (++this.sinceAbortPoll >= ABORT_POLL_INTERVAL) {
        this.sinceAbortPoll = 0;
        throwIfAborted(this.signal);
      }
      if (work >= this.maxEvents) throw this.tooMuchWork(t, tEnd);
      system.propensities(x, a);
      let a0 = 0;
      for (let j = 0; j < m; j++) {
        const v = a[j];
        if (!(v >= 0 && v < Infinity)) throw badPropensity(j, v);
        a0 += v;
      }
      if (!(a0 > 0)) break;
      const a0c = this.critical.mark(x, a, isCritical);
      let tauPrime = Math.min(this.selector.select(x, a, isCritical), MAX_EXPECTED_FIRINGS / a0);
      for (;;) {
        work++;
        if (tauPrime < this.ssaThreshold / a0) {
          const before = ssa.stats.events;
          t = ssa.steps(x, t, tEnd, this.ssaSteps);
          const taken = ssa.stats.events - before;
          stats.events += taken;
          stats.ssaSteps += taken;
          work += taken;
          break;
        }
        if (work >= this.maxEvents) throw this.tooMuchWork(t, tEnd);
        const remaining = tEnd - t;
        const tauCritical = a0c > 0 ? rng.exponential(a0c) : Infinity;
        let tau = tauPrime;
        let fireCritical = false;
        if (tauCritical < tauPrime) {
          tau = tauCritical;
          fireCritical = true;
        }
        if (tau > remaining) {
          // By memorylessness no critical channel fires when its waiting time passes tEnd.
          tau = remaining;
          fireCritical = false;
        }
        const fired = this.drawFirings(tau, fireCritical ? a0c : 0);
        if (!this.applyIfNonNegative(x)) {
          stats.rejectedLeaps++;
          tauPrime /= 2;
          continue;
        }
        stats.leaps++;
        stats.events += fired;
        t = tau === remaining ? tEnd : Math.min(t + tau, tEnd);
        break;
      }
    }
    return tEnd;
  }

  /**
   * Fills `firings`: Poisson(a_j τ) for non-critical channels and, when `a0c` > 0, one firing of a critical
   * channel chosen with probability a_j / a0c. Returns the total number of firings.
   */
  private drawFirings(tau: number, a0c: number): number {
    const { rng, a, isCritical, firings } = this;
    let total = 0;
    for (let j = 0; j < a.length; j++) {
      const k = isCritical[j] === 0 && a[j] > 0 ? rng.poisson(a[j] * tau) : 0;
      firings[j] = k;
      total += k;
    }
    if (a0c > 0) {
      const r = rng.uniform() * a0c;
      let cum = 0;
      let chosen = -1;
      for (let j = 0; j < a.length; j++) {
        if (isCritical[j] === 1) {
          chosen = j;
          cum += a[j];
          if (r < cum) break;
        }
      }
      firings[chosen] += 1;
      total += 1;
    }
    return total;
  }

  /** Applies `firings` to `x` when no count would go negative; returns whether it did. */
  private applyIfNonNegative(x: Float64Array): boolean {
    const { system, firings, xNew } = this;
    const { changeOffsets, changeSpecies, changeAmounts } = system;
    const n = system.nSpecies;
    for (let i = 0; i < n; i++) xNew[i] = x[i];
    for (let j = 0; j < firings.length; j++) {
      const k = firings[j];
      if (k === 0) continue;
      for (let e = changeOffsets[j]; e < changeOffsets[j + 1]; e++) xNew[changeSpecies[e]] += k * changeAmounts[e];
    }
    for (let i = 0; i < n; i++) if (xNew[i] < 0) return false;
    for (let i = 0; i < n; i++) x[i] = xNew[i];
    return true;
  }

  private tooMuchWork(t: number, tEnd: number): Error {
    return new Error(
      `Tau-leaping exceeded maxEvents = ${this.maxEvents} steps in one advance call (t = ${t}, tEnd = ${tEnd}). ` +
        `The system is too stiff or too fast for explicit leaping; raise maxEvents or epsilon.`,
    );
  }
}
