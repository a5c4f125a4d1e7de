import {
  evaluateExpression,
  outcomeDefinition,
  parseExpression,
  resolveScenario,
  runScenario,
  scenarioToJson,
  type ModelPlugin,
  type OutcomeRequest,
  type Scenario,
  type ScenarioResult,
} from '@immunotwin/engine';
import type { LessonTask, TaskQuantity, TaskScenario, TaskTolerance } from '../lessons/task.js';
import type { MimeBundle } from '../mime.js';
import { sensitivityStudy, sweepStudy, type TwinStudy } from './study.js';
import type { SensitivityOptions, SweepOptions } from './studyOptions.js';
import type { StudyContext } from './studyRun.js';
import { formatNumber } from './summary.js';
import { rememberTask, stableJson } from './taskMemo.js';
import { fittedValue, forecastMedian } from './taskFit.js';

/** What computing a task's answer needs: its model (and other models) and the cell's interrupt. */
export interface TaskContext {
  /** Finds a model by id. */
  readonly resolveModel: (id: string) => ModelPlugin;
  /** The running cell's interrupt. */
  readonly signal?: AbortSignal;
  /**
   * Where a task's study (a sensitivity analysis, a cohort) runs, as `twin.sensitivity`'s does: the twin's worker
   * pool and the cell's interrupt.
   */
  readonly study?: () => StudyContext;
}

/**
 * Runs a task's scenario on its model (resolved and checked by the engine as any run). Kept for the next task that
 * runs the same scenario: the key is the resolved scenario (every parameter, the seed, the method, the replicates,
 * the solver), so two tasks that write one scenario differently share its run, and another seed runs again.
 */
function runTaskScenario(task: LessonTask, scenario: TaskScenario, context: TaskContext): Promise<ScenarioResult> {
  const plugin = context.resolveModel(task.model);
  const resolved = resolveScenario(plugin, { ...scenario, model: task.model }, context.resolveModel);
  // The name labels a run and does not change it.
  const { name: _name, ...document } = scenarioToJson(resolved);
  return rememberTask(`run ${stableJson(document)}`, () => runScenario(resolved, { signal: context.signal }));
}

const mean = (values: number[]): number => values.reduce((sum, v) => sum + v, 0) / values.length;

/** A per-run value (an outcome, a minimum) of each run of a result, from its samples at time `after` on. */
function perRun(
  result: ScenarioResult,
  observable: string,
  after: number,
  compute: (time: Float64Array, values: Float64Array) => number,
): number[] {
  return result.runs.map((run) => {
    if (!Object.hasOwn(run.observables, observable)) {
      throw new RangeError(`task outcome: no observable "${observable}" in the model`);
    }
    const from = run.time.findIndex((t) => t >= after);
    return compute(run.time.subarray(from), run.observables[observable].subarray(from));
  });
}

/** One engine outcome of every run of a result, of the samples from time `after` on. */
function outcomeOfRuns(result: ScenarioResult, request: OutcomeRequest, after = -Infinity): number[] {
  const definition = outcomeDefinition(request.summary);
  return perRun(result, request.observable, after, (time, values) => definition.compute(time, values, request));
}

/** The lowest sample of a series (NaN when it has none). */
function lowest(_time: Float64Array, values: Float64Array): number {
  let low = values.length ? Infinity : NaN;
  for (const value of values) if (value < low) low = value;
  return low;
}

/** A task's study: a sensitivity analysis or a sweep (a cohort), with the options of the twin's call. */
type TaskStudy =
  | { readonly kind: 'sensitivity'; readonly options: SensitivityOptions }
  | { readonly kind: 'sweep'; readonly options: SweepOptions };

/**
 * Runs a task's study on the pool, as `twin.sensitivity` or `twin.sweep` would on a twin of the task's model with
 * the task's scenario: the same design, the same runs, the same bits. Kept for the next task that reads it.
 */
function runTaskStudy(
  task: LessonTask,
  spec: TaskStudy,
  scenario: TaskScenario,
  context: TaskContext,
): Promise<TwinStudy> {
  // Several tasks of a lesson read one study (two indices, two quantiles); it is deterministic, so it runs once.
  return rememberTask(`study ${JSON.stringify([task.model, spec, scenario])}`, async () => {
    if (!context.study) throw new Error(`twin.check('${task.id}'): the task runs a study, and no worker pool is here`);
    const { manifest } = context.resolveModel(task.model);
    const base = { ...scenario, model: task.model } as Scenario;
    return spec.kind === 'sensitivity'
      ? sensitivityStudy(context.study(), manifest, base, spec.options)
      : sweepStudy(context.study(), manifest, base, { band: false, ...spec.options });
  });
}

