export * from './compactorLevels.js';
export * from './sketchBank.js';
export * from './momentBank.js';
export * from './ensembleAggregate.js';
export * from './aggregateState.js';
