import { exp } from '../math/portableMath.js';
import { timeConversionFactor } from '../data/timeUnits.js';
import { rejectField } from '../design/designArgumentError.js';
import type { ModelPlugin } from '../model/types.js';
import type { ObservedDataset } from '../schema/index.js';
import { weightedQuantile } from '../stats/weights.js';
import { compileNetworkObservations } from './networkObservations.js';
import { ensembleKalmanFilter } from './ensembleKalmanFilter.js';
import { particleFilter } from './particleFilter.js';
import { scenarioTwin, type AssimilationSpec, type ScenarioTwin } from './scenarioTwin.js';
import type { Ensemble, FilterProgress, Observation } from './stateSpaceModel.js';
import { resolveScenario } from '../run/resolveScenario.js';

/** A posterior summary: the median and the 90 % credible interval (weighted quantiles 0.05 and 0.95). */
export interface CredibleInterval {
  readonly median: number;
  readonly lower: number;
  readonly upper: number;
}

/** The filter after one observation: what a person follows day by day. */
export interface AssimilationStepSummary {
  /** The observation's time (model time unit). */
  readonly time: number;
  /** What was measured then, by measured quantity (null: not measured at this time). */
  readonly observed: Readonly<Record<string, number | null>>;
  /** The filter's log p(y_k | y_1 … y_{k−1}) (the EnKF's Gaussian approximation, or the particle filter's estimate). */
  readonly logLikelihood: number;
  /** The particle filter's effective sample size after weighting (the EnKF's members are equally weighted: n). */
  readonly effectiveSampleSize: number;
  /** Each measured quantity as the updated twin predicts it at this time. */
  readonly predicted: Readonly<Record<string, CredibleInterval>>;
  /** Each estimated parameter's posterior given the data so far (on its own scale, not ln). */
  readonly parameters: Readonly<Record<string, CredibleInterval>>;
}

/** How {@link assimilateScenario} runs. */
export interface AssimilateScenarioOptions {
  /** Members of the ensemble (default 200 for the EnKF, 1000 particles). */
  readonly members?: number;
  /** Root seed of the filter (default 1). */
  readonly seed?: number;
  /** The EnKF's inflation (default 1: none). */
  readonly inflation?: number;
  /** Assimilate only observations at or before this time (model time unit): "today". */
  readonly until?: number;
  /** Cancels the filter at the next member. */
  readonly signal?: AbortSignal;
  /** The filter's progress (after every member and every observation). */
  readonly onProgress?: (progress: FilterProgress) => void;
  /** Called with each observation's summary as soon as it is assimilated (k from 0, of `total`). */
  readonly onStep?: (step: AssimilationStepSummary, k: number, total: number) => void;
}

/** What {@link assimilateScenario} gives. */
export interface ScenarioAssimilation {
  /** The spec the twin was built from, with the data's detection limits (pass it to pool workers for forecasts). */
  readonly spec: AssimilationSpec;
  /** The twin's state-space model and observation model. */
  readonly twin: ScenarioTwin;
  /** The filter's root seed. */
  readonly seed: number;
  /** 'enkf' for an ODE scenario, 'particle' for a stochastic one. */
  readonly method: 'enkf' | 'particle';
  /** The observations assimilated, one per distinct time. */
  readonly observations: readonly Observation[];
  /** The updated ensemble at the last observation (the prior at the start when there was none). */
  readonly ensemble: Ensemble;
  /** Σ of the steps' log-likelihoods. */
  readonly logLikelihood: number;
  /** One summary per observation. */
  readonly steps: readonly AssimilationStepSummary[];
}

/**
 * The data as the filters' observations: one per distinct time (in `timeUnit`), with a value per measured quantity
 * (NaN where it was not measured), and each measured quantity's detection limit. A dataset whose observable is not
 * measured is refused, naming it and what is.
 */
export function filterObservations(
  data: readonly ObservedDataset[],
  measured: readonly string[],
  timeUnit: string,
): { observations: Observation[]; detectionLimits: Record<string, number> } {
  const byTime = new Map<number, Float64Array>();
  const detectionLimits: Record<string, number> = {};
  data.forEach((dataset, d) => {
    const k = measured.indexOf(dataset.observable);
    if (k < 0) {
      rejectField(
        `data[${d}].observable`,
        dataset.observable,
        `a quantity of the observation model (${measured.join(', ')})`,
      );
    }
    const factor = dataset.timeUnit ? timeConversionFactor(dataset.timeUnit, timeUnit) : 1;
    if (factor === undefined)
      rejectField(`data[${d}].timeUnit`, dataset.timeUnit, `a time unit convertible to ${timeUnit}`);
    if (dataset.detectionLimit !== undefined) detectionLimits[dataset.observable] = dataset.detectionLimit;
    dataset.time.forEach((t, i) => {
      const time = t * factor;
      const values = byTime.get(time) ?? new Float64Array(measured.length).fill(NaN);
      values[k] = dataset.values[i]!;
      byTime.set(time, values);
    });
  });
  const observations = [...byTime.entries()].sort((a, b) => a[0] - b[0]).map(([time, values]) => ({ time, values }));
  return { observations, detectionLimits };
}

