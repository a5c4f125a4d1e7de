/**
 * Fitting twins to data, DOM-free: the `FitProblem` contract between the likelihood side and the estimation side,
 * and the estimation side over it — Levenberg–Marquardt and Nelder–Mead within bounds on the parameters' scales,
 * multi-start from a Latin hypercube, profile-likelihood and parametric-bootstrap intervals, AICc, and the fit
 * result format.
 */
export * from './fitProblem.js';
export { ParameterScaling } from './parameterScaling.js';
export { FitObjective, type EvaluationControl, type ScaledEvaluation } from './fitObjective.js';
export { localFit, localFitSettings, type LocalFit, type LocalFitOptions, type LocalMethod } from './localFit.js';
export { bestStart, FitFailedError, fitFromStart, multiStartPoints, type StartResult } from './multiStart.js';
export { fixedParameterProblem } from './fixedParameterProblem.js';
export { chiSquare1Quantile } from './chiSquare.js';
export {
  profileLikelihood,
  type ParameterProfile,
  type ProfileEnd,
  type ProfileOptions,
  type ProfilePoint,
} from './profileLikelihood.js';
export { parametricBootstrap, percentileIntervals, type BootstrapOptions, type BootstrapResult } from './bootstrap.js';
export {
  bootstrapSeed,
  createInlineTaskRunner,
  runFitTask,
  type FitTask,
  type FitTaskResult,
  type FitTaskRunner,
} from './fitTasks.js';
export { aicc, compareByAicc, type AiccComparison } from './aicc.js';
export {
  FIT_RESULT_VERSION,
  FitParameterResultSchema,
  FitProfileSchema,
  FitResultSchema,
  FitStartSchema,
  parseFitResult,
  type FitParameterResult,
  type FitResult,
  type FitStart,
} from './fitResult.js';
export { estimateParameters, type EstimateOptions, type FitProgress } from './estimateParameters.js';
export * from './checkFitParameters.js';
export * from './fitExperiment.js';
export * from './scenarioFitProblem.js';
export { fitCurve, FIT_CURVE_POINTS, type FitCurve, type FitCurveOptions } from './fitCurve.js';
