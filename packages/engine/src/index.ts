/**
 * @immunotwin/engine — the DOM-free twin runtime: model plugin API, seeded RNG, ODE and stochastic
 * solvers, intervention scheduling, recording, the chunked run driver (`runInChunks`), ensembles, result
 * export, per-run outcomes (peak, clearance, AUC…), sensitivity analyses (PRCC, Sobol', Morris), ABC-SMC and data
 * assimilation (particle filter, ensemble Kalman filter, forecasts, counterfactuals).
 */
export * from './version.js';
export * from './schema/index.js';
export * from './validation/index.js';
export * from './expr/index.js';
export * from './rng/index.js';
export * from './ode/index.js';
export * from './stochastic/index.js';
export * from './network/index.js';
export * from './model/index.js';
export * from './run/index.js';
export * from './aggregate/index.js';
export * from './band/index.js';
export * from './results/index.js';
export * from './space/index.js';
export * from './twin.js';
export * from './formats/index.js';
export * from './design/index.js';
export {
  PATIENT_MIME_TYPE,
  PLOT_MIME_TYPE,
  STUDY_MIME_TYPE,
  TISSUE_MIME_TYPE,
  WORKBENCH_MIME_TYPE,
} from './mimeTypes.js';
export * from './outcomes/index.js';
export * from './analysis/index.js';
export * as portableMath from './math/index.js';
export * from './stats/index.js';
export * from './data/index.js';
export * from './observation/index.js';
export * from './fit/index.js';
export * from './abc/index.js';
export * from './assimilation/index.js';