/** Component `k` of a (weighted) ensemble's members: its median and 90 % interval, through `map`. */
export function ensembleInterval(
  ensemble: Ensemble,
  k: number,
  map: (x: number) => number = (x) => x,
): CredibleInterval {
  const n = ensemble.weights.length;
  const values = Float64Array.from({ length: n }, (_, i) => map(ensemble.states[i * ensemble.dimension + k]!));
  const at = (q: number) => weightedQuantile(values, ensemble.weights, q);
  return { median: at(0.5), lower: at(0.05), upper: at(0.95) };
}

/** The summary of one filter step (see {@link AssimilationStepSummary}). */
function stepSummary(
  twin: ScenarioTwin,
  observation: Observation,
  step: { readonly ensemble: Ensemble; readonly logLikelihood: number; readonly effectiveSampleSize?: number },
): AssimilationStepSummary {
  const { model, estimate } = twin;
  const { ensemble } = step;
  const n = ensemble.weights.length;
  const d = ensemble.dimension;
  const m = model.measured.length;
  const predictions: Ensemble = {
    time: ensemble.time,
    dimension: m,
    states: new Float64Array(n * m),
    weights: ensemble.weights,
  };
  for (let i = 0; i < n; i++) {
    model.predict(
      ensemble.states.subarray(i * d, (i + 1) * d),
      ensemble.time,
      predictions.states.subarray(i * m, (i + 1) * m),
    );
  }
  const species = d - estimate.length;
  return {
    time: observation.time,
    observed: Object.fromEntries(
      model.measured.map((id, j) => [id, Number.isNaN(observation.values[j]!) ? null : observation.values[j]!]),
    ),
    logLikelihood: step.logLikelihood,
    effectiveSampleSize: step.effectiveSampleSize ?? n,
    predicted: Object.fromEntries(model.measured.map((id, j) => [id, ensembleInterval(predictions, j)])),
    parameters: Object.fromEntries(estimate.map((e, k) => [e.id, ensembleInterval(ensemble, species + k, exp)])),
  };
}

/**
 * Assimilates a patient's data into a twin, observation by observation: an ensemble Kalman filter for an ODE scenario
 * (the observation model's noise must be Gaussian with a fixed σ), a particle filter for an 'ssa' or 'tau-leaping'
 * one, carrying the estimated parameters as state. The data's detection limits censor, in both filters. The one
 * definition of this set-up for the CLI's `immunotwin assimilate` and a notebook's `twin.assimilate`.
 */
export async function assimilateScenario(
  plugin: ModelPlugin,
  spec: AssimilationSpec,
  data: readonly ObservedDataset[],
  options: AssimilateScenarioOptions = {},
): Promise<ScenarioAssimilation> {
  const scenario = resolveScenario(plugin, spec.scenario);
  const method = scenario.method === 'ode' ? 'enkf' : 'particle';
  if (method === 'enkf' && Object.keys(spec.estimate ?? {}).length === 0) {
    rejectField(
      'estimate',
      '{}',
      `at least one parameter for an ODE twin (its only uncertainty), e.g. { ${plugin.manifest.parameters[0]?.id ?? 'beta'}: 1 } (the prior sd of its ln)`,
    );
  }
  const measured = compileNetworkObservations(scenario, spec.observation).measured.map((m) => m.observable);
  const all = filterObservations(data, measured, plugin.manifest.timeUnit);
  const until = options.until;
  if (until !== undefined && !Number.isFinite(until)) rejectField('until', until, 'a finite time');
  const observations = until === undefined ? all.observations : all.observations.filter((o) => o.time <= until);
  const full: AssimilationSpec = { ...spec, detectionLimits: { ...all.detectionLimits, ...spec.detectionLimits } };
  const twin = scenarioTwin(plugin, full);
  const seed = options.seed ?? 1;
  const steps: AssimilationStepSummary[] = [];
  const onStep = (step: Parameters<typeof stepSummary>[2], k: number): void => {
    steps.push(stepSummary(twin, observations[k]!, step));
    options.onStep?.(steps[k]!, k, observations.length);
  };
  const run = { seed, signal: options.signal, onProgress: options.onProgress, onStep };
  const done = { spec: full, twin, seed, observations, steps };
  if (method === 'enkf') {
    const observationSd = twin.observationSd;
    if (!observationSd) {
      rejectField(
        'observation.observations[].noise',
        'not Gaussian with a fixed sigma',
        "Gaussian noise with a fixed sigma for the ensemble Kalman filter (an 'ode' scenario); use a stochastic method for other noise",
      );
    }
    const result = await ensembleKalmanFilter(twin.model, observations, {
      ...run,
      members: options.members ?? 200,
      observationSd,
      detectionLimits: twin.censoringLimits,
      inflation: options.inflation,
    });
    return { ...done, method, ensemble: result.ensemble, logLikelihood: result.logLikelihood };
  }
  const result = await particleFilter(twin.model, observations, {
    ...run,
    particles: options.members ?? 1000,
    logLikelihood: twin.logLikelihood,
  });
  return { ...done, method, ensemble: result.ensemble, logLikelihood: result.logLikelihood };
}
