/**
 * Statistical functions shared by the designs and the analyses, each defined once: the standard normal
 * (density, CDF, survival, quantile) and the special functions behind Student's t (log-gamma, incomplete beta
 * and gamma).
 */
export { logNormalCdf, normalCdf, normalPdf, normalQuantile, normalSurvival } from './standardNormal.js';
export {
  logGamma,
  regularizedIncompleteBeta,
  regularizedLowerGamma,
  studentTCdf,
  studentTTwoSidedP,
} from './specialFunctions.js';
