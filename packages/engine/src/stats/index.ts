/**
 * Statistical functions shared by the designs, the analyses, ABC-SMC and the filters, each defined once: the
 * standard normal (density, CDF, survival, quantile), the special functions behind Student's t (log-gamma,
 * incomplete beta and gamma), weighted samples (log-weights, effective sample size, weighted moments and quantiles)
 * and the Cholesky factor.
 */
export { logNormalCdf, normalCdf, normalLogPdf, normalPdf, normalQuantile, normalSurvival } from './standardNormal.js';
export {
  logGamma,
  regularizedIncompleteBeta,
  regularizedLowerGamma,
  studentTCdf,
  studentTTwoSidedP,
} from './specialFunctions.js';
export {
  cumulativeSums,
  effectiveSampleSize,
  indexOfCumulative,
  logSumExp,
  normalizeLogWeights,
  weightedMoments,
  weightedQuantile,
} from './weights.js';
export { choleskyFactor, solveLower, solveLowerTransposed } from './cholesky.js';
