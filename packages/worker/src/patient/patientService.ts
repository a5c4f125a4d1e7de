import {
  assimilateScenario,
  counterfactual,
  ensembleInterval,
  estimateParameters,
  findIntervention,
  FIT_CURVE_POINTS,
  fitCurve,
  type FitResult,
  type Forecast,
  forecastEnsemble,
  isBelowDetectionLimit,
  type ModelPlugin,
  observationTimes,
  parsePatientState,
  type PatientState,
  type PluginDescriptor,
  portableMath,
  type ResolvedScenario,
  scenarioFitProblem,
  scenarioTwin,
  type StateSpaceModel,
  timeConversionFactor,
  ValidationError,
} from '@immunotwin/engine';
import * as Comlink from 'comlink';
import { createAbortError } from '../abortError.js';
import { installErrorTransfer } from '../errorTransfer.js';
import { poolTaskRunner } from '../pool/fitTaskRunner.js';
import type { IFitProblemSpec } from '../pool/poolTask.js';
import type { WorkerPool } from '../pool/workerPool.js';
import { TwinSession } from '../session.js';
import type {
  IPatientForecast,
  IPatientResiduals,
  IPatientService,
  IPatientTreatedForecast,
  IPatientView,
  PatientFitListener,
} from './patientTypes.js';

/** The quantiles of a forecast's bands: the median with 50 % and 90 % credible bands. */
export const PATIENT_FORECAST_QUANTILES = [0.05, 0.25, 0.5, 0.75, 0.95];
/** Ensemble members when the state names none. */
export const PATIENT_DEFAULT_MEMBERS = 100;

/** A parameter's value for a prediction: the scenario's for a model parameter, the box's centre for a noise one. */
function valueOf(resolved: ResolvedScenario, p: PatientState['fit']['parameters'][number]): number {
  const value = resolved.parameters[p.id];
  if (value !== undefined) return value;
  return p.scale === 'log' ? Math.sqrt(p.lower * p.upper) : (p.lower + p.upper) / 2;
}

/** The part of a worker pool a patient service's fits use. */
export type PatientFitPool = Pick<WorkerPool, 'fitTasks' | 'dispose'>;

/** Options of a {@link PatientService}. */
export interface IPatientServiceOptions {
  /**
   * Makes the worker pool its fits run their tasks on (the starts, profile points and bootstrap replicates, with the
   * same results as in this thread), given the models the service knows; made at the first fit and again after new
   * models are added. Without it, fits run in the service's own thread.
   */
  readonly pool?: (plugins: readonly PluginDescriptor[]) => PatientFitPool;
}

/**
 * The worker side of `<twin-patient>`: fits a patient state's parameters to its data, and computes what the widget
 * draws for a state (the twin's curve and residuals at the scenario's values, and an ensemble Kalman filter over the
 * data up to the state's day with a forecast of the rest). DOM-free; `cancel()` stops the jobs under way between
 * evaluations (a host wanting it stopped at once terminates the worker).
 */
export class PatientService implements IPatientService {
  private readonly session = new TwinSession();
  private readonly controllers = new Set<AbortController>();
  /** The models added, for a pool's workers. */
  private readonly descriptors: PluginDescriptor[] = [];
  private pool: PatientFitPool | undefined;

  /** A service whose fits run on `options.pool`'s pool when one is given. */
  constructor(private readonly options: IPatientServiceOptions = {}) {}

  /** {@inheritDoc IPatientService.addPlugins} */
  async addPlugins(descriptors: readonly unknown[]): Promise<void> {
    await this.session.addPlugins(descriptors as never);
    this.descriptors.push(...(descriptors as PluginDescriptor[]));
    // A pool made before knows only the models before: the next fit makes a new one.
    this.pool?.dispose();
    this.pool = undefined;
  }

  /** Stops the pool's workers, if a fit made them. */
  dispose(): void {
    this.pool?.dispose();
    this.pool = undefined;
  }

