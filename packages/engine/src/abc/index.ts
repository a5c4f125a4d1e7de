/**
 * ABC-SMC with adaptive tolerances: posterior samples for models without a tractable likelihood (stochastic and
 * agent-based twins), from a simulator and a distance.
 */
export type { AbcParameter, AbcProblem } from './abcProblem.js';
export type { AbcProgress, AbcSmcOptions } from './abcOptions.js';
export { abcSmc, type AbcGeneration, type AbcSmcResult, type AbcStopReason } from './abcSmc.js';
export { scenarioAbcProblem, type ScenarioAbcOptions } from './scenarioAbcProblem.js';
