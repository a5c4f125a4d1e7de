/** Exact (Gillespie direct method) and approximate (adaptive tau-leaping) stochastic simulation. */
export type { StochasticSimulator, StochasticStats, StochasticSystem } from './types.js';
export type { AbortSignalLike, StochasticOptions, TauLeapingOptions } from './options.js';
export { DEFAULT_MAX_EVENTS } from './options.js';
export { DirectMethodSsa } from './directMethod.js';
export { TauLeaping } from './tauLeaping.js';
