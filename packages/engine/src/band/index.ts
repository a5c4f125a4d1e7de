/**
 * Bands of runs for the current parameters: replicates of a scenario, or a virtual cohort around its parameter
 * values (log-normal spreads within each parameter's range), run one member at a time and summarised as a median
 * with quantile bands by the streaming `EnsembleAggregate` (a workbench's `view.band`).
 */
export * from './bandSpec.js';
export * from './cohort.js';
export * from './runBand.js';
