import { rejectArgument, requireUint32 } from './argumentChecks.js';
import { sampleBinomial, sampleExponential, sampleNormal, samplePoisson } from './samplers.js';
import { childKey, stateForKey, type StreamKey } from './streamKey.js';
import type { Rng } from './types.js';

/** 2^32, the number of distinct raw outputs. */
const TWO_POW_32 = 4294967296;
/** 2^26, scales the high 27 bits of a 53-bit uniform. */
const TWO_POW_26 = 67108864;
/** 2^-53, turns a 53-bit integer into a double in [0, 1). */
const TWO_POW_MINUS_53 = 1 / 9007199254740992;

/** Checks a raw xoshiro128** state: four unsigned 32-bit words, not all zero. */
export function validateState(state: ArrayLike<number>): void {
  if (state.length !== 4) {
    throw new RangeError(`state must have length 4 (four 32-bit words); got length ${state.length}`);
  }
  for (let i = 0; i < 4; i++) requireUint32(`state[${i}]`, state[i]);
  if (state[0] === 0 && state[1] === 0 && state[2] === 0 && state[3] === 0) {
    throw new RangeError('state must not be all zero (xoshiro128** would then output only zeros); got [0, 0, 0, 0]');
  }
}

/**
 * xoshiro128** 1.1 (Blackman & Vigna, 2018): 128 bits of state, period 2^128 − 1, 32-bit outputs, in
 * pure 32-bit integer arithmetic so every platform gives the same numbers. Normally made with
 * `createRng(seed, ...path)`; the constructor derives the state from a `StreamKey`.
 */
export class Xoshiro128StarStar implements Rng {
  /** The root and stream path this generator was derived from; `stream(i)` extends the path. */
  readonly key: StreamKey;
  private readonly s = new Uint32Array(4);

  /** A generator whose initial state is derived from `key` (see `createRng`). */
  constructor(key: StreamKey) {
    this.key = key;
    this.s.set(stateForKey(key));
  }

  /** The next raw 32-bit output as an unsigned integer in [0, 2^32). */
  nextUint32(): number {
    const s = this.s;
    const s0 = s[0];
    const s1 = s[1];
    const result = Math.imul(rotateLeft(Math.imul(s1, 5), 7), 9) >>> 0;
    const t = s1 << 9;
    const s2 = s[2] ^ s0;
    const s3 = s[3] ^ s1;
    s[0] = s0 ^ s3;
    s[1] = s1 ^ s2;
    s[2] = s2 ^ t;
    s[3] = rotateLeft(s3, 11);
    return result;
  }

  /** A uniform double in [0, 1) with 53 random bits (27 from one output, 26 from the next). */
  uniform(): number {
    const high = this.nextUint32() >>> 5;
    const low = this.nextUint32() >>> 6;
    return (high * TWO_POW_26 + low) * TWO_POW_MINUS_53;
  }

  /**
   * A uniform integer in [0, n) for an integer 1 ≤ n ≤ 2^32, without bias: Lemire's multiply-shift
   * (the high word of x·n) with rejection of the 2^32 mod n low words that would favour some results.
   */
  integer(n: number): number {
    if (!(Number.isInteger(n) && n >= 1 && n <= TWO_POW_32)) {
      rejectArgument('n', n, `an integer in [1, ${TWO_POW_32}]`);
    }
    // x·n = nHigh·x·2^16 + nLow·x, split so every product stays below 2^53 (exact in doubles).
    const nHigh = Math.floor(n / 65536);
    const nLow = n % 65536;
    let threshold = -1;
    for (;;) {
      const x = this.nextUint32();
      const lowWord = Math.imul(x, n) >>> 0;
      if (lowWord < n) {
        if (threshold < 0) threshold = (TWO_POW_32 - n) % n;
        if (lowWord < threshold) continue;
      }
      return Math.floor((nHigh * x + Math.floor((nLow * x) / 65536)) / 65536);
    }
  }

  /** A normal variate with the given mean and standard deviation (defaults 0 and 1). */
  normal(mean = 0, sd = 1): number {
    return sampleNormal(this, mean, sd);
  }

  /** An exponential variate with the given rate (mean 1/rate); `rate` > 0. */
  exponential(rate: number): number {
    return sampleExponential(this, rate);
  }

  /** A Poisson variate with the given mean in [0, 2^52]; exact for small and large means. */
  poisson(mean: number): number {
    return samplePoisson(this, mean);
  }

  /** A binomial variate: successes in `n` trials (integer ≥ 0) with probability `p` in [0, 1]. */
  binomial(n: number, p: number): number {
    return sampleBinomial(this, n, p);
  }

  /** A copy of the four state words, for snapshots. */
  getState(): Uint32Array {
    return this.s.slice();
  }

  /**
   * Restores a state taken with `getState()` (four 32-bit words, not all zero; otherwise a
   * RangeError). The stream key is unchanged, so `stream(i)` is unaffected.
   */
  setState(state: ArrayLike<number>): void {
    validateState(state);
    for (let i = 0; i < 4; i++) this.s[i] = state[i];
  }

  /**
   * The generator for stream `index` (an integer in [0, 2^32 − 1]) below this one: derived from this
   * generator's key plus `index`, never from its current position.
   */
  stream(index: number): Xoshiro128StarStar {
    return new Xoshiro128StarStar(childKey(this.key, index));
  }
}

function rotateLeft(x: number, bits: number): number {
  return (x << bits) | (x >>> (32 - bits));
}
