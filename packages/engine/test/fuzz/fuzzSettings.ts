import type { Parameters } from 'fast-check';

/**
 * The seed `npm test` fuzzes with: fixed, so the suite is the same on every machine and a failure reproduces.
 * `npm run fuzz` draws a random one (and prints it); `FUZZ_SEED=<n>` replays it.
 */
export const FIXED_FUZZ_SEED = 20261206;

function envInteger(name: string): number | undefined {
  const text = process.env[name];
  if (text === undefined || text === '') return undefined;
  const value = Number(text);
  if (!Number.isSafeInteger(value)) throw new RangeError(`${name}: must be a whole number; got "${text}"`);
  return value;
}

/** True when the properties run longer than in `npm test` (`npm run fuzz`, which sets FUZZ_RUNS). */
export const longFuzz = envInteger('FUZZ_RUNS') !== undefined;

/**
 * fast-check settings of one property: in `npm test` the fixed seed and `runs` cases (chosen per property to keep
 * the suite's time bounded); under `npm run fuzz`, FUZZ_RUNS cases and FUZZ_SEED (both set by scripts/fuzz.mjs).
 * A failure's report names the seed and the counterexample's path (fast-check's `seed`/`path` replay it).
 */
export function fuzzParameters<T>(runs: number): Parameters<T> {
  return {
    seed: envInteger('FUZZ_SEED') ?? FIXED_FUZZ_SEED,
    numRuns: envInteger('FUZZ_RUNS') ?? runs,
    endOnFailure: true,
  };
}

/** Vitest's time limit for a fuzz test: the suite's usual one in `npm test`, none to speak of under `npm run fuzz`. */
export const fuzzTestTimeout = longFuzz ? 24 * 3600_000 : 60_000;
