import {
  changedParameters,
  describeValue,
  isPlainObject,
  portableMath,
  resolveScenario,
  runScenario,
  type BandSpec,
  type ModelManifest,
  type ModelPlugin,
  type Scenario,
  type WorkbenchPlugin,
  type WorkbenchState,
  WORKBENCH_MIME_TYPE,
  WORKBENCH_STATE_VERSION,
} from '@immunotwin/engine';
import { KeyboardInterrupt } from './errors.js';
import type { MimeBundle } from './mime.js';
import { findTask } from './lessons/index.js';
import { computeQuantity, TaskCheck, WrongAnswer } from './twin/check.js';
import { controlsBand } from './twin/controlsBand.js';
import { checkObservables, TwinPlot, type PlotOptions } from './twin/plot.js';
import { TwinResult } from './twin/result.js';
import { captureTissue, TwinTissue, type TissueOptions } from './twin/tissue.js';
import { LiveTissue } from './twin/liveTissue.js';
import { ProgressOutput, type UpdatableOutput } from './twin/progressOutput.js';
import { sensitivityStudy, sweepStudy, type TwinStudy } from './twin/study.js';
import type { SensitivityOptions, SweepOptions } from './twin/studyOptions.js';
import type { StudyContext, StudyPool } from './twin/studyRun.js';
import { representative } from './twin/summary.js';
import { fitTwin } from './twin/fitRun.js';
import type { FitOptions } from './twin/fitOptions.js';
import type { TwinFit } from './twin/twinFit.js';
import { assimilateTwin, type AssimilateContext, type AssimilateOptions } from './twin/assimilate.js';
import type { ForecastRequest, TwinAssimilation, TwinForecast } from './twin/twinAssimilation.js';
import { patientState, TwinPatient, type PatientOptions } from './twin/patient.js';

/** An intervention scheduled on the twin: its kind, start, optional stop, and field values. */
export interface TwinIntervention {
  /** One of the manifest's intervention kinds. */
  kind: string;
  /** When it starts (model time unit). */
  start: number;
  /** When it stops (lasting interventions only). */
  stop?: number;
  /** Field values (dose, efficacy, …). */
  [field: string]: number | string | undefined;
}

/** Options of `twin.run()`: everything of a scenario except the model, parameters and interventions. */
export type TwinRunOptions = Omit<Scenario, 'model' | 'parameters' | 'interventions' | '$schema'> & {
  /** Called after each chunk with the fraction done (0–1). */
  onProgress?: (fraction: number) => void;
  /**
   * Most bytes the run's results may take (default 1 GiB, the engine's `DEFAULT_MAX_MEMORY`): a larger run is
   * refused before it starts. Raise it on purpose, e.g. `{ maxMemory: 4e9 }`.
   */
  maxMemory?: number;
};

/** Options of `twin.controls()`: how the workbench starts. */
export interface ControlsOptions {
  /** Simulated time of the workbench's runs (the model's time unit; default: the model's duration). */
  duration?: number;
  /** Observable ids to plot (default: every observable). */
  observables?: readonly string[];
  /** A logarithmic y axis (default false). */
  log?: boolean;
  /**
   * Show a band instead of one live run: `{ kind: 'cohort', size: 20, spread: 0.3, parameters?: ['beta', 'c'] }`
   * (virtual patients around the current values) or `{ kind: 'replicates', size: 20 }` (a stochastic or
   * stepped model only).
   */
  band?: BandSpec;
}

/** Options of {@link createTwinApi}. */
export interface TwinApiOptions {
  /** The interrupt signal of the cell running now (the kernel's worker changes it from cell to cell). */
  signal?: () => AbortSignal | undefined;
  /** Checked between simulation chunks: true when the kernel asked for an interrupt (a shared-memory flag). */
  interrupted?: () => boolean;
  /** Finds another model for `twin.create(id)` (the registry's `get`); without it `create` throws. */
  resolveModel?: (id: string) => ModelPlugin;
  /**
   * Where a model comes from when it is not built in (its provider; the model itself when it was registered
   * in a cell), written into workbench outputs so they say what is missing, or run anyway.
   */
  pluginOf?: (id: string) => WorkbenchPlugin | undefined;
  /** The worker pool studies run on (`twin.sweep`, `twin.sensitivity`); without it they throw. */
  pool?: () => StudyPool;
  /** Where a study's progress line and a tissue's live pictures go in the running cell (a display updated in place). */
  progressOutput?: () => UpdatableOutput | undefined;
}

