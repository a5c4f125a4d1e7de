import type { OutcomeRequest } from '@immunotwin/engine';

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

/**
 * How a task's answer is computed, never typed in:
 * - `expression`: a formula of the scenario's parameter values (e.g. `beta * p * U0 / delta`);
 * - `outcome`: a per-run outcome of one observable (the engine's `peak`, `timeToPeak`, `clearanceTime`, `auc`,
 *   `final`), averaged over the replicates of a stochastic scenario;
 * - `fractionOfRuns`: the share of the scenario's replicates whose outcome is below `below` (e.g. the virus
 *   died out), or above `above` (e.g. a resistant strain took over);
 * - `ratio`: one quantity divided by another (e.g. how many times lower a peak is with a drug).
 */
export type TaskQuantity =
  | { readonly expression: string; readonly scenario?: TaskScenario }
  | { readonly outcome: OutcomeRequest; readonly after?: number; readonly scenario?: TaskScenario }
  | {
      readonly fractionOfRuns: OutcomeRequest & ({ readonly below: number } | { readonly above: number });
      readonly scenario: TaskScenario;
    }
  | { readonly ratio: readonly [TaskQuantity, TaskQuantity] };

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
