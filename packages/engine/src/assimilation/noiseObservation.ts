import { rejectField } from '../design/designArgumentError.js';
import {
  isContinuousNoise,
  noiseLogCdf,
  noiseLogLikelihood,
  type NoiseKind,
  type NoiseValues,
} from '../observation/noiseModels.js';
import type { ObservationLogLikelihood } from './stateSpaceModel.js';

/** The noise of one measured quantity, as the filters' observation model. */
export interface MeasurementNoise {
  /** The noise model's kind (gaussian, lognormal, student-t, poisson, negative-binomial). */
  readonly kind: NoiseKind;
  /** Its parameters (those the kind does not read are ignored). */
  readonly noise: NoiseValues;
  /** A value at or below this limit is left-censored: it counts as P(Y ≤ limit) (continuous kinds only). */
  readonly detectionLimit?: number;
}

/**
 * The observation log-likelihood of the filters from the observation models' noise (`observation/`): the sum over
 * the measured quantities of log p(y_j | predicted_j), or log P(Y_j ≤ limit) for a value censored at its detection
 * limit; NaN values (not measured) add nothing.
 */
export function noiseObservationLikelihood(measurements: readonly MeasurementNoise[]): ObservationLogLikelihood {
  measurements.forEach((m, j) => {
    if (m.detectionLimit !== undefined && !isContinuousNoise(m.kind)) {
      rejectField(`measurements[${j}].detectionLimit`, m.detectionLimit, `absent for ${m.kind} counts`);
    }
  });
  return (predicted, observed) => {
    let sum = 0;
    measurements.forEach((m, j) => {
      const y = observed[j];
      if (Number.isNaN(y)) return;
      sum +=
        m.detectionLimit !== undefined && y <= m.detectionLimit
          ? noiseLogCdf(m.kind, m.detectionLimit, predicted[j], m.noise)
          : noiseLogLikelihood(m.kind, y, predicted[j], m.noise);
    });
    return sum;
  };
}
