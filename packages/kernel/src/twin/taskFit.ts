import {
  evaluateExpression,
  parseExpression,
  resolveScenario,
  type ModelPlugin,
  type Scenario,
} from '@immunotwin/engine';
import type { TaskFit, TaskForecast } from '../lessons/task.js';
import { assimilateTwin } from './assimilate.js';
import { fitTwin } from './fitRun.js';
import { rememberTask } from './taskMemo.js';

/** What a fit or forecast task runs with: the task's model and the cell's interrupt. */
export interface TaskFitContext {
  /** The task's model. */
  readonly plugin: ModelPlugin;
  /** The running cell's interrupt (polled: `twin.check` passes a signal read through its `aborted`). */
  readonly signal?: AbortSignal;
}

/** The interrupt as the fit and the filters poll it between evaluations. */
const polled = (context: TaskFitContext) => (): boolean => context.signal?.aborted === true;

/**
 * The twin's scenario a task fit starts from, as a twin holds it: every parameter's value (the model's defaults, the
 * preset's, the task's) and the task's interventions.
 */
function fitScenario(plugin: ModelPlugin, fit: Pick<TaskFit, 'scenario'>): Scenario {
  const model = plugin.manifest.id;
  const { parameters } = resolveScenario(plugin, { ...fit.scenario, model });
  return { model, parameters: { ...parameters }, interventions: [...(fit.scenario?.interventions ?? [])] };
}

/**
 * The scenario's parameters with the fit's estimates of model parameters put in (what `fit.apply()` leaves). The fit
 * is deterministic, and a lesson's tasks read it several times (two formulas, the forecasts that start from it), so it
 * runs once per kernel.
 */
function fittedParameters(fit: TaskFit, context: TaskFitContext): Promise<Record<string, number>> {
  return rememberTask(`fit ${JSON.stringify([context.plugin.manifest.id, fit])}`, async () => {
    const scenario = fitScenario(context.plugin, fit);
    const result = await fitTwin(
      { plugin: context.plugin, scenario, interrupted: polled(context), apply: () => undefined },
      fit.data,
      fit.options,
    );
    const parameters = { ...scenario.parameters };
    const ids = new Set(context.plugin.manifest.parameters.map((p) => p.id));
    for (const [id, value] of Object.entries(result.estimates)) if (ids.has(id)) parameters[id] = value;
    return parameters;
  });
}

/** A formula of the fitted parameters, e.g. `beta * p * U0 / (c * delta)` (the fit as `twin.fit` makes it). */
export async function fittedValue(fit: TaskFit, value: string, context: TaskFitContext): Promise<number> {
  const parameters = await fittedParameters(fit, context);
  return evaluateExpression(parseExpression(value), (name) => parameters[name]);
}

/** The forecast's median of `observable` at the first forecast time at or after `at`. */
export async function forecastMedian(
  forecast: TaskForecast,
  median: { observable: string; at: number },
  context: TaskFitContext,
): Promise<number> {
  const base = fitScenario(context.plugin, forecast.fit ?? {});
  const scenario = forecast.fit ? { ...base, parameters: await fittedParameters(forecast.fit, context) } : base;
  const assimilation = await assimilateTwin(
    { plugin: context.plugin, scenario, interrupted: polled(context) },
    forecast.data,
    forecast.options,
  );
  const request = { until: forecast.until };
  const result = forecast.treat
    ? (await assimilation.treat(forecast.treat.kind, { ...forecast.treat.fields }, request)).treated
    : await assimilation.forecast(request);
  const summary = result.summary.observables[median.observable];
  if (!summary) {
    throw new RangeError(
      `task forecast: no measured quantity "${median.observable}"; measured: ${Object.keys(result.summary.observables).join(', ')}`,
    );
  }
  const index = result.forecast.time.findIndex((t) => t >= median.at - 1e-9);
  if (index < 0)
    throw new RangeError(`task forecast: ${median.at} is after the forecast's last time ${forecast.until}`);
  return summary.median[index]!;
}
