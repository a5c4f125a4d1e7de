import { portableMath } from '@immunotwin/engine';

/** The T-cell supply from the vasculature (SIMCoV's rules), in minutes. */
export interface TCellSupply {
  /** Minutes after infection before effector T cells enter the circulation. */
  readonly delay: number;
  /** Cells entering the whole lung's circulation per minute after the delay. */
  readonly generation: number;
  /** Mean life of a circulating T cell, minutes. */
  readonly vascularPeriod: number;
}

/** A depletion of circulating T cells: `cells` removed at `minute` (their would-be descendants decay with τ). */
export interface CirculatingDepletion {
  /** When the cells were removed, minutes. */
  readonly minute: number;
  /** How many were removed. */
  readonly cells: number;
}

/**
 * Circulating effector T cells in the whole lung at `minute`: the solution of dC/dt = generation − C/vascularPeriod
 * from C = 0 at the delay, i.e. generation·τ·(1 − e^(−(t − delay)/τ)); 0 before the delay. The equation is
 * linear, so each depletion of D cells at t_d takes D·e^(−(t − t_d)/τ) away from then on.
 */
export function circulatingTCells(
  s: TCellSupply,
  minute: number,
  depletions: readonly CirculatingDepletion[] = [],
): number {
  if (minute <= s.delay || s.generation <= 0) return 0;
  let c = s.generation * s.vascularPeriod * -portableMath.expm1(-(minute - s.delay) / s.vascularPeriod);
  for (const d of depletions)
    if (minute >= d.minute) c -= d.cells * portableMath.exp(-(minute - d.minute) / s.vascularPeriod);
  return Math.max(0, c);
}

/**
 * Expected extravasation tries on the section over a step from `from` to `to` minutes: every circulating cell
 * tries one random lung site a minute, and the section holds `share` of the lung's sites. The circulating count
 * is integrated exactly over the step.
 */
export function extravasationTries(
  s: TCellSupply,
  share: number,
  from: number,
  to: number,
  depletions: readonly CirculatingDepletion[] = [],
): number {
  if (s.generation <= 0 || to <= s.delay) return 0;
  const a = Math.max(from, s.delay) - s.delay;
  const b = to - s.delay;
  const tau = s.vascularPeriod;
  // ∫ G·τ·(1 − e^(−u/τ)) du from a to b
  let integral = s.generation * tau * (b - a - tau * (portableMath.exp(-a / tau) - portableMath.exp(-b / tau)));
  // minus ∫ D·e^(−(t − t_d)/τ) dt over the part of the step after each depletion
  for (const d of depletions) {
    const start = Math.max(from, d.minute);
    if (to <= start) continue;
    integral -=
      d.cells * tau * (portableMath.exp(-(start - d.minute) / tau) - portableMath.exp(-(to - d.minute) / tau));
  }
  return Math.max(0, integral) * share;
}
