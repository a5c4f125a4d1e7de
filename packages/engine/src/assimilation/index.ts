/**
 * Data assimilation for twins: a particle filter (stochastic and agent-based twins), an ensemble Kalman filter (ODE
 * twins), the exact Kalman filter (linear-Gaussian reference), forecasts with credible bands and the counterfactual
 * "start this treatment now", over a small state-space interface that engine models are adapted to.
 */
export type {
  Ensemble,
  FilterProgress,
  FilterRunOptions,
  Observation,
  ObservationLogLikelihood,
  StateSpaceModel,
} from './stateSpaceModel.js';
export {
  particleFilter,
  type FilterStep,
  type ParticleFilterOptions,
  type ParticleFilterResult,
} from './particleFilter.js';
export {
  ensembleKalmanFilter,
  type EnsembleKalmanOptions,
  type EnsembleKalmanResult,
  type EnsembleKalmanStep,
} from './ensembleKalmanFilter.js';
export { kalmanFilter, type KalmanFilterResult, type LinearGaussianModel } from './kalmanFilter.js';
export { systematicResample } from './resampling.js';
export {
  forecastEnsemble,
  forecastStart,
  type Forecast,
  type ForecastOptions,
  type ForecastTrajectory,
} from './forecast.js';
export { counterfactual, type Counterfactual } from './counterfactual.js';
export {
  networkStateSpace,
  scenarioWithIntervention,
  type EstimatedParameter,
  type MeasuredObservable,
  type NetworkStateSpaceOptions,
} from './networkStateSpace.js';
export { noiseObservationLikelihood, type MeasurementNoise } from './noiseObservation.js';
export { compileNetworkObservations } from './networkObservations.js';
export { steppedStateSpace, type SteppedStateSpace } from './steppedStateSpace.js';
export {
  filterObservations,
  flooredMeasured,
  gaussianObservationSd,
  LOG10_FLOOR,
  observedStateSpace,
  type ObservedStateSpace,
} from './observedFilter.js';
