import type { StochasticSystem } from './types.js';

/** Checks the arguments of `advance`; throws a `RangeError` describing the first problem found. */
export function validateAdvance(system: StochasticSystem, x: Float64Array, t: number, tEnd: number): void {
  if (x.length < system.nSpecies) {
    throw new RangeError(`State has ${x.length} entries but the system has ${system.nSpecies} species.`);
  }
  if (!Number.isFinite(t) || !Number.isFinite(tEnd)) {
    throw new RangeError(`advance needs finite times, got t = ${t}, tEnd = ${tEnd}.`);
  }
  if (tEnd < t) throw new RangeError(`advance cannot go backwards: tEnd = ${tEnd} < t = ${t}.`);
}

/** The error thrown when a propensity is negative, infinite or NaN (a broken rate law or a negative state). */
export function badPropensity(j: number, value: number): Error {
  return new RangeError(`Propensity of reaction ${j} is ${value}; propensities must be finite and ≥ 0.`);
}