/** One observable of a result over time (the ensemble median when there are several replicates). */
export interface TwinSeries {
  /** Observable id. */
  id: string;
  /** Its unit. */
  unit: string;
  /** Sample times. */
  time: Float64Array;
  /** Values at those times. */
  values: Float64Array;
}

/** The `twin` object cells see: one model, its current parameters and interventions, and how to run it. */
export interface TwinApi {
  /** The model's manifest: parameters, observables, interventions, presets, assumptions. */
  readonly manifest: ModelManifest;
  /** The current parameter values (a copy). */
  readonly parameters: Record<string, number>;
  /** The scheduled interventions (a copy). */
  readonly interventions: TwinIntervention[];
  /**
   * `exp`, `expm1`, `log`, `log1p`, `log10`, `pow`, `sin` and `cos` that give the same bits in every JavaScript engine
   * (the engine's `portableMath`), for a cell's own arithmetic: `Math`'s differ in the last bit between the headless
   * kernel and the browser's.
   */
  readonly math: typeof portableMath;
  /** Sets parameters, validated against the model; throws naming the field, the value and the range. */
  set(values: Record<string, number>): Record<string, number>;
  /** Back to the model's defaults, with no interventions. */
  reset(): Record<string, number>;
  /** Schedules an intervention, validated against the model. */
  intervene(kind: string, fields: Omit<TwinIntervention, 'kind'>): TwinIntervention[];
  /** Runs the model with the current parameters and interventions; an interrupt stops it. */
  run(options?: TwinRunOptions): Promise<TwinResult>;
  /** One observable of a result over time (the median of an ensemble). */
  observe(result: TwinResult, id: string): TwinSeries;
  /** A new twin of another registered model, at its defaults (this one is unchanged). */
  create(model: string): TwinApi;
  /** A plot of a result: chosen observables, log axis. */
  plot(result: TwinResult, options?: PlotOptions): TwinPlot;
  /** The workbench for this model with the current parameters and interventions (the widgets render it). */
  controls(options?: ControlsOptions): TwinControls;
  /**
   * Pictures of the tissue (cell states, a field, the immune cells) at chosen times of one run of a model
   * with space; run options (duration, seed, …) as for `run`. Pictures are taken at the run's samples
   * (`outputInterval`). A run that lasts over a second shows its latest picture and how far it is while it goes
   * on. An interrupt stops it.
   */
  tissue(options?: TissueOptions & TwinRunOptions): Promise<TwinTissue>;
  /**
   * Runs the twin over a design of its parameters on the worker pool (a grid by default; a virtual cohort when a
   * parameter has a distribution) and draws a heatmap, a line, or histograms and a band. Progress shows in the
   * cell; an interrupt stops every worker.
   */
  sweep(options: SweepOptions): Promise<TwinStudy>;
  /**
   * Which parameters decide an outcome: Sobol' indices with bootstrap intervals (default) or PRCC with p-values,
   * on the worker pool, drawn as bars or a tornado. Progress shows in the cell; an interrupt stops it.
   */
  sensitivity(options: SensitivityOptions): Promise<TwinStudy>;
  /**
   * Fits parameters of the twin's current scenario to observed data (datasets, CSV text or FHIR JSON): multi-start,
   * profile-likelihood (and optionally bootstrap) intervals, AICc; on the worker pool when there is one. Progress
   * shows in the cell; an interrupt stops it.
   */
  fit(data: unknown, options: FitOptions): Promise<TwinFit>;
  /**
   * Updates the twin by data, observation by observation (an ensemble Kalman filter for an ODE twin, a particle
   * filter for `method: 'ssa'`), with `estimate` parameters carried as state; the result forecasts the rest of the
   * course with credible bands (`forecast()`) and tests "start this treatment now" (`treat(kind, fields)`).
   */
  assimilate(data: unknown, options?: AssimilateOptions): Promise<TwinAssimilation>;
  /**
   * The rest of the course after the data (those up to `today`, or all), with credible bands: a shortcut of
   * `(await twin.assimilate(data, options)).forecast({ until })`.
   */
  forecast(data: unknown, options?: AssimilateOptions & ForecastRequest): Promise<TwinForecast>;
  /**
   * The patient widget for these data and the twin's scenario: a data table (drop a CSV on it), Fit with progress and
   * Cancel, one plot of data, twin, forecast band and residuals, the profiles, "Next day" and "Treat from today"
   * (`treatment` in the options sets one from the kernel). It holds state only
   * and computes in its own worker, never in the kernel (the saved notebook's widget works without one).
   */
  patient(data: unknown, options: PatientOptions): TwinPatient;
  /**
   * Checks a lesson task's answer against the twin: runs the task's scenario (or evaluates its formula), and says
   * right or wrong with the tolerance. With `{ grade: true }` a wrong answer throws (for autograded cells).
   */
  check(taskId: string, answer: number, options?: { grade?: boolean }): Promise<TaskCheck>;
}

