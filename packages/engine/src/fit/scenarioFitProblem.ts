import type { ModelPlugin } from '../model/types.js';
import {
  compileObservationModel,
  noiseLogCdf,
  noiseLogLikelihood,
  noiseResidual,
  parseObservationModel,
  sampleMeasurement,
  type CompiledObservation,
  type NoiseValues,
} from '../observation/index.js';
import { createRng } from '../rng/index.js';
import { ReplicateRun, type ModelLookup } from '../run/index.js';
import type { ObservedDataset } from '../schema/index.js';
import { ValidationError, type ValidationIssue } from '../validation/index.js';
import { checkFitParameters, checkTheta, type FitParameterTarget } from './checkFitParameters.js';
import { prepareExperiment, type FitExperiment, type PreparedExperiment } from './fitExperiment.js';
import type { FitEvaluation, FitParameter, FitProblem } from './fitProblem.js';

export type { FitExperiment } from './fitExperiment.js';

/** The random stream of `resample(θ, seed)`: `createRng(seed, FIT_RESAMPLE_STREAM)`, one no replicate uses. */
export const FIT_RESAMPLE_STREAM = 0x666974; // "fit"

/** What `scenarioFitProblem` builds a likelihood from. */
export interface ScenarioFitOptions {
  /** The model. */
  readonly plugin: ModelPlugin;
  /** The arms: each a scenario and the data measured under it; the parameters are shared. */
  readonly experiments: readonly FitExperiment[];
  /** The observation model (schema/observation-model.schema.json). */
  readonly observation: unknown;
  /** The parameters to estimate: model parameters and the noise parameters the observation model names. */
  readonly parameters: readonly FitParameter[];
  /** Finds partner models of a coupled scenario by id. */
  readonly partners?: ModelLookup;
}

/** The model's predictions of each dataset at θ, in the measured quantity. */
export interface DatasetPrediction {
  /** Index of the experiment. */
  readonly experiment: number;
  /** Index of the dataset in the experiment's data. */
  readonly dataset: number;
  /** The predicted values, one per measurement of the dataset, in its order. */
  readonly predicted: Float64Array;
}

/** A FitProblem over a model's scenarios, with the data and predictions a plot of the fit needs. */
export interface ScenarioFitProblem extends FitProblem {
  /** The observed datasets, per experiment. */
  readonly data: readonly (readonly ObservedDataset[])[];
  /** The predictions of every dataset at θ. */
  predict(theta: Float64Array): DatasetPrediction[];
  /** The same problem fitted to synthetic data drawn at θ (see FitProblem.resample). */
  resample(theta: Float64Array, seed: number): ScenarioFitProblem;
}

/** Runs `read`; a ValidationError it throws is thrown again as the fit's, with its paths under `field`. */
function underField<T>(field: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    throw new ValidationError(
      'fit',
      error.issues.map((issue) => ({ path: issue.path ? `${field}.${issue.path}` : field, message: issue.message })),
    );
  }
}

/** The noise parameter ids an observation model refers to (the strings among its noise values). */
function noiseParameterIds(observation: unknown): Set<string> {
  const ids = new Set<string>();
  for (const entry of parseObservationModel(observation).observations) {
    for (const [field, value] of Object.entries(entry.noise)) {
      if (field !== 'kind' && typeof value === 'string') ids.add(value);
    }
  }
  return ids;
}

/**
 * Builds the likelihood of observed data under an ODE model: −log L(θ) = −Σ log p(y | f(θ)) over every
 * measurement of every experiment, where f is the observation model's expression of the model's observables,
 * simulated at exactly the measurement times, and p its noise model (a measurement at or below its detection limit
 * contributes log P(Y ≤ limit)). Residuals come with each evaluation when every measurement is Gaussian or
 * log-normal with a fixed σ and none is censored. Throws one ValidationError naming every problem: unknown
 * parameter ids, bounds outside the manifest's range, observables the observation model does not know, names the
 * model does not have, times outside the run, data impossible under the noise model.
 */
export function scenarioFitProblem(options: ScenarioFitOptions): ScenarioFitProblem {
  const { plugin, parameters } = options;
  const { manifest } = plugin;
  const noiseIds = underField('observation', () => noiseParameterIds(options.observation));
  const targets = checkFitParameters(parameters, manifest, noiseIds);
  const noiseIndex = new Map(parameters.flatMap((p, i) => (targets[i].kind === 'noise' ? [[p.id, i] as const] : [])));
  const observations = underField('observation', () =>
    compileObservationModel(options.observation, {
      observables: manifest.observables.map((o) => o.id),
      parameters: manifest.parameters.map((p) => p.id),
      noiseParameters: noiseIndex,
    }),
  );
  const issues: ValidationIssue[] = [];
  if (!Array.isArray(options.experiments) || options.experiments.length === 0) {
    issues.push({ path: 'experiments', message: 'must hold at least one experiment (a scenario and its data)' });
  }
  const prepared = (Array.isArray(options.experiments) ? options.experiments : []).map((e, i) =>
    prepareExperiment(i, e, plugin, observations, issues, options.partners),
  );
  if (issues.length > 0) throw new ValidationError('fit', issues);
  return buildProblem(options, targets, observations, prepared as PreparedExperiment[]);
}

