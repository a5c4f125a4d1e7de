/** Adaptive ODE integrators with dense output for the twin engine. */
export type { OdeJacobian, OdeOptions, OdeRhs, OdeStats, OdeStepper, OdeStepperState } from './types.js';
export { DormandPrince54 } from './dormandPrince54.js';
export { Rosenbrock } from './rosenbrock.js';
export { createStepper, solveOde, type OdeMethod, type OdeSolution, type SolveOdeOptions } from './integrate.js';
export { DEFAULT_ATOL, DEFAULT_MAX_STEPS, DEFAULT_RTOL } from './odeOptions.js';