/** Each task's value, computed once per kernel (the scenarios are fixed and seeded, so the value is too). */
const taskValues = new Map<string, Promise<number>>();

/**
 * The workbench's saved state (the engine's `WorkbenchState`, `schema/workbench-state.schema.json`) as
 * `twin.controls()` writes it: every parameter's current value and the interventions always spelled out.
 */
export type WorkbenchBundle = WorkbenchState & {
  /** The twin's model, every parameter's current value, its interventions and the run's duration if set. */
  scenario: WorkbenchState['scenario'] & {
    parameters: Record<string, number>;
    interventions: NonNullable<WorkbenchState['scenario']['interventions']>;
  };
};

/** The workbench widget bundle of a twin: its scenario as the workbench state, with a text/plain summary. */
export class TwinControls {
  constructor(
    /** The workbench state. */
    readonly state: WorkbenchBundle,
    private readonly title: string,
  ) {}

  /** The bundle under the workbench MIME type, with a text/plain fallback. */
  toMimeBundle(): MimeBundle {
    const { model, parameters, interventions } = this.state.scenario;
    const text = [
      `Workbench: ${this.title} (${model})`,
      `  parameters: ${Object.entries(parameters)
        .map(([id, value]) => `${id}=${value}`)
        .join(', ')}`,
      `  interventions: ${interventions.length ? interventions.map((i) => `${i.kind}@${i.start}`).join(', ') : 'none'}`,
    ].join('\n');
    return { data: { [WORKBENCH_MIME_TYPE]: this.state, 'text/plain': text }, metadata: {} };
  }
}

/** Throws the kernel's usage error when a `twin.<method>` argument is not a plain object (null, a number, a list). */
function expectObject(value: unknown, method: string, what: string, example: string): void {
  if (!isPlainObject(value)) {
    throw new TypeError(`twin.${method}: expects ${what}, e.g. ${example}; got ${describeValue(value)}`);
  }
}

const defaults = (manifest: ModelManifest): Record<string, number> =>
  Object.fromEntries(manifest.parameters.map((p) => [p.id, p.default]));

/**
 * The twin API of one model for notebook cells. Every change is validated by the engine (the same
 * `resolveScenario` a run uses), so a bad value fails where it is set, with the field, the value and what
 * is allowed; nothing is clamped. Runs use the engine's chunked `runScenario` with the current cell's signal.
 */
