import { portableMath } from '@immunotwin/engine';

/** What a coupled circulation's snapshot holds. */
export interface CoupledCirculationSnapshot {
  /** Circulating effector T cells in the whole lung. */
  readonly cells: number;
  /** Cells entering per minute (the input). */
  readonly supply: number;
}

/**
 * The lung's circulating effector T cells when a lymph node supplies them (the input `effectorSupply`): a state
 * C advanced step by step by dC/dt = supply − C/τ with the supply held over the step (exact: C relaxes towards
 * supply·τ), instead of SIMCoV's schedule, whose closed form `circulatingTCells` needs a constant supply.
 */
export class CoupledCirculation {
  /** Circulating effector T cells in the whole lung. */
  cells = 0;
  /** Cells entering the circulation per minute, as last set. */
  supply = 0;

  /** `vascularPeriod`: τ, the mean life of a circulating T cell, minutes. */
  constructor(private readonly vascularPeriod: number) {}

  /**
   * Advances the pool by `minutes` and returns ∫C dt over them (cell-minutes), each cell trying one lung site a
   * minute: with C(u) = S·τ + (C₀ − S·τ)·e^(−u/τ), ∫₀ʰ C = S·τ·h + (C₀ − S·τ)·τ·(1 − e^(−h/τ)).
   */
  advance(minutes: number): number {
    const tau = this.vascularPeriod;
    const target = this.supply * tau;
    const relaxed = -portableMath.expm1(-minutes / tau);
    const integral = target * minutes + (this.cells - target) * tau * relaxed;
    this.cells += (target - this.cells) * relaxed;
    return Math.max(0, integral);
  }

  /** Removes `fraction` of the circulating cells (T-cell depletion). */
  deplete(fraction: number): void {
    this.cells *= 1 - fraction;
  }

  /** A copy of the state. */
  snapshot(): CoupledCirculationSnapshot {
    return { cells: this.cells, supply: this.supply };
  }

  /** Restores a copy taken with `snapshot()`. */
  restore(s: CoupledCirculationSnapshot): void {
    this.cells = s.cells;
    this.supply = s.supply;
  }
}
