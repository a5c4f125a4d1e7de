import { requireUint32 } from './argumentChecks.js';
import { deriveState } from './stateDerivation.js';

/**
 * What a generator was derived from: a root (a user seed, or the raw state a generator was created
 * from) and the path of stream indices below it. Streams are derived from the key alone, so they never
 * depend on how many numbers a generator has drawn.
 */
export interface StreamKey {
  /** Whether the root is a 32-bit seed or a raw four-word xoshiro128** state. */
  readonly rootKind: 'seed' | 'state';
  /** The root words: `[seed]`, or the four raw state words. */
  readonly root: readonly number[];
  /** Stream indices from the root down to this generator (empty for the root itself). */
  readonly path: readonly number[];
}

/** Domain tags keep seed-rooted and state-rooted keys apart in the derivation. */
const DOMAIN_TAGS = { seed: 0x5eed5eed, state: 0x57a7e000 } as const;

/** The key of the generator for `seed` and `path`; throws a RangeError for an invalid seed or index. */
export function seedKey(seed: number, path: readonly number[]): StreamKey {
  requireUint32('seed', seed);
  path.forEach((index, i) => requireUint32(`path[${i}]`, index));
  return { rootKind: 'seed', root: [seed], path: [...path] };
}

/** The key of a generator created from a raw state (the caller validates the four words). */
export function stateKey(state: ArrayLike<number>): StreamKey {
  return { rootKind: 'state', root: Array.from(state), path: [] };
}

/** The key of stream `index` below `key`; throws a RangeError for an invalid index. */
export function childKey(key: StreamKey, index: number): StreamKey {
  requireUint32('index', index);
  return { rootKind: key.rootKind, root: key.root, path: [...key.path, index] };
}

/** The four non-zero xoshiro128** state words derived from `key`. */
export function stateForKey(key: StreamKey): Uint32Array {
  return deriveState([DOMAIN_TAGS[key.rootKind], ...key.root, ...key.path]);
}
