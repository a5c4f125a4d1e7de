import { pow } from '../math/portableMath.js';
import type { OdeRhs } from './types.js';

/** Inputs of `selectInitialStep`. */
export interface InitialStepInput {
  readonly rhs: OdeRhs;
  readonly t0: number;
  readonly y0: Float64Array;
  /** f(t0, y0). */
  readonly f0: Float64Array;
  /** Exponent base k of the local error (≈ C·h^k). */
  readonly errorOrder: number;
  readonly rtol: number;
  readonly atol: Float64Array;
  /** Upper bound for the result (max step and distance to the target). */
  readonly hMax: number;
  /** Scratch arrays of length n (overwritten). */
  readonly scratchY: Float64Array;
  readonly scratchF: Float64Array;
}

function scaledRms(v: Float64Array, y0: Float64Array, rtol: number, atol: Float64Array, divisor: number): number {
  let sum = 0;
  for (let i = 0; i < v.length; i++) {
    const r = v[i] / divisor / (atol[i] + rtol * Math.abs(y0[i]));
    sum += r * r;
  }
  return Math.sqrt(sum / v.length);
}

/**
 * Hairer's automatic initial step (HNW I, Section II.4): an explicit Euler probe estimates the size of
 * y' and y'' in the tolerance-scaled norm and picks h so the first local error is about 1% of the
 * tolerance. Uses one right-hand-side evaluation.
 */
export function selectInitialStep(input: InitialStepInput): number {
  const { rhs, t0, y0, f0, errorOrder, rtol, atol, hMax, scratchY, scratchF } = input;
  const d0 = scaledRms(y0, y0, rtol, atol, 1);
  const d1 = scaledRms(f0, y0, rtol, atol, 1);
  let h0 = d0 < 1e-5 || d1 < 1e-5 ? 1e-6 : 0.01 * (d0 / d1);
  h0 = Math.min(h0, hMax);
  for (let i = 0; i < y0.length; i++) scratchY[i] = y0[i] + h0 * f0[i];
  rhs(t0 + h0, scratchY, scratchF);
  for (let i = 0; i < y0.length; i++) scratchF[i] -= f0[i];
  const d2 = scaledRms(scratchF, y0, rtol, atol, h0);
  if (!Number.isFinite(d2)) return h0;
  const largest = Math.max(d1, d2);
  const h1 = largest <= 1e-15 ? Math.max(1e-6, h0 * 1e-3) : pow(0.01 / largest, 1 / errorOrder);
  return Math.min(100 * h0, h1, hMax);
}
