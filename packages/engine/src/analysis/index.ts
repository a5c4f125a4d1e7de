/** Sensitivity analyses on plain arrays: PRCC with p-values, Sobol' indices, Morris elementary effects. */
export {
  logGamma,
  normalCdf,
  normalQuantile,
  regularizedIncompleteBeta,
  regularizedLowerGamma,
  studentTCdf,
  studentTTwoSidedP,
} from './specialFunctions.js';
export { averageRanks } from './ranks.js';
export { leastSquaresResiduals } from './linearAlgebra.js';
export { prcc, type PrccEntry } from './prcc.js';
export { sobolIndices, type SaltelliOutputs, type SobolIndices, type SobolOptions } from './sobol.js';
export { morrisEffects, type MorrisResult, type MorrisTrajectory } from './morris.js';
