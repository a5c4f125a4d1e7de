export * from './fitProblem.js';
export * from './checkFitParameters.js';
export * from './fitExperiment.js';
export * from './scenarioFitProblem.js';
