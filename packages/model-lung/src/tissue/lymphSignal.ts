import { portableMath } from '@immunotwin/engine';

/** What a lymph-node signal snapshot holds. */
export interface LymphSignalSnapshot {
  /** The signal S (dimensionless). */
  readonly value: number;
}

/**
 * A lymph-node signal driving the T-cell supply, after Sego et al. (2020): S rises with the infected tissue's
 * signal and decays, dS/dt = gain·c − decay·S, with c the section's mean chemokine per site (the infected cells'
 * signal) held over a step (exact: S relaxes towards gain·c/decay). The supply is the maximal one times
 * Sⁿ/(1 + Sⁿ): it switches on while the infection is large and off as it falls, before it is gone.
 */
export class LymphSignal {
  /** The signal S. */
  value = 0;

  /**
   * `gain` per (a.u./site) per minute, `decay` per minute, `hill` the steepness n of the switch (a whole number, so
   * that Sⁿ is exact everywhere).
   */
  constructor(
    private readonly gain: number,
    private readonly decay: number,
    private readonly hill: number,
  ) {}

  /** Advances S by `minutes` with the drive `chemokine` (mean a.u. per site) held. */
  advance(minutes: number, chemokine: number): void {
    const target = (this.gain * chemokine) / this.decay;
    this.value = target + (this.value - target) * portableMath.exp(-this.decay * minutes);
  }

  /** The share of the maximal supply now: Sⁿ/(1 + Sⁿ). */
  level(): number {
    const s = portableMath.pow(this.value, this.hill);
    return s / (1 + s);
  }

  /** A copy of the state. */
  snapshot(): LymphSignalSnapshot {
    return { value: this.value };
  }

  /** Restores a copy taken with `snapshot()`. */
  restore(s: LymphSignalSnapshot): void {
    this.value = s.value;
  }
}
