/**
 * Turns a list of 32-bit key words (a root seed or raw state, then a path of stream indices) into the
 * four state words of a xoshiro128** generator.
 *
 * The construction is a small four-lane sponge: every lane absorbs every key word through a bijective
 * 32-bit mixer, then two Feistel rounds mix the lanes with each other. Each absorption step is a
 * bijection of the lane for a fixed word and of the word for a fixed lane, and the Feistel rounds are
 * a bijection of the whole 128-bit state, so two keys of the same length that differ anywhere (the
 * same seed with different stream paths, or different seeds with the same path) always give different
 * states. Keys of different lengths collide only by chance (about 2^-128).
 */

/** Per-lane constants: multiples of the golden ratio scaled to 2^32, so the four lanes start apart. */
const LANE_KEYS: readonly number[] = [0x9e3779b9, 0x3c6ef372, 0xdaa66d2b, 0x78dde6e4];

/** Replaces a zero state word, so no derived state has a zero word (and so is never all zero). */
const NONZERO_FILL = 0x6a09e667;

/**
 * A bijective 32-bit mixer (xor-shift / odd-multiply rounds, murmur3-finalizer style): every input bit
 * affects every output bit with probability close to 1/2.
 */
export function mix32(x: number): number {
  let h = x >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  h = Math.imul(h, 0x846ca68b);
  h ^= h >>> 16;
  return h >>> 0;
}

function absorb(lanes: Uint32Array, word: number): void {
  for (let i = 0; i < 4; i++) {
    lanes[i] = mix32(((lanes[i] ^ word) + LANE_KEYS[i]) >>> 0);
  }
}

function mixLanes(lanes: Uint32Array): void {
  for (let round = 0; round < 2; round++) {
    for (let i = 0; i < 4; i++) {
      lanes[i] ^= mix32(lanes[(i + 1) & 3] + LANE_KEYS[(i + round + 2) & 3]);
    }
  }
}

/**
 * Derives four non-zero xoshiro128** state words from `words` (each an unsigned 32-bit integer; the
 * caller validates them). The result depends only on the words, never on any generator's position.
 */
export function deriveState(words: readonly number[]): Uint32Array {
  const lanes = new Uint32Array(4);
  for (let i = 0; i < 4; i++) lanes[i] = mix32(LANE_KEYS[i]);
  for (const word of words) absorb(lanes, word);
  absorb(lanes, words.length);
  mixLanes(lanes);
  for (let i = 0; i < 4; i++) {
    if (lanes[i] === 0) lanes[i] = NONZERO_FILL;
  }
  return lanes;
}
