import { pow } from '../math/portableMath.js';
import { requireIntegerIn } from './designArgumentError.js';
import { SOBOL_MAX_DIMENSIONS, SOBOL_POLYNOMIALS } from './sobolDirections.js';

const BITS = 32;
const SCALE = 2.3283064365386963e-10; // 2^−32

/** The 32 direction numbers v_1 … v_32 (as 32-bit integers, v_k = m_k 2^(32−k)) of one dimension (0-based). */
function directionNumbers(dimension: number): Uint32Array {
  const v = new Uint32Array(BITS);
  if (dimension === 0) {
    for (let k = 0; k < BITS; k++) v[k] = pow(2, BITS - 1 - k);
    return v;
  }
  const { s, a, m } = SOBOL_POLYNOMIALS[dimension - 1]!;
  for (let k = 0; k < Math.min(s, BITS); k++) v[k] = (m[k]! * pow(2, BITS - 1 - k)) >>> 0;
  // Bratley and Fox's recurrence: v_k = v_{k−s} ⊕ (v_{k−s} >> s) ⊕ (a_1 v_{k−1}) ⊕ … ⊕ (a_{s−1} v_{k−s+1}).
  for (let k = s; k < BITS; k++) {
    let value = v[k - s]! ^ (v[k - s]! >>> s);
    for (let i = 1; i < s; i++) {
      if ((a >>> (s - 1 - i)) & 1) value ^= v[k - i]!;
    }
    v[k] = value >>> 0;
  }
  return v;
}

/** Options of {@link sobolPoints}. */
export interface SobolSequenceOptions {
  /** How many points of the sequence to pass over after the first (the origin, always left out); default 0. */
  skip?: number;
}

/**
 * The first `n` points of the (unscrambled) Sobol' sequence in `dimensions` dimensions (1 … SOBOL_MAX_DIMENSIONS),
 * in Antonov–Saleev Gray-code order, with Joe–Kuo direction numbers. Convention: the origin (point 0) is always
 * left out, so the points begin 0.5, 0.5, …; then 0.75, 0.25, …; then 0.25, 0.75, … — every coordinate lies in
 * the open interval (0, 1) (a multiple of 2^−32). `skip` passes over that many further points. Deterministic; no seed.
 */
export function sobolPoints(n: number, dimensions: number, options: SobolSequenceOptions = {}): number[][] {
  requireIntegerIn('n', n, 0, 2 ** 31);
  requireIntegerIn('dimensions', dimensions, 1, SOBOL_MAX_DIMENSIONS);
  const skip = options.skip ?? 0;
  requireIntegerIn('skip', skip, 0, 2 ** 31 - n);
  const directions = Array.from({ length: dimensions }, (_, d) => directionNumbers(d));
  const state = new Uint32Array(dimensions);
  const points: number[][] = [];
  // Point i+1 = point i ⊕ v_c, c the position of the lowest zero bit of i (Gray-code order).
  for (let i = 0; i < skip + n; i++) {
    let c = 0;
    while ((i >>> c) & 1) c++;
    for (let d = 0; d < dimensions; d++) state[d] = (state[d]! ^ directions[d]![c]!) >>> 0;
    if (i >= skip) points.push(Array.from(state, (x) => x * SCALE));
  }
  return points;
}
