import { portableMath, type Rng } from '@immunotwin/engine';

/**
 * Bit-string receptors in the manner of IMMSIM (Celada & Seiden 1992; Bernaschi & Castiglione 2001): a
 * receptor and an epitope are `bits`-long strings, and they bind through complementary bits. The number of
 * mismatches is the Hamming distance between the receptor and the epitope's complement; a receptor with more
 * than `maxMismatch` mismatches does not bind, and binding strength falls by `affinityPerMismatch` per mismatch.
 */
export interface ReceptorSpace {
  /** Receptor length in bits (2^bits possible receptors). */
  readonly bits: number;
  /** Largest number of mismatches that still binds. */
  readonly maxMismatch: number;
  /** Affinity factor per mismatched bit (affinity = factor^mismatches, 1 for a perfect match). */
  readonly affinityPerMismatch: number;
}

/** Number of set bits of a 32-bit integer. */
export function popcount(x: number): number {
  x = x - ((x >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** Mismatched bits between `receptor` and the complement of `epitope` in a `bits`-long space. */
export function mismatches(receptor: number, epitope: number, bits: number): number {
  const mask = bits >= 32 ? 0xffffffff : (1 << bits) - 1;
  return popcount((receptor ^ ~epitope) & mask);
}

/** Affinity in [0, 1] of `receptor` for `epitope`: factor^mismatches, or 0 beyond `maxMismatch`. */
export function affinity(space: ReceptorSpace, receptor: number, epitope: number): number {
  const d = mismatches(receptor, epitope, space.bits);
  return d > space.maxMismatch ? 0 : portableMath.pow(space.affinityPerMismatch, d);
}

/** n choose k for small arguments. */
function choose(n: number, k: number): number {
  let c = 1;
  for (let i = 0; i < k; i++) c = (c * (n - i)) / (i + 1);
  return c;
}

/**
 * A receptor drawn uniformly from all receptors that bind `epitope` (≤ maxMismatch mismatches): the number
 * of mismatches d is drawn with weight C(bits, d), then d distinct bits of the perfect complement are flipped.
 * This is the repertoire of specific naive precursors when receptors are uniformly distributed.
 */
export function drawBindingReceptor(space: ReceptorSpace, epitope: number, rng: Rng): number {
  const mask = (1 << space.bits) - 1;
  let total = 0;
  for (let d = 0; d <= space.maxMismatch; d++) total += choose(space.bits, d);
  let u = rng.uniform() * total;
  let d = 0;
  while (d < space.maxMismatch && u >= choose(space.bits, d)) {
    u -= choose(space.bits, d);
    d++;
  }
  let receptor = ~epitope & mask;
  let flipped = 0;
  while (popcount(flipped) < d) flipped |= 1 << rng.integer(space.bits);
  receptor ^= flipped;
  return receptor;
}

/** `receptor` with one uniformly chosen bit flipped (a somatic point mutation). */
export function mutateOneBit(receptor: number, bits: number, rng: Rng): number {
  return receptor ^ (1 << rng.integer(bits));
}
