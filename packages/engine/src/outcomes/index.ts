/** Per-run outcome summaries (peak, time to peak, clearance time, AUC, final value), each defined once. */
export { peakIndex, peakValue, timeToPeak } from './peak.js';
export { clearanceTime } from './clearanceTime.js';
export { areaUnderCurve, type AreaOptions } from './areaUnderCurve.js';
export { finalValue } from './finalValue.js';
export {
  OUTCOMES,
  outcome,
  outcomeDefinition,
  outcomeUnit,
  type OutcomeDefinition,
  type OutcomeName,
  type OutcomeOptions,
} from './registry.js';
export {
  outcomeLabel,
  outcomeValues,
  peakOutcomes,
  requestedOutcomeUnit,
  type OutcomeModel,
  type OutcomeRequest,
} from './outcomeRequest.js';
