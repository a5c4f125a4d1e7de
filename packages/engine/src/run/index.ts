export * from './resolveScenario.js';
export * from './schedule.js';
export * from './simulation.js';
export * from './replicateRun.js';
export * from './runInChunks.js';
export * from './ensembleSummary.js';
export * from './runScenario.js';
export * from './scenarioRunError.js';
