import type { ModelPlugin } from '../model/types.js';
import type { ObservedDataset } from '../schema/observed.js';
import type { Scenario } from '../schema/scenario.js';
import type { FitParameter } from './fitProblem.js';
import { scenarioFitProblem } from './scenarioFitProblem.js';

/** Points of a fitted curve over the run, by default. */
export const FIT_CURVE_POINTS = 201;

/** What {@link fitCurve} draws: the fitted problem and the estimates. */
export interface FitCurveOptions {
  /** The model. */
  readonly plugin: ModelPlugin;
  /** The scenario fitted (its duration is the curve's span; the model's default without one). */
  readonly scenario: Scenario;
  /** The observation model document the fit used. */
  readonly observation: unknown;
  /** The parameters estimated, in the order of `estimates`. */
  readonly parameters: readonly FitParameter[];
  /** The estimates (own units). */
  readonly estimates: ArrayLike<number>;
  /** The data fitted: which quantities were measured, and in which units. */
  readonly data: readonly ObservedDataset[];
  /** Points on the curve (default {@link FIT_CURVE_POINTS}). */
  readonly points?: number;
}

/** A fitted curve: each measured quantity predicted at the estimates over an even grid of the run. */
export interface FitCurve {
  /** The grid, in the model's time unit. */
  readonly time: number[];
  /** The measured quantities in the order first met in the data. */
  readonly measured: string[];
  /** Measured quantity → its predicted values (null where not finite). */
  readonly values: Record<string, (number | null)[]>;
  /** Measured quantity → its unit (the data's). */
  readonly units: Record<string, string>;
}

/**
 * The curve of each measured quantity at the estimates over an even grid of the run: the same problem (model,
 * observation model, parameters) asked for its predictions at the grid's times instead of the data's, so the curve
 * is what the likelihood compared with the data.
 */
export function fitCurve(options: FitCurveOptions): FitCurve {
  const { plugin, scenario, data } = options;
  const { manifest } = plugin;
  const points = options.points ?? FIT_CURVE_POINTS;
  const duration = scenario.duration ?? manifest.defaults.duration;
  const time = Array.from({ length: points }, (_, i) => (duration * i) / (points - 1));
  const measured = [...new Set(data.map((d) => d.observable))];
  const units = Object.fromEntries(measured.map((id) => [id, data.find((d) => d.observable === id)!.unit]));
  const grid: ObservedDataset[] = measured.map((observable) => ({
    name: 'fit',
    source: 'fit curve',
    observable,
    unit: units[observable]!,
    timeUnit: manifest.timeUnit,
    time,
    values: time.map(() => 1),
  }));
  const curve = scenarioFitProblem({
    plugin,
    experiments: [{ scenario, data: grid }],
    observation: options.observation,
    parameters: options.parameters.map(({ id, lower, upper, scale }) => ({ id, lower, upper, scale })),
  }).predict(Float64Array.from(options.estimates));
  const values = Object.fromEntries(
    curve.map((c, i) => [measured[i]!, Array.from(c.predicted, (v) => (Number.isFinite(v) ? v : null))]),
  );
  return { time, measured, values, units };
}
