/**
 * Observed datasets as the filters take them: one observation per distinct time, the `log10(X)` entries of an
 * observation model as X on a floored log10 scale, and the Gaussian σ of each entry as the ensemble Kalman filter's
 * observation sd. Shared by the kernel's `twin.assimilate` and the fit widget's worker.
 */
import { timeConversionFactor } from '../data/timeUnits.js';
import type { ObservedDataset } from '../schema/observed.js';
import type { CompiledObservation } from '../observation/compileObservationModel.js';
import type { ResolvedScenario } from '../run/resolveScenario.js';
import { compileNetworkObservations } from './networkObservations.js';
import { networkStateSpace, type EstimatedParameter, type MeasuredObservable } from './networkStateSpace.js';
import type { Observation, ObservationLogLikelihood, StateSpaceModel } from './stateSpaceModel.js';

/** The data as the filters' observations: one per distinct time (model unit), NaN where a quantity is not measured. */
export function filterObservations(
  data: readonly ObservedDataset[],
  measured: readonly string[],
  timeUnit: string,
): { observations: Observation[]; detectionLimits: Record<string, number> } {
  const byTime = new Map<number, Float64Array>();
  const detectionLimits: Record<string, number> = {};
  for (const dataset of data) {
    const k = measured.indexOf(dataset.observable);
    const factor = dataset.timeUnit ? (timeConversionFactor(dataset.timeUnit, timeUnit) ?? 1) : 1;
    if (dataset.detectionLimit !== undefined) detectionLimits[dataset.observable] = dataset.detectionLimit;
    dataset.time.forEach((t, i) => {
      const time = t * factor;
      const values = byTime.get(time) ?? new Float64Array(measured.length).fill(NaN);
      values[k] = dataset.values[i]!;
      byTime.set(time, values);
    });
  }
  const observations = [...byTime.entries()].sort((a, b) => a[0] - b[0]).map(([time, values]) => ({ time, values }));
  return { observations, detectionLimits };
}

/** A floor for log10 of a measured amount (its unit): below any titre measured, and keeps an emptied member finite. */
export const LOG10_FLOOR = 1e-3;

/**
 * `log10(X)` entries as the observable X on log10 scale with a floor ({@link LOG10_FLOOR}): an ensemble Kalman
 * update can move a member's X to zero, where log10 has no value and the update fails.
 */
export function flooredMeasured(
  measured: readonly CompiledObservation[],
): (CompiledObservation | MeasuredObservable)[] {
  return measured.map((m) => {
    const inner = /^\s*log10\(\s*([A-Za-z_][A-Za-z0-9_]*)\s*\)\s*$/.exec(m.spec.expression ?? '')?.[1];
    return inner === undefined ? m : { observable: inner, log10Floor: LOG10_FLOOR };
  });
}

/**
 * The Gaussian σ of each entry of an observation model (the EnKF's observation sd); other noise is refused with a
 * RangeError naming the entry (`where` starts the message, e.g. `twin.assimilate`).
 */
export function gaussianObservationSd(observation: unknown, where: string): number[] {
  const entries = (observation as { observations: { observable: string; noise: { kind: string; sigma?: unknown } }[] })
    .observations;
  return entries.map((entry, i) => {
    if (entry.noise.kind !== 'gaussian' || typeof entry.noise.sigma !== 'number') {
      throw new RangeError(
        `${where}: observation.observations[${i}].noise: the ensemble Kalman filter needs Gaussian noise with a fixed sigma; got ${JSON.stringify(entry.noise)}`,
      );
    }
    return entry.noise.sigma;
  });
}

/** A network twin as the filters see observed data: its state-space model, the observations and their likelihood. */
export interface ObservedStateSpace {
  /** The state-space model (the measured quantities floored on log10 where the entry is `log10(X)`). */
  readonly model: StateSpaceModel;
  /** The data, one observation per distinct time (model time unit). */
  readonly observations: Observation[];
  /** The measured quantities as the model predicts them. */
  readonly measured: (CompiledObservation | MeasuredObservable)[];
  /** The measured quantities' names in the data, in the model's `measured` order. */
  readonly names: string[];
  /** The observation model's log-likelihood (the particle filter's weights), with the data's detection limits. */
  readonly logLikelihood: ObservationLogLikelihood;
}

/**
 * The state-space model of a network scenario for observed data: the observation model compiled over the network,
 * the data gathered by time, and `estimate` carried as state. Throws the observation model's ValidationError.
 */
export function observedStateSpace(
  scenario: ResolvedScenario,
  observation: unknown,
  data: readonly ObservedDataset[],
  estimate: readonly EstimatedParameter[],
): ObservedStateSpace {
  const names = compileNetworkObservations(scenario, observation).measured.map((m) => m.observable);
  const { observations, detectionLimits } = filterObservations(data, names, scenario.plugin.manifest.timeUnit);
  const compiled = compileNetworkObservations(scenario, observation, detectionLimits);
  const measured = flooredMeasured(compiled.measured);
  const model = networkStateSpace(scenario, { measured, estimate });
  return { model, observations, measured, names, logLikelihood: compiled.logLikelihood };
}
