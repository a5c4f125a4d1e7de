/** Sensitivity analyses on plain arrays: PRCC with p-values, Sobol' indices, Morris elementary effects. */
export { averageRanks } from './ranks.js';
export { leastSquaresResiduals } from './linearAlgebra.js';
export { prcc, type PrccEntry } from './prcc.js';
export { sobolIndices, type SaltelliOutputs, type SobolIndices, type SobolIndexOptions } from './sobol.js';
export { splitSaltelliRows } from './saltelliRows.js';
export { morrisEffects, splitMorrisRows, type MorrisResult, type MorrisTrajectory } from './morris.js';
