/**
 * Observation models: how a measured quantity follows from the model (an expression over its observables) and
 * the noise around it (Gaussian, log-normal, Student-t, Poisson, negative binomial; censoring at detection limits),
 * with exact log-likelihoods and samplers.
 */
export * from './noiseModels.js';
export * from './compileObservationModel.js';
export * from './defaultObservation.js';
