/**
 * Samplers for the engine's distributions. Each takes any `UniformSource`, so it can be tested against
 * any generator, and throws a RangeError naming the argument for invalid parameters.
 */
export { sampleNormal } from './normal.js';
export { sampleExponential } from './exponential.js';
export { samplePoisson, MAX_POISSON_MEAN } from './poisson.js';
export { sampleBinomial } from './binomial.js';
export { sampleGamma } from './gamma.js';
