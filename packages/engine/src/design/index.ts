/**
 * Study designs, DOM-free and deterministic: distributions for virtual cohorts, designs that give points in the
 * unit cube (grid, Latin hypercube, Sobol', Saltelli, random, Morris trajectories), and the design file format that
 * maps them to a model's parameters (`parseDesign`, `designPoints`).
 */
export { DesignArgumentError } from './designArgumentError.js';
export type { Distribution, DistributionKind } from './distribution.js';
export {
  logNormalDistribution,
  logUniformDistribution,
  normalDistribution,
  uniformDistribution,
} from './distributions.js';
export { truncateDistribution, type NormalShape } from './truncate.js';
export { createDistribution, type DistributionSpec } from './distributionSpec.js';
export { fullFactorial, gridLevels, type GridSpacing } from './grid.js';
export { latinHypercube, type LatinHypercubeOptions } from './latinHypercube.js';
export { randomPoints } from './randomDesign.js';
export { sobolPoints, type SobolSequenceOptions } from './sobol.js';
export { SOBOL_MAX_DIMENSIONS, SOBOL_POLYNOMIALS, type SobolPolynomial } from './sobolDirections.js';
export {
  saltelliLayout,
  saltelliPoints,
  type SaltelliLayout,
  type SaltelliLayoutOptions,
  type SaltelliOptions,
} from './saltelli.js';
export { MORRIS_DEFAULT_LEVELS, morrisTrajectories } from './morris.js';
export {
  DESIGN_VERSION,
  DesignOutcomeSchema,
  DesignParameterSchema,
  DesignSchema,
  DesignSpecSchema,
  DistributionSpecSchema,
  parseDesign,
  type Design,
  type DesignOutcome,
  type DesignParameter,
  type DesignSpec,
} from './designFormat.js';
export { checkDesignRules } from './designRules.js';
export { designPoints, designUnitPoints, type DesignModel, type DesignRun } from './designPoints.js';
export { designReplicates, designScenario } from './designScenario.js';