  /** {@inheritDoc IPatientService.fit} */
  fit(json: unknown, onProgress?: PatientFitListener): Promise<FitResult> {
    return this.guarded(async (signal) => {
      const state = parsePatientState(json);
      const { plugin } = await this.session.resolve(state.scenario);
      const spec: IFitProblemSpec = {
        experiments: [{ scenario: state.scenario, data: state.data }],
        observation: state.fit.observation,
        parameters: state.fit.parameters,
      };
      const problem = scenarioFitProblem({ plugin, ...spec });
      const pool = this.options.pool && (this.pool ??= this.options.pool([...this.descriptors]));
      return estimateParameters(problem, {
        starts: state.fit.starts ?? 1,
        seed: state.fit.seed,
        profiles: state.fit.profiles ?? true,
        signal,
        onProgress: onProgress && ((p) => void onProgress({ ...p })),
        runTasks: pool && poolTaskRunner(pool, spec),
      });
    });
  }

  /** {@inheritDoc IPatientService.view} */
  view(json: unknown): Promise<IPatientView> {
    return this.guarded(async (signal) => {
      const state = parsePatientState(json);
      const resolved = await this.session.resolve(state.scenario);
      const { plugin } = resolved;
      const estimates = state.fit.parameters.map((p) => valueOf(resolved, p));
      const curve = fitCurve({
        plugin,
        scenario: state.scenario,
        observation: state.fit.observation,
        parameters: state.fit.parameters,
        estimates,
        data: state.data,
      });
      const residuals = this.residuals(state, resolved, estimates);
      const times = observationTimes(state.data, plugin.manifest.timeUnit);
      const { forecast, treated, posterior } = await this.forecast(state, times, curve.time, signal);
      const { id, title, timeUnit, parameters } = plugin.manifest;
      const interventions = (plugin.manifest.interventions ?? []).map(({ kind, label }) => ({ kind, label }));
      const model = { id, title, timeUnit, parameters: parameters.map((p) => p.id), interventions };
      const view: IPatientView = {
        model,
        time: curve.time,
        curve: curve.values,
        residuals,
        times,
        forecast,
        posterior,
      };
      return treated ? { ...view, treated } : view;
    });
  }

  /** {@inheritDoc IPatientService.cancel} */
  async cancel(): Promise<void> {
    for (const controller of this.controllers) controller.abort(createAbortError());
  }

  /** Runs `work` with a signal that `cancel()` aborts (jobs do not cancel one another). */
  private async guarded<T>(work: (signal: AbortSignal) => Promise<T>): Promise<T> {
    const controller = new AbortController();
    this.controllers.add(controller);
    try {
      return await work(controller.signal);
    } finally {
      this.controllers.delete(controller);
    }
  }

  /** Observed − predicted at every measurement, the prediction at `estimates`. */
  private residuals(state: PatientState, resolved: ResolvedScenario, estimates: number[]): IPatientResiduals[] {
    const problem = scenarioFitProblem({
      plugin: resolved.plugin,
      experiments: [{ scenario: state.scenario, data: state.data }],
      observation: state.fit.observation,
      parameters: state.fit.parameters,
    });
    const timeUnit = resolved.plugin.manifest.timeUnit;
    return problem.predict(Float64Array.from(estimates)).map(({ dataset, predicted }) => {
      const set = state.data[dataset]!;
      const factor = set.timeUnit ? (timeConversionFactor(set.timeUnit, timeUnit) ?? 1) : 1;
      return {
        observable: set.observable,
        time: set.time.map((t) => t * factor),
        values: set.values.map((v, k) => v - predicted[k]!),
        censored: set.values.map((_, k) => isBelowDetectionLimit(set, k)),
      };
    });
  }

