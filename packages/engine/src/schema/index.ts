export * from './common.js';
export * from './parameter.js';
export * from './manifest.js';
export * from './scenario.js';
export * from './results.js';
export * from './observed.js';
export * from './observationModel.js';