export function createTwinApi(plugin: ModelPlugin, options: TwinApiOptions = {}): TwinApi {
  const { manifest } = plugin;
  let parameters = defaults(manifest);
  let interventions: TwinIntervention[] = [];
  /**
   * The scenario of a run: the current interventions and parameters. With a `preset` only the parameters set
   * with `twin.set` (those that differ from the defaults) are sent, so the preset sets the rest.
   */
  const scenario = (extra: Partial<Scenario> = {}): Scenario => {
    const sent = extra.preset === undefined ? { ...parameters } : changedParameters(manifest, parameters);
    return {
      ...extra,
      model: manifest.id,
      parameters: sent,
      interventions: interventions.map((i) => ({ ...i })),
    } as Scenario;
  };

  /**
   * The running cell's interrupt as a signal. The engine polls `aborted` inside long stochastic chunks, so
   * reading the shared flag here stops a run even while its thread is too busy to receive the kernel's
   * interrupt message.
   */
  const cellSignal = (): AbortSignal => {
    const signal = options.signal?.();
    const interrupted = options.interrupted ?? (() => false);
    return {
      get aborted() {
        return (signal?.aborted ?? false) || interrupted();
      },
      get reason() {
        return new KeyboardInterrupt();
      },
    } as unknown as AbortSignal;
  };

  /** What fits and filters run with: the current scenario, the pool, the cell's interrupt and its progress line. */
  const workContext = (): AssimilateContext => ({
    plugin,
    scenario: scenario(),
    pool: options.pool?.(),
    signal: options.signal?.(),
    interrupted: options.interrupted,
    output: options.progressOutput?.(),
    cellSignal: options.signal,
  });

  /** Runs a study on the pool with the cell's interrupt and a progress line. */
  const study = async (what: string, run: (context: StudyContext) => Promise<TwinStudy>) => {
    if (!options.pool) throw new Error(`twin.${what}: no worker pool is available here`);
    const signal = options.signal?.() ?? new AbortController().signal;
    const progress = new ProgressOutput(options.progressOutput?.(), what);
    let last = { done: 0, total: 0 };
    // Said at the interrupt itself, so the line is in the cell's outputs before the interrupt's error.
    const onAbort = (): void => progress.finish(last.done, last.total, true);
    signal.addEventListener('abort', onAbort, { once: true });
    try {
      const result = await run({
        pool: options.pool(),
        signal,
        onProgress: (p) => {
          last = p;
          progress.update(p.done, p.total);
        },
      });
      progress.finish(last.total, last.total);
      return result;
    } catch (error) {
      throw signal.aborted ? new KeyboardInterrupt() : error;
    } finally {
      signal.removeEventListener('abort', onAbort);
    }
  };

  const twin: TwinApi = {
    manifest,
    math: portableMath,
    get parameters() {
      return { ...parameters };
    },
    get interventions() {
      return interventions.map((i) => ({ ...i }));
    },
    set(values) {
      expectObject(
        values,
        'set',
        'an object of parameter values',
        `twin.set({ ${manifest.parameters[0]?.id ?? 'x'}: 1 })`,
      );
      const next = { ...parameters, ...values };
      resolveScenario(plugin, { model: manifest.id, parameters: next, interventions });
      parameters = next;
      return { ...parameters };
    },
    reset() {
      parameters = defaults(manifest);
      interventions = [];
      return { ...parameters };
    },
    intervene(kind, fields) {
      const example = manifest.interventions[0]?.kind ?? 'kind';
      if (typeof kind !== 'string') {
        throw new TypeError(
          `twin.intervene: expects the kind as text first, e.g. twin.intervene('${example}', { start: 1 })`,
        );
      }
      expectObject(fields, 'intervene', 'its fields as an object second', `twin.intervene('${example}', { start: 1 })`);
      const next = [...interventions, { ...fields, kind } as TwinIntervention];
      resolveScenario(plugin, {
        model: manifest.id,
        parameters,
        interventions: next,
        duration: Math.max(manifest.defaults.duration, typeof fields.start === 'number' ? fields.start : 0),
      });
      interventions = next;
      return twin.interventions;
    },
    async run(runOptions = {}) {
      expectObject(runOptions, 'run', 'an object of run options, or nothing', 'await twin.run({ duration: 10 })');
      const { onProgress, maxMemory, ...rest } = runOptions;
      if (maxMemory !== undefined && !(typeof maxMemory === 'number' && maxMemory > 0 && maxMemory < Infinity)) {
        throw new TypeError(
          `twin.run: maxMemory is ${String(maxMemory)}; allowed: a positive number of bytes, e.g. 4e9`,
        );
      }
      // A coupled run (`coupling` in the options) finds its partner models in the kernel's registry.
      const result = await runScenario(resolveScenario(plugin, scenario(rest), options.resolveModel), {
        maxMemory,
        signal: cellSignal(),
        onProgress: onProgress && ((progress) => onProgress(progress.fraction)),
      });
      return new TwinResult(result);
    },
    observe(result, id) {
      if (!(result instanceof TwinResult))
        throw new TypeError('twin.observe: expects the result of `await twin.run()`');
      const [checked] = checkObservables(result.result.scenario.plugin.manifest, [id]);
      const spec = result.result.scenario.plugin.manifest.observables.find((o) => o.id === checked)!;
      return {
        id: checked,
        unit: spec.unit,
        time: result.runs[0].time,
        values: representative(result.result, checked),
      };
    },
    create(model) {
      if (!options.resolveModel) throw new Error('twin.create: no model registry is available here');
      return createTwinApi(options.resolveModel(model), options);
    },
    plot(result, plotOptions = {}) {
      if (!(result instanceof TwinResult)) throw new TypeError('twin.plot: expects the result of `await twin.run()`');
      return result.plot(plotOptions);
    },
    async tissue(tissueOptions = {}) {
      const { times, field, onProgress: _progress, ...rest } = tissueOptions;
      if (!plugin.createStepped) {
        throw new TypeError(
          `twin.tissue: the model "${manifest.id}" has no space to show (only models with a lattice, such as the Immune System Twin, do)`,
        );
      }
      const resolved = resolveScenario(plugin, { ...scenario(rest), replicates: 1 }, options.resolveModel);
      const live = new LiveTissue(options.progressOutput?.());
      return new TwinTissue(await captureTissue(resolved, { times, field }, cellSignal(), live));
    },
    sweep(sweepOptions) {
      return study('sweep', (context) => sweepStudy(context, manifest, scenario(), sweepOptions));
    },
    sensitivity(sensitivityOptions) {
      return study('sensitivity', (context) => sensitivityStudy(context, manifest, scenario(), sensitivityOptions));
    },
    fit(data, fitOptions) {
      return fitTwin({ ...workContext(), apply: (values) => twin.set(values) }, data, fitOptions);
    },
    assimilate(data, assimilateOptions) {
      return assimilateTwin(workContext(), data, assimilateOptions);
    },
    async forecast(data, forecastOptions = {}) {
      const { until, ...assimilateOptions } = forecastOptions;
      return (await assimilateTwin(workContext(), data, assimilateOptions)).forecast({ until });
    },
    patient(data, patientOptions) {
      return new TwinPatient(patientState(manifest, scenario(), data, patientOptions));
    },
    async check(taskId, answer, checkOptions = {}) {
      if (typeof taskId !== 'string') {
        throw new TypeError(`twin.check: expects the task's id first, e.g. twin.check('r0.threshold', 113)`);
      }
      const task = findTask(taskId);
      if (typeof answer !== 'number' || !Number.isFinite(answer)) {
        throw new TypeError(
          `twin.check('${taskId}', …): expects your answer as a finite number (in ${task.unit}); got ${describeValue(answer)}`,
        );
      }
      const resolveModel = (id: string): ModelPlugin => {
        if (id === manifest.id) return plugin;
        if (!options.resolveModel) throw new Error(`twin.check: the task needs model "${id}", not available here`);
        return options.resolveModel(id);
      };
      let value = taskValues.get(taskId);
      if (!value) {
        const { pool } = options;
        const study = pool && (() => ({ pool: pool(), signal: options.signal?.() ?? new AbortController().signal }));
        value = computeQuantity(task, task.answer, { resolveModel, signal: cellSignal(), study });
        taskValues.set(taskId, value);
        // An interrupted or failed computation is not kept.
        value.catch(() => taskValues.delete(taskId));
      }
      const verdict = new TaskCheck(task, answer, await value);
      if (checkOptions.grade && !verdict.right) throw new WrongAnswer(verdict);
      return verdict;
    },
    controls(controlsOptions = {}) {
      if (typeof controlsOptions !== 'object' || controlsOptions === null || Array.isArray(controlsOptions)) {
        throw new TypeError(
          'twin.controls: expects options such as { duration: 15, observables: ["V"], log: true, band: { kind: "cohort", size: 20 } }',
        );
      }
      const { duration, observables, log, band } = controlsOptions;
      const bundle: WorkbenchBundle = {
        version: WORKBENCH_STATE_VERSION,
        scenario: { model: manifest.id, parameters: { ...parameters }, interventions: twin.interventions },
      };
      const origin = options.pluginOf?.(manifest.id);
      if (origin) bundle.plugin = structuredClone(origin);
      if (duration !== undefined) {
        // The engine checks the duration (and the interventions against it) as a run would.
        resolveScenario(plugin, { ...scenario(), duration });
        bundle.scenario.duration = duration;
      }
      if (observables !== undefined) bundle.observables = checkObservables(manifest, observables);
      if (log !== undefined) {
        if (typeof log !== 'boolean')
          throw new TypeError(`twin.controls: log must be true or false; got ${String(log)}`);
        bundle.view = { logY: log };
      }
      if (band !== undefined) {
        const resolved = resolveScenario(plugin, scenario(duration !== undefined ? { duration } : {}));
        bundle.view = { ...bundle.view, band: controlsBand(resolved, band) };
      }
      return new TwinControls(bundle, manifest.title);
    },
  };
  return twin;
}
