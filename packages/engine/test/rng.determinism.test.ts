import { describe, expect, it } from 'vitest';
import { createRng, createRngFromState } from '../src/rng/seeding.js';
import type { Rng } from '../src/rng/types.js';
import { MOMENT_Z } from './fixtures/rng/statistics.js';

function draw(rng: Rng, count: number): number[] {
  return Array.from({ length: count }, () => rng.nextUint32());
}

function stateKey(rng: Rng): string {
  return Array.from(rng.getState()).join(',');
}

function popcount(x: number): number {
  let v = x >>> 0;
  let count = 0;
  while (v !== 0) {
    v &= v - 1;
    count++;
  }
  return count;
}

describe('seeding', () => {
  it('gives identical sequences for the same seed and path', () => {
    expect(draw(createRng(42), 100)).toEqual(draw(createRng(42), 100));
    expect(draw(createRng(42, 3, 7), 100)).toEqual(draw(createRng(42, 3, 7), 100));
  });

  it('gives different sequences for different seeds and paths', () => {
    const sequences = [
      createRng(42),
      createRng(43),
      createRng(42, 0),
      createRng(42, 1),
      createRng(42, 0, 0),
      createRng(42, 1, 0),
      createRng(42, 0, 1),
    ].map((rng) => draw(rng, 4).join(','));
    expect(new Set(sequences).size).toBe(sequences.length);
  });

  it('pins the seeding scheme (changing it would change every simulation result)', () => {
    // Values produced by this implementation when written; update only for a deliberate change of the
    // derivation, since it changes every seeded result.
    expect(draw(createRng(0), 4)).toEqual(PINNED_SEED_0);
    expect(draw(createRng(12345, 7), 4)).toEqual(PINNED_SEED_12345_PATH_7);
  });

  it('derives distinct, never-zero states for many seeds and many streams', () => {
    const seen = new Set<string>();
    let zeroWords = 0;
    const root = createRng(1_000_000); // outside 0..4999, so root.stream(i) never equals createRng(i, 0)
    for (let i = 0; i < 5000; i++) {
      for (const rng of [createRng(i), root.stream(i), createRng(i, 0)]) {
        const state = rng.getState();
        zeroWords += state.filter((word) => word === 0).length;
        seen.add(Array.from(state).join(','));
      }
    }
    expect(zeroWords).toBe(0);
    expect(seen.size).toBe(15000);
  });

  it('mixes: flipping one seed bit flips about half of the 128 state bits', () => {
    let flipped = 0;
    let trials = 0;
    for (let seed = 0; seed < 64; seed++) {
      const base = createRng((seed * 2654435761) >>> 0).getState();
      for (let bit = 0; bit < 32; bit++) {
        const other = createRng(((seed * 2654435761) ^ (1 << bit)) >>> 0).getState();
        for (let w = 0; w < 4; w++) flipped += popcount(base[w] ^ other[w]);
        trials++;
      }
    }
    // 2048 trials × 128 bits: a fair coin gives 64 ± 0.125 (one standard error) per trial.
    expect(Math.abs(flipped / trials - 64)).toBeLessThan(MOMENT_Z * Math.sqrt(32 / trials));
  });
});

describe('streams', () => {
  it('stream(i) does not depend on how many numbers were drawn before', () => {
    const fresh = createRng(7);
    const used = createRng(7);
    draw(used, 1234);
    used.normal();
    used.poisson(1e6);
    expect(draw(used.stream(5), 50)).toEqual(draw(fresh.stream(5), 50));
  });

  it('stream(i) is the generator for the extended path', () => {
    expect(draw(createRng(7).stream(5), 20)).toEqual(draw(createRng(7, 5), 20));
    expect(draw(createRng(7).stream(5).stream(9), 20)).toEqual(draw(createRng(7, 5, 9), 20));
  });

  it('stream(i) is unaffected by setState on the parent', () => {
    const rng = createRng(7);
    const expected = draw(rng.stream(2), 10);
    rng.setState(Uint32Array.from([1, 2, 3, 4]));
    expect(draw(rng.stream(2), 10)).toEqual(expected);
  });

  it('gives uncorrelated uniforms for neighbouring streams and seeds', () => {
    const n = 100_000;
    const pairs: [Rng, Rng][] = [
      [createRng(1, 0), createRng(1, 1)],
      [createRng(0), createRng(1)],
      [createRng(1), createRng(1, 0)],
    ];
    for (const [a, b] of pairs) {
      let sum = 0;
      for (let i = 0; i < n; i++) sum += (a.uniform() - 0.5) * (b.uniform() - 0.5);
      // Correlation = 12·mean of the centred products; its standard error is 1/sqrt(n).
      expect(Math.abs((12 * sum) / n)).toBeLessThan(MOMENT_Z / Math.sqrt(n));
    }
  });

  it('derives deterministic streams for generators created from a raw state', () => {
    const a = createRngFromState([5, 6, 7, 8]);
    const b = createRngFromState([5, 6, 7, 8]);
    draw(a, 10);
    expect(draw(a.stream(3), 10)).toEqual(draw(b.stream(3), 10));
    expect(stateKey(createRngFromState([5, 6, 7, 9]).stream(3))).not.toBe(stateKey(b.stream(3)));
  });
});

describe('state snapshots', () => {
  it('resumes the exact sequence, including every sampler, after setState', () => {
    const rng = createRng(99, 1);
    draw(rng, 17);
    const snapshot = rng.getState();
    const run = (): number[] => [
      ...draw(rng, 5),
      rng.uniform(),
      rng.integer(1000),
      rng.normal(),
      rng.normal(3, 2),
      rng.exponential(2),
      rng.poisson(4),
      rng.poisson(1e6),
      rng.binomial(20, 0.3),
      rng.binomial(1e9, 0.4),
      rng.normal(),
    ];
    const first = run();
    rng.setState(snapshot);
    expect(run()).toEqual(first);
    const copy = createRngFromState(snapshot);
    const replay = [
      ...draw(copy, 5),
      copy.uniform(),
      copy.integer(1000),
      copy.normal(),
      copy.normal(3, 2),
      copy.exponential(2),
      copy.poisson(4),
      copy.poisson(1e6),
      copy.binomial(20, 0.3),
      copy.binomial(1e9, 0.4),
      copy.normal(),
    ];
    expect(replay).toEqual(first);
  });

  it('getState returns a copy', () => {
    const rng = createRng(5);
    const state = rng.getState();
    const expected = draw(createRng(5), 3);
    state.fill(0);
    expect(draw(rng, 3)).toEqual(expected);
  });
});

const PINNED_SEED_0 = [1577980468, 460635136, 3740300711, 1989454954];
const PINNED_SEED_12345_PATH_7 = [1245073060, 1634650478, 139010757, 2603381768];
