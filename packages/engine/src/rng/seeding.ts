import { seedKey, stateKey } from './streamKey.js';
import type { Rng } from './types.js';
import { validateState, Xoshiro128StarStar } from './xoshiro128.js';

/**
 * The generator for `seed` (an integer in [0, 2^32 − 1]) and an optional path of stream indices (each
 * an integer in [0, 2^32 − 1]), e.g. `createRng(runSeed, replicate)`. Its state is derived by mixing
 * (seed, ...path) into four non-zero words, so the same arguments always give the same sequence, and
 * `createRng(s, i, j)` equals `createRng(s).stream(i).stream(j)`. Invalid arguments throw a RangeError
 * naming the argument, its value and the allowed range.
 */
export function createRng(seed: number, ...path: number[]): Rng {
  return new Xoshiro128StarStar(seedKey(seed, path));
}

/**
 * A generator that starts from a raw xoshiro128** state (four 32-bit words, not all zero), e.g. a
 * snapshot from `getState()`. Its streams are derived from that starting state.
 */
export function createRngFromState(state: ArrayLike<number>): Rng {
  validateState(state);
  const rng = new Xoshiro128StarStar(stateKey(state));
  rng.setState(state);
  return rng;
}
