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
export { censoredPseudoObservation, type CensoredPseudoObservation } from './censoredObservation.js';
export { kalmanFilter, type KalmanFilterResult, type LinearGaussianModel } from './kalmanFilter.js';
export { systematicResample } from './resampling.js';
export {
  FORECAST_QUANTILES,
  forecastEnsemble,
  forecastStart,
  forecastTimes,
  type Forecast,
  type ForecastOptions,
  type ForecastTrajectory,
} from './forecast.js';
export { counterfactual, type Counterfactual, type CounterfactualOptions } from './counterfactual.js';
export {
  FORECAST_BATCH,
  inlineForecastRunner,
  runForecastMembers,
  type ForecastMemberRunner,
  type ForecastMembers,
  type ForecastMembersResult,
} from './forecastMembers.js';
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
export { scenarioTwin, type AssimilationSpec, type ScenarioTwin } from './scenarioTwin.js';
export {
  assimilateScenario,
  ensembleInterval,
  filterObservations,
  type AssimilateScenarioOptions,
  type AssimilationStepSummary,
  type CredibleInterval,
  type ScenarioAssimilation,
} from './assimilateScenario.js';
export {
  ASSIMILATION_RESULT_VERSION,
  AssimilationResultSchema,
  AssimilationStepSchema,
  ForecastSummarySchema,
  assimilationResultDocument,
  forecastToJson,
  parseAssimilationResult,
  type AssimilationAbout,
  type AssimilationResult,
  type ForecastSummaryJson,
} from './assimilationResult.js';
