export * from './fitProblem.js';
