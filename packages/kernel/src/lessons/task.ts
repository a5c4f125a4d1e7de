import type { OutcomeRequest } from '@immunotwin/engine';
import type { AssimilateOptions } from '../twin/assimilate.js';
import type { FitOptions } from '../twin/fitOptions.js';
import type { SensitivityOptions, SweepOptions } from '../twin/studyOptions.js';

/**
 * The scenario a task's answer is computed from: the model's defaults, then a preset's values, then these
 * parameters and interventions, run with these options (the engine's defaults for the rest).
 */
export interface TaskScenario {
  /** A preset of the task's model. */
  readonly preset?: string;
  /** Parameter values over the defaults (and the preset). */
  readonly parameters?: Readonly<Record<string, number>>;
  /** Interventions, as `twin.intervene` takes them. */
  readonly interventions?: readonly Readonly<{
    kind: string;
    start: number;
    stop?: number;
    [field: string]: unknown;
  }>[];
  /** Simulated time (the model's time unit). */
  readonly duration?: number;
  /** Sampling interval. */
  readonly outputInterval?: number;
  /** Solver: an ODE or a stochastic method. */
  readonly method?: 'ode' | 'ssa' | 'tau-leaping';
  /** Stochastic replicates. */
  readonly replicates?: number;
  /** The seed of a stochastic run. */
  readonly seed?: number;
}

/** A fit as `twin.fit(data, options)` makes it, on the task's model with the scenario's parameters. */
export interface TaskFit {
  /** The data as `twin.fit` takes them (e.g. an observations CSV, which a lesson notebook embeds as text). */
  readonly data: string;
  /** The options of `twin.fit`, as the lesson's answer passes them. */
  readonly options: FitOptions;
  /** The parameters and interventions fitted (the model's defaults for the rest). */
  readonly scenario?: TaskScenario;
}

/**
 * A forecast as a lesson makes it: optionally `twin.fit` first and the estimates applied, then
 * `twin.assimilate(data, options)` and `forecast({ until })`, or `treat(kind, fields, { until })` for the course with a
 * treatment started at the last observation.
 */
export interface TaskForecast {
  /** A fit whose estimates the twin takes before assimilating. */
  readonly fit?: TaskFit;
  /** The data assimilated. */
  readonly data: string;
  /** The options of `twin.assimilate`. */
  readonly options: AssimilateOptions;
  /** The last time forecast (model time unit). */
  readonly until: number;
  /** A treatment from the last observation on: the treated course of `treat(kind, fields)`. */
  readonly treat?: { readonly kind: string; readonly fields?: Readonly<Record<string, number>> };
}

/**
 * One index of a sensitivity analysis, as `twin.sensitivity(options)` gives it on the task's scenario: the
 * first-order or total Sobol' index (`analysis: 'sobol'`) or the PRCC (`analysis: 'prcc'`) of `parameter` for
 * `outcome` (a label of `options.outcomes`, e.g. `V.peak`; default the first).
 */
export interface TaskSensitivity {
  /** The options of the `twin.sensitivity` call, as the lesson tells the student to make it. */
  readonly options: SensitivityOptions;
  /** The parameter whose index is asked (one of `options.parameters`). */
  readonly parameter: string;
  /** Which index: Sobol' `firstOrder` or `total`, or the `prcc` coefficient. */
  readonly index: 'firstOrder' | 'total' | 'prcc';
  /** The outcome's label (default: the study's first outcome). */
  readonly outcome?: string;
}

/**
 * A quantile over a virtual cohort, as `twin.sweep(options)` gives it on the task's scenario: the `q`-quantile of
 * `outcome` (a label of `options.outcomes`; default the first) over the cohort's runs, each run's value the mean of
 * its replicates (`TwinStudy.quantile`: linear between order statistics, Hyndman & Fan type 7).
 */
export interface TaskCohortQuantile {
  /** The options of the `twin.sweep` call (a design with a seed, so the cohort is the same every time). */
  readonly options: SweepOptions;
  /** The quantile level, in [0, 1] (0.5: the median). */
  readonly q: number;
  /** The outcome's label (default: the study's first outcome). */
  readonly outcome?: string;
}

/**
 * How a task's answer is computed, never typed in:
 * - `expression`: a formula of the scenario's parameter values (e.g. `beta * p * U0 / delta`);
 * - `outcome`: a per-run outcome of one observable (the engine's `peak`, `timeToPeak`, `clearanceTime`, `auc`,
 *   `final`), averaged over the replicates of a stochastic scenario;
 * - `minimum`: the lowest sampled value of one observable (from time `after` on), averaged over the replicates
 *   (e.g. the SpO2 nadir);
 * - `fractionOfRuns`: the share of the scenario's replicates whose outcome is below `below` (e.g. the virus
 *   died out), or above `above` (e.g. a resistant strain took over);
 * - `sensitivity`: one index of a sensitivity analysis of the scenario (runs on the twin's worker pool);
 * - `cohortQuantile`: a quantile of an outcome over a virtual cohort of the scenario (on the worker pool);
 * - `ratio`: one quantity divided by another (e.g. how many times lower a peak is with a drug);
 * - `difference`: one quantity minus another (e.g. how much gas exchange a drug saves);
 * - `fit`: a formula of the fitted parameters (the scenario's parameters with the fit's estimates put in, e.g.
 *   `beta * p * U0 / (c * delta)`), from a `twin.fit` with the task's data and options (deterministic for its seed);
 * - `forecast`: the forecast's median of a measured quantity at the first forecast time at or after `at`.
 * Each is deterministic for the scenario's seed (and the design's).
 */
export type TaskQuantity =
  | { readonly expression: string; readonly scenario?: TaskScenario }
  | { readonly outcome: OutcomeRequest; readonly after?: number; readonly scenario?: TaskScenario }
  | { readonly minimum: { readonly observable: string }; readonly after?: number; readonly scenario?: TaskScenario }
  | {
      readonly fractionOfRuns: OutcomeRequest & ({ readonly below: number } | { readonly above: number });
      readonly scenario: TaskScenario;
    }
  | { readonly sensitivity: TaskSensitivity; readonly scenario?: TaskScenario }
  | { readonly cohortQuantile: TaskCohortQuantile; readonly scenario?: TaskScenario }
  | { readonly ratio: readonly [TaskQuantity, TaskQuantity] }
  | { readonly difference: readonly [TaskQuantity, TaskQuantity] }
  | { readonly fit: TaskFit; readonly value: string }
  | { readonly forecast: TaskForecast; readonly median: { readonly observable: string; readonly at: number } };

/** How far an answer may be from the twin's value and still be right: the larger of the two bounds. */
export interface TaskTolerance {
  /** A fraction of the twin's value (0.05 = ±5 %). */
  readonly relative?: number;
  /** An amount in the answer's unit. */
  readonly absolute?: number;
}

/** A task of a lesson: a question whose answer the twin computes when `twin.check` is called. */
export interface LessonTask {
  /** Unique over all lessons: `<lesson>.<task>`. */
  readonly id: string;
  /** The model the answer is computed with. */
  readonly model: string;
  /** The question, as the lesson asks it (short). */
  readonly question: string;
  /** The answer's unit. */
  readonly unit: string;
  /** How the answer is computed. */
  readonly answer: TaskQuantity;
  /** How close a right answer must be. */
  readonly tolerance: TaskTolerance;
}

/** The tasks of one lesson (one file per lesson in this folder). */
export interface LessonTasks {
  /** The lesson's id (its notebook's file name without `.ipynb`). */
  readonly lesson: string;
  /** Its tasks in the order the lesson asks them. */
  readonly tasks: readonly LessonTask[];
}
