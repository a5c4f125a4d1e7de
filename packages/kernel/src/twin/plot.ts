import {
  PLOT_BUNDLE_VERSION,
  PLOT_MIME_TYPE,
  type ModelManifest,
  type ObservedDataset,
  parsePlotBundle,
  type PlotBundle,
  type PlotModel,
  type ScenarioResult,
  shownObservables,
} from '@immunotwin/engine';
import type { MimeBundle } from '../mime.js';
import { describeResult } from './summary.js';

/** Options of `twin.plot()`. */
export interface PlotOptions {
  /** Observable ids to draw (default: every observable of the model). */
  observables?: readonly string[];
  /** A logarithmic y axis (default false). */
  log?: boolean;
  /** The figure title (default: the model's title). */
  title?: string;
  /**
   * Measured data drawn as markers over the observables they measure, in those observables' units (the engine's
   * `ObservedDataset`; `timeUnit` converts to the model's; points at or below a detection limit are drawn apart).
   */
  observed?: readonly ObservedDataset[];
}

/** Checks observable ids against the manifest; the error names the id and the allowed ones. */
export function checkObservables(manifest: ModelManifest, ids: readonly string[] | undefined): string[] {
  const known = manifest.observables.map((o) => o.id);
  if (ids === undefined) return shownObservables(manifest);
  if (!Array.isArray(ids))
    throw new TypeError(`observables: must be an array of observable ids; allowed: ${known.join(', ')}`);
  for (const id of ids) {
    if (!known.includes(id)) {
      throw new RangeError(`observables: unknown observable ${JSON.stringify(id)}; allowed: ${known.join(', ')}`);
    }
  }
  return [...ids];
}

/** The plot-format view of a model: what a plot needs to name things (a subset of the manifest). */
export function plotModel(manifest: ModelManifest): PlotModel {
  return {
    id: manifest.id,
    title: manifest.title,
    timeUnit: manifest.timeUnit,
    observables: manifest.observables.map(({ id, label, unit, description }) =>
      description === undefined ? { id, label, unit } : { id, label, unit, description },
    ),
  };
}

/** Plain numbers, with non-finite values as null (JSON has no NaN or Infinity; the plot leaves a gap). */
function column(values: ArrayLike<number>): (number | null)[] {
  return Array.from(values, (v) => (Number.isFinite(v) ? v : null));
}

/**
 * The plot bundle of a result (the engine's `PlotBundle`, `schema/plot.schema.json`): data, not a drawing. One
 * replicate's samples, or, for an ensemble, the first run's sample times with the summary (the plot draws the
 * median and the quantile bands). The widgets' `<twin-timeseries>` draws it, as it draws the workbench.
 */
export function plotBundle(result: ScenarioResult, options: PlotOptions = {}): PlotBundle {
  const manifest = result.scenario.plugin.manifest;
  const ids = checkObservables(manifest, options.observables);
  if (options.log !== undefined && typeof options.log !== 'boolean') {
    throw new TypeError(`plot: log must be true or false; got ${String(options.log)}`);
  }
  if (options.title !== undefined && typeof options.title !== 'string') {
    throw new TypeError(`plot: title must be text; got ${String(options.title)}`);
  }
  const summary = result.summary;
  const runs = summary ? result.runs.slice(0, 1) : result.runs;
  const bundle: PlotBundle = {
    version: PLOT_BUNDLE_VERSION,
    model: plotModel(manifest),
    title: options.title ?? manifest.title,
    observables: ids,
    logY: options.log ?? false,
    runs: runs.map((run) => ({
      time: Array.from(run.time),
      observables: Object.fromEntries(ids.map((id) => [id, column(run.observables[id])])),
    })),
  };
  if (summary) {
    bundle.summary = {
      quantiles: [...summary.quantiles],
      observables: Object.fromEntries(
        ids.map((id) => {
          const stats = summary.observables[id];
          return [
            id,
            {
              mean: Array.from(stats.mean),
              median: Array.from(stats.median),
              bands: stats.bands.map((b) => Array.from(b)),
            },
          ];
        }),
      ),
    };
  }
  if (options.observed !== undefined) {
    if (!Array.isArray(options.observed)) {
      throw new TypeError('plot: observed must be an array of observed datasets (schema/observed-data.schema.json)');
    }
    bundle.observed = structuredClone([...options.observed]);
    return parsePlotBundle(bundle); // names the dataset and field that is wrong
  }
  return bundle;
}

/** A plot as a cell output: the plot bundle under {@link PLOT_MIME_TYPE}, and a text summary. */
export class TwinPlot {
  /** The bundle. */
  readonly bundle: PlotBundle;
  private readonly text: string;

  constructor(result: ScenarioResult, options: PlotOptions = {}) {
    this.bundle = plotBundle(result, options);
    this.text = describeResult(result, this.bundle.observables);
  }

  /** The bundle and its text/plain summary. */
  toMimeBundle(): MimeBundle {
    return { data: { [PLOT_MIME_TYPE]: this.bundle, 'text/plain': this.text }, metadata: {} };
  }
}
