/** The T-cell supply from the vasculature (SIMCoV's rules), in minutes. */
export interface TCellSupply {
  /** Minutes after infection before effector T cells enter the circulation. */
  readonly delay: number;
  /** Cells entering the whole lung's circulation per minute after the delay. */
  readonly generation: number;
  /** Mean life of a circulating T cell, minutes. */
  readonly vascularPeriod: number;
}

/**
 * Circulating effector T cells in the whole lung at `minute`: the solution of dC/dt = generation − C/vascularPeriod
 * from C = 0 at the delay, i.e. generation·τ·(1 − e^(−(t − delay)/τ)); 0 before the delay.
 */
export function circulatingTCells(s: TCellSupply, minute: number): number {
  if (minute <= s.delay || s.generation <= 0) return 0;
  return s.generation * s.vascularPeriod * -Math.expm1(-(minute - s.delay) / s.vascularPeriod);
}

/**
 * Expected extravasation tries on the section over a step from `from` to `to` minutes: every circulating cell
 * tries one random lung site a minute, and the section holds `share` of the lung's sites. The circulating count
 * is integrated exactly over the step.
 */
export function extravasationTries(s: TCellSupply, share: number, from: number, to: number): number {
  if (s.generation <= 0 || to <= s.delay) return 0;
  const a = Math.max(from, s.delay) - s.delay;
  const b = to - s.delay;
  const tau = s.vascularPeriod;
  // ∫ G·τ·(1 − e^(−u/τ)) du from a to b
  const integral = s.generation * tau * (b - a - tau * (Math.exp(-a / tau) - Math.exp(-b / tau)));
  return integral * share;
}