  /**
   * The engine's `assimilateScenario` (an ensemble Kalman filter for the ODE twin, log-normal priors around the
   * scenario's values with the state's sd of ln θ) over the data's first `day` times, then the forecast of every member
   * from there to the end of the run; with a treatment, every member twice, without and with it (the engine's
   * `counterfactual`, whose untreated arm is this same forecast).
   */
  private async forecast(
    state: PatientState,
    times: number[],
    grid: number[],
    signal: AbortSignal,
  ): Promise<{ forecast: IPatientForecast; treated?: IPatientTreatedForecast; posterior: IPatientView['posterior'] }> {
    const seed = state.assimilate.seed ?? 1;
    // The ensemble Kalman filter is for the ODE twin, whatever method the scenario names.
    const { plugin } = await this.session.resolve(state.scenario);
    const spec = {
      scenario: { ...state.scenario, method: 'ode' },
      observation: state.fit.observation,
      estimate: state.assimilate.estimate,
    };
    // Day 0: before the first time, so nothing is assimilated and the forecast starts from the prior.
    const until = state.assimilate.day > 0 ? times[state.assimilate.day - 1]! : times[0]! - 1;
    const run = await assimilateScenario(plugin, spec, state.data, {
      members: state.assimilate.members ?? PATIENT_DEFAULT_MEMBERS,
      seed,
      until,
      signal,
    });
    const { model, estimate } = run.twin;
    const start = run.ensemble.time;
    const end = grid[grid.length - 1]!;
    const step = end / (FIT_CURVE_POINTS - 1);
    const forecastTimes = [start, ...grid.filter((t) => t > start + step / 2)];
    const options = { seed, times: forecastTimes, quantiles: PATIENT_FORECAST_QUANTILES, signal };
    const species = run.ensemble.dimension - estimate.length;
    const posterior = Object.fromEntries(
      estimate.map((e, k) => [e.id, ensembleInterval(run.ensemble, species + k, portableMath.exp)]),
    );
    const treatment = state.assimilate.treatment;
    if (!treatment)
      return { forecast: band(await forecastEnsemble(model, run.ensemble, options), model.measured), posterior };
    const arm = treatedArm(plugin, spec, { ...treatment, start: Math.max(0, start) }, end);
    const both = await counterfactual(run.ensemble, { baseline: model, treated: arm.model }, options);
    const treated = { ...band(both.treated, model.measured), ...arm.about };
    return { forecast: band(both.baseline, model.measured), treated, posterior };
  }
}

/**
 * The treated arm's model: the twin with the treatment from the day reached, lasting to `end` if the intervention
 * lasts and the state gives no stop. A kind the model lacks is refused naming `assimilate.treatment.kind` and the
 * kinds it has.
 */
function treatedArm(
  plugin: ModelPlugin,
  spec: { readonly scenario: unknown; readonly observation: unknown; readonly estimate: Record<string, number> },
  treatment: Record<string, number | string> & { kind: string; start: number },
  end: number,
): { model: StateSpaceModel; about: Pick<IPatientTreatedForecast, 'kind' | 'label' | 'start'> } {
  const found = findIntervention(plugin.manifest, treatment.kind);
  if ('message' in found) {
    throw new ValidationError('patient state', [{ path: 'assimilate.treatment.kind', message: found.message }]);
  }
  const intervention = found.spec;
  const lasting: Record<string, number> = intervention.hasStop && treatment.stop === undefined ? { stop: end } : {};
  return {
    model: scenarioTwin(plugin, { ...spec, treatment: { ...treatment, ...lasting } }).model,
    about: { kind: intervention.kind, label: intervention.label, start: treatment.start },
  };
}

/** A forecast's median and quantile bands per measured quantity, as plain arrays for the widget. */
function band(forecast: Forecast, measured: readonly string[]): IPatientForecast {
  const observables: IPatientForecast['observables'] = {};
  for (const id of measured) {
    const stats = forecast.summary.observables[id]!;
    observables[id] = { median: Array.from(stats.median), bands: stats.bands.map((b) => Array.from(b)) };
  }
  return { time: Array.from(forecast.time), quantiles: [...forecast.summary.quantiles], observables };
}

/** Serves a patient service on `endpoint` (a browser worker's global scope, or a Node worker's parent port). */
export function exposePatientService(endpoint: Comlink.Endpoint, options: IPatientServiceOptions = {}): PatientService {
  installErrorTransfer();
  const service = new PatientService(options);
  Comlink.expose(service, endpoint);
  return service;
}