function buildProblem(
  options: ScenarioFitOptions,
  targets: readonly FitParameterTarget[],
  observations: readonly CompiledObservation[],
  experiments: readonly PreparedExperiment[],
): ScenarioFitProblem {
  const { plugin, parameters } = options;
  const { manifest } = plugin;
  const observationCount = experiments.reduce((n, e) => n + e.points.length, 0);
  const leastSquares =
    experiments.every((e) => e.points.every((p) => !p.censored)) &&
    experiments.every((e) =>
      e.points.every((p) => {
        const o = observations[p.observation];
        return (o.kind === 'gaussian' || o.kind === 'lognormal') && !o.estimatesNoise;
      }),
    );

  /** Runs every experiment at θ and calls `visit` with each point's prediction and noise values. */
  const eachPrediction = (
    theta: Float64Array,
    visit: (experiment: number, pointIndex: number, f: number, noise: NoiseValues) => void,
  ): void => {
    checkTheta(theta, parameters);
    const noise = observations.map((o) => o.noiseValues(theta));
    experiments.forEach((experiment, e) => {
      const values = { ...experiment.scenario.parameters };
      targets.forEach((target, i) => {
        if (target.kind === 'model') values[manifest.parameters[target.index].id] = theta[i];
      });
      const run = new ReplicateRun({ ...experiment.scenario, parameters: values }, 0, undefined, experiment.times);
      const result = run.runToEnd();
      const columns = manifest.observables.map((o) => result.observables[o.id]);
      const p = Float64Array.from(manifest.parameters, (spec) => values[spec.id]);
      const row = new Float64Array(columns.length);
      let lastSample = -1;
      experiment.points.forEach((point, k) => {
        if (point.sample !== lastSample) {
          for (let j = 0; j < columns.length; j++) row[j] = columns[j][point.sample];
          lastSample = point.sample;
        }
        const f = observations[point.observation].predict(row, p, experiment.times[point.sample]);
        visit(e, k, f, noise[point.observation]);
      });
    });
  };

  const problem: ScenarioFitProblem = {
    parameters,
    observationCount,
    data: experiments.map((e) => e.data),
    evaluate(theta: Float64Array): FitEvaluation {
      let logLikelihood = 0;
      const residuals = leastSquares ? new Float64Array(observationCount) : undefined;
      let r = 0;
      eachPrediction(theta, (e, k, f, noise) => {
        const point = experiments[e].points[k];
        const { kind } = observations[point.observation];
        logLikelihood += point.censored
          ? noiseLogCdf(kind, point.limit as number, f, noise)
          : noiseLogLikelihood(kind, point.value, f, noise);
        if (residuals) residuals[r++] = noiseResidual(kind, point.value, f, noise) as number;
      });
      const negLogLikelihood = Number.isNaN(logLikelihood) ? Number.POSITIVE_INFINITY : -logLikelihood;
      return residuals ? { negLogLikelihood, residuals } : { negLogLikelihood };
    },
    predict(theta: Float64Array): DatasetPrediction[] {
      const out = experiments.flatMap((experiment, e) =>
        experiment.data.map((d, j) => ({ experiment: e, dataset: j, predicted: new Float64Array(d.time.length) })),
      );
      const offsets = experiments.map((_, e) => out.findIndex((o) => o.experiment === e));
      const positions = experiments.map((experiment) => datasetPositions(experiment));
      eachPrediction(theta, (e, k, f) => {
        const point = experiments[e].points[k];
        out[offsets[e] + point.dataset].predicted[positions[e][k]] = f;
      });
      return out;
    },
    resample(theta: Float64Array, seed: number): ScenarioFitProblem {
      const rng = createRng(seed, FIT_RESAMPLE_STREAM);
      const values = experiments.map((experiment) => experiment.data.map((d) => [...d.values]));
      const positions = experiments.map((experiment) => datasetPositions(experiment));
      eachPrediction(theta, (e, k, f, noise) => {
        const point = experiments[e].points[k];
        const observation = observations[point.observation];
        let y = sampleMeasurement(observation.kind, f, noise, rng);
        if (observation.censor && point.limit !== null && y <= point.limit) y = point.limit;
        values[e][point.dataset][positions[e][k]] = y;
      });
      const again = experiments.map((experiment, e) => {
        const data = experiment.data.map((d, j) => ({
          ...d,
          values: values[e][j],
          source: `${d.source} (resampled at θ, seed ${seed})`,
        }));
        return { ...experiment, data, points: rebuildPoints(experiment, data, observations) };
      });
      return buildProblem(options, targets, observations, again);
    },
  };
  return problem;
}

/** Each point's position within its dataset (points are laid out dataset by dataset, in order). */
function datasetPositions(experiment: PreparedExperiment): number[] {
  const next = new Map<number, number>();
  return experiment.points.map((p) => {
    const k = next.get(p.dataset) ?? 0;
    next.set(p.dataset, k + 1);
    return k;
  });
}

/** The points of an experiment with new values (same times and limits), censoring recomputed. */
function rebuildPoints(
  experiment: PreparedExperiment,
  data: readonly ObservedDataset[],
  observations: readonly CompiledObservation[],
): PreparedExperiment['points'] {
  const positions = datasetPositions(experiment);
  return experiment.points.map((p, k) => {
    const value = data[p.dataset].values[positions[k]];
    const censored = observations[p.observation].censor && p.limit !== null && value <= p.limit;
    return { ...p, value, censored };
  });
}