/** Computes a task quantity from twin runs (or, for an expression, from the scenario's resolved parameters). */
export async function computeQuantity(task: LessonTask, quantity: TaskQuantity, context: TaskContext): Promise<number> {
  if ('ratio' in quantity || 'difference' in quantity) {
    const [first, second] = 'ratio' in quantity ? quantity.ratio : quantity.difference;
    const a = await computeQuantity(task, first, context);
    const b = await computeQuantity(task, second, context);
    return 'ratio' in quantity ? a / b : a - b;
  }
  if ('expression' in quantity) {
    const plugin = context.resolveModel(task.model);
    const { parameters } = resolveScenario(plugin, { ...quantity.scenario, model: task.model });
    return evaluateExpression(parseExpression(quantity.expression), (name) => parameters[name]);
  }
  if ('fit' in quantity) {
    return fittedValue(quantity.fit, quantity.value, {
      plugin: context.resolveModel(task.model),
      signal: context.signal,
    });
  }
  if ('forecast' in quantity) {
    return forecastMedian(quantity.forecast, quantity.median, {
      plugin: context.resolveModel(task.model),
      signal: context.signal,
    });
  }
  if ('sensitivity' in quantity) {
    const { options, parameter, index, outcome } = quantity.sensitivity;
    const study = await runTaskStudy(task, { kind: 'sensitivity', options }, quantity.scenario ?? {}, context);
    return study.sensitivityIndex(parameter, index, outcome);
  }
  if ('cohortQuantile' in quantity) {
    const { options, q, outcome } = quantity.cohortQuantile;
    const study = await runTaskStudy(task, { kind: 'sweep', options }, quantity.scenario ?? {}, context);
    return study.quantile(q, outcome);
  }
  const result = await runTaskScenario(task, quantity.scenario ?? {}, context);
  if ('outcome' in quantity) return mean(outcomeOfRuns(result, quantity.outcome, quantity.after));
  if ('minimum' in quantity) {
    return mean(perRun(result, quantity.minimum.observable, quantity.after ?? -Infinity, lowest));
  }
  const threshold = quantity.fractionOfRuns;
  const counted = 'below' in threshold ? (v: number) => v < threshold.below : (v: number) => v > threshold.above;
  const values = outcomeOfRuns(result, threshold);
  return values.filter(counted).length / values.length;
}

/** The accepted distance from `expected`: the larger of the absolute and the relative bound. */
export function allowedError(expected: number, tolerance: TaskTolerance): number {
  return Math.max(tolerance.absolute ?? 0, (tolerance.relative ?? 0) * Math.abs(expected));
}

/**
 * The tolerance in words: a relative one in per cent ("±5 %"), an absolute one in the task's unit ("±0.05",
 * "±0.1 day"), and in percentage points when the unit is itself per cent ("±0.2 percentage points", not "±0.2 %",
 * which would read as relative).
 */
export function describeTolerance(tolerance: TaskTolerance, unit: string): string {
  const parts: string[] = [];
  if (tolerance.relative !== undefined) parts.push(`±${formatNumber(tolerance.relative * 100)} %`);
  if (tolerance.absolute !== undefined) {
    const inUnit = unit === '1' ? '' : unit === '%' ? ' percentage points' : ` ${unit}`;
    parts.push(`±${formatNumber(tolerance.absolute)}${inUnit}`);
  }
  return parts.join(' or ');
}

const escapeHtml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The verdict of `twin.check`: the task, the student's answer, the twin's value and whether they agree. */
export class TaskCheck {
  constructor(
    /** The task checked. */
    readonly task: LessonTask,
    /** The answer given. */
    readonly answer: number,
    /** The twin's value. */
    readonly expected: number,
  ) {}

  /** Whether the answer is within the tolerance of the twin's value. */
  get right(): boolean {
    return Math.abs(this.answer - this.expected) <= allowedError(this.expected, this.task.tolerance);
  }

  /** One line: right or wrong, the tolerance, and (only when right) the twin's value. */
  get text(): string {
    const { task } = this;
    const unit = task.unit === '1' ? '' : ` ${task.unit}`;
    const within = `within ${describeTolerance(task.tolerance, task.unit)} of the twin's value`;
    return this.right
      ? `✔ ${task.id}: right. Your ${formatNumber(this.answer)}${unit} is ${within} (${formatNumber(this.expected)}${unit}).`
      : `✘ ${task.id}: not yet. ${formatNumber(this.answer)}${unit} is not ${within}; try again.`;
  }

  /** A one-line output (HTML in a notebook, the same line as text for nbconvert and nbgrader feedback). */
  toMimeBundle(): MimeBundle {
    const colour = this.right ? 'var(--jp-success-color1, #2e7d32)' : 'var(--jp-error-color1, #c62828)';
    const [mark, ...rest] = this.text.split(' ');
    const html =
      `<div class="immunotwin-check" data-right="${this.right}">` +
      `<span style="color: ${colour}; font-weight: bold">${mark}</span> ${escapeHtml(rest.join(' '))}</div>`;
    return { data: { 'text/html': html, 'text/plain': this.text }, metadata: {} };
  }
}

/** Raised by `twin.check(id, answer, { grade: true })` for a wrong answer, so an autograder counts the cell failed. */
export class WrongAnswer extends Error {
  constructor(check: TaskCheck) {
    super(check.text);
    this.name = 'WrongAnswer';
  }
}
