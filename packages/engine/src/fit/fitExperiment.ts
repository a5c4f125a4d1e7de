import { timeConversionFactor } from '../data/timeUnits.js';
import type { ModelPlugin } from '../model/types.js';
import { isPossibleMeasurement, type CompiledObservation } from '../observation/index.js';
import { resolveScenario, type ModelLookup, type ResolvedScenario } from '../run/index.js';
import { ObservedDatasetSchema, type ObservedDataset } from '../schema/index.js';
import {
  describeValue,
  isPlainObject,
  SchemaValidator,
  ValidationError,
  type ValidationIssue,
} from '../validation/index.js';

const datasetValidator = new SchemaValidator(ObservedDatasetSchema, 'observed dataset');

/** One arm of a fit: a scenario (its interventions, initial state, duration) and the data measured under it. */
export interface FitExperiment {
  /** The scenario document (validated against the model; method "ode"). */
  readonly scenario: unknown;
  /** The datasets measured in this arm, each naming an observable of the observation model. */
  readonly data: readonly ObservedDataset[];
}

/** One measurement, placed: which dataset and observation entry, at which sample, its value and its limit. */
export interface FitPoint {
  /** Index of its dataset in the experiment's `data`. */
  readonly dataset: number;
  /** Index of its observation entry. */
  readonly observation: number;
  /** Index of its time among the experiment's sample times. */
  readonly sample: number;
  /** The measured value. */
  readonly value: number;
  /** Its detection limit (null: none). */
  readonly limit: number | null;
  /** Whether it counts as censored (censoring on, a limit, value ≤ limit). */
  readonly censored: boolean;
}

/** An experiment checked and laid out for evaluation. */
export interface PreparedExperiment {
  /** The resolved scenario. */
  readonly scenario: ResolvedScenario;
  /** The distinct measurement times in the model's time unit, increasing: the run samples exactly there. */
  readonly times: Float64Array;
  /** Every measurement. */
  readonly points: readonly FitPoint[];
  /** The datasets, as given. */
  readonly data: readonly ObservedDataset[];
}

/** Each point's detection limit: per-point limits override the dataset's one. */
function limitsOf(dataset: ObservedDataset): (number | null)[] {
  return dataset.time.map((_, k) =>
    dataset.detectionLimits ? dataset.detectionLimits[k] : (dataset.detectionLimit ?? null),
  );
}

/**
 * Resolves an experiment's scenario and places its data: each dataset's observable must have an observation entry,
 * its times (converted from its `timeUnit` to the model's) must lie within the run, its arrays must match in length,
 * and its values must be possible under the noise model. Appends issues (paths under `experiments[i]`) and returns
 * undefined when there are any.
 */
export function prepareExperiment(
  index: number,
  experiment: FitExperiment,
  plugin: ModelPlugin,
  observations: readonly CompiledObservation[],
  issues: ValidationIssue[],
  partners?: ModelLookup,
): PreparedExperiment | undefined {
  const base = `experiments[${index}]`;
  const before = issues.length;
  if (!isPlainObject(experiment)) {
    issues.push({
      path: base,
      message: `must be an object with a scenario and its data; got ${describeValue(experiment)}`,
    });
    return undefined;
  }
  let scenario: ResolvedScenario | undefined;
  try {
    scenario = resolveScenario(plugin, experiment.scenario, partners);
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    issues.push(...error.issues.map((issue) => ({ path: `${base}.scenario.${issue.path}`, message: issue.message })));
    return undefined;
  }
  if (scenario.method !== 'ode') {
    issues.push({
      path: `${base}.scenario.method`,
      message: `"${scenario.method}" gives a random likelihood; allowed: "ode" (fit stochastic twins by ABC)`,
    });
  }
  if (!Array.isArray(experiment.data) || experiment.data.length === 0) {
    issues.push({ path: `${base}.data`, message: 'must hold at least one observed dataset' });
    return undefined;
  }
  const entry = new Map(observations.map((o, i) => [o.observable, i]));
  const { timeUnit } = plugin.manifest;
  const placed: { dataset: number; observation: number; time: number; value: number; limit: number | null }[] = [];
  experiment.data.forEach((dataset, d) => {
    const path = `${base}.data[${d}]`;
    const schemaIssues = datasetValidator.issues(dataset);
    if (schemaIssues.length > 0) {
      issues.push(...schemaIssues.map((issue) => ({ path: `${path}.${issue.path}`, message: issue.message })));
      return;
    }
    const observation = entry.get(dataset.observable);
    if (observation === undefined) {
      issues.push({
        path: `${path}.observable`,
        message: `"${dataset.observable}" has no entry in the observation model; allowed: ${[...entry.keys()].join(', ')}`,
      });
      return;
    }
    const n = dataset.time.length;
    for (const field of ['values', 'sd', 'detectionLimits'] as const) {
      const array = dataset[field];
      if (array !== undefined && array.length !== n) {
        issues.push({ path: `${path}.${field}`, message: `has ${array.length} items; allowed: ${n}, one per time` });
      }
    }
    const factor = timeConversionFactor(dataset.timeUnit ?? timeUnit, timeUnit);
    if (factor === undefined) {
      issues.push({
        path: `${path}.timeUnit`,
        message: `${describeValue(dataset.timeUnit)} does not convert to the model's time unit "${timeUnit}"`,
      });
      return;
    }
    if (issues.length > before) return;
    const limits = limitsOf(dataset);
    const { kind, censor } = observations[observation];
    dataset.time.forEach((t: number, k: number) => {
      const time = t * factor;
      if (scenario && !(time >= 0 && time <= scenario.duration)) {
        issues.push({
          path: `${path}.time[${k}]`,
          message: `${t}${dataset.timeUnit ? ` ${dataset.timeUnit}` : ''} is outside the run; allowed: 0 to ${scenario.duration / factor} (the scenario's duration, ${scenario.duration} ${timeUnit})`,
        });
      }
      const value = dataset.values[k];
      const limit = limits[k];
      const censored = censor && limit !== null && value <= limit;
      if (!censored && !isPossibleMeasurement(kind, value)) {
        issues.push({
          path: `${path}.values[${k}]`,
          message: `${value} is not possible under ${kind} noise; allowed: ${kind === 'lognormal' ? 'values > 0 (or at or below a detection limit)' : 'whole numbers ≥ 0'}`,
        });
      }
      placed.push({ dataset: d, observation, time, value, limit });
    });
  });
  if (issues.length > before || !scenario) return undefined;
  const times = Float64Array.from(new Set(placed.map((p) => p.time))).sort();
  const sampleOf = new Map(Array.from(times, (t, i) => [t, i]));
  const points = placed.map((p): FitPoint => {
    const censored = observations[p.observation].censor && p.limit !== null && p.value <= p.limit;
    return {
      dataset: p.dataset,
      observation: p.observation,
      sample: sampleOf.get(p.time) as number,
      value: p.value,
      limit: p.limit,
      censored,
    };
  });
  return { scenario, times, points, data: experiment.data };
}
