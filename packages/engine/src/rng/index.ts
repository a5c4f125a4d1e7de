/** The engine's seeded, splittable random number generator and its distribution samplers. */
export type { Rng, UniformSource } from './types.js';
export type { StreamKey } from './streamKey.js';
export { createRng, createRngFromState } from './seeding.js';
export { Xoshiro128StarStar } from './xoshiro128.js';
export {
  MAX_POISSON_MEAN,
  sampleBinomial,
  sampleExponential,
  sampleGamma,
  sampleNormal,
  samplePoisson,
} from './samplers.js';
export { logFactorial, stirlingError } from './logFactorial.js';
export { logBinomialPmf, logPoissonPmf } from './logPmf.js';
