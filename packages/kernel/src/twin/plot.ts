import { type ModelManifest, type ScenarioResult, PLOT_MIME_TYPE } from '@immunotwin/engine';
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
}

/** A plotly figure as plain JSON. */
export interface PlotlyFigure {
  /** The traces. */
  data: Record<string, unknown>[];
  /** The layout. */
  layout: Record<string, unknown>;
}

/** Checks observable ids against the manifest; the error names the id and the allowed ones. */
export function checkObservables(manifest: ModelManifest, ids: readonly string[] | undefined): string[] {
  const known = manifest.observables.map((o) => o.id);
  if (ids === undefined) return known;
  if (!Array.isArray(ids))
    throw new TypeError(`observables: must be an array of observable ids; allowed: ${known.join(', ')}`);
  for (const id of ids) {
    if (!known.includes(id)) {
      throw new RangeError(`observables: unknown observable ${JSON.stringify(id)}; allowed: ${known.join(', ')}`);
    }
  }
  return [...ids];
}

/**
 * The plotly figure of a result: one line per observable (one replicate), or, for an ensemble, the median
 * with the outer quantile band shaded.
 */
export function plotFigure(result: ScenarioResult, options: PlotOptions = {}): PlotlyFigure {
  const manifest = result.scenario.plugin.manifest;
  const ids = checkObservables(manifest, options.observables);
  const data: Record<string, unknown>[] = [];
  const summary = result.summary;
  const time = Array.from(result.runs[0].time);
  for (const id of ids) {
    const spec = manifest.observables.find((o) => o.id === id)!;
    const name = `${spec.label ?? id} (${spec.unit})`;
    if (summary) {
      const stats = summary.observables[id];
      const low = stats.bands[0];
      const high = stats.bands[stats.bands.length - 1];
      if (low && high) {
        data.push({
          type: 'scatter',
          mode: 'lines',
          x: time,
          y: Array.from(low),
          line: { width: 0 },
          showlegend: false,
          legendgroup: id,
          hoverinfo: 'skip',
        });
        data.push({
          type: 'scatter',
          mode: 'lines',
          x: time,
          y: Array.from(high),
          line: { width: 0 },
          fill: 'tonexty',
          showlegend: false,
          legendgroup: id,
          name: `${name} band`,
        });
      }
      data.push({
        type: 'scatter',
        mode: 'lines',
        x: time,
        y: Array.from(stats.median),
        name: `${name} median`,
        legendgroup: id,
      });
    } else {
      data.push({ type: 'scatter', mode: 'lines', x: time, y: Array.from(result.runs[0].observables[id]), name });
    }
  }
  const layout = {
    title: { text: options.title ?? manifest.title },
    xaxis: { title: { text: `time (${manifest.timeUnit}s)` } },
    yaxis: { type: options.log ? 'log' : 'linear' },
  };
  return { data, layout };
}

/** A plot as a cell output: the plotly figure under {@link PLOT_MIME_TYPE}, and a text summary. */
export class TwinPlot {
  /** The figure. */
  readonly figure: PlotlyFigure;
  private readonly text: string;

  constructor(result: ScenarioResult, options: PlotOptions = {}) {
    this.figure = plotFigure(result, options);
    this.text = describeResult(result, checkObservables(result.scenario.plugin.manifest, options.observables));
  }

  /** The figure and its text/plain summary. */
  toMimeBundle(): MimeBundle {
    return { data: { [PLOT_MIME_TYPE]: this.figure, 'text/plain': this.text }, metadata: {} };
  }
}
