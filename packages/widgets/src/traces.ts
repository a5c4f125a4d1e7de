import {
  detectionLimitsOf,
  isBelowDetectionLimit,
  timeConversionFactor,
  type ObservedDataset,
  type PlotModel,
} from '@immunotwin/engine';
import { quantityTitle, timeAxisTitle } from './axisTitle.js';
import { decimateMinMax } from './decimate.js';
import { largestY, logAxisFloor } from './logAxisFloor.js';
import { PALETTE, translucent } from './palette.js';
import type { PlotlyObject } from './plotlyLoader.js';
import type { IReplicateSeries, IRunSeries } from './runBuffer.js';

/**
 * An ensemble's statistics as the plot draws them: the engine's `EnsembleSummary` (typed arrays) or its JSON
 * form in a plot bundle (plain arrays).
 */
export interface IPlotSummary {
  /** The quantile levels of `bands`, ascending. */
  readonly quantiles: readonly number[];
  /** Sample times of the statistics; absent: those of the run they summarise (its first replicate). */
  readonly time?: ArrayLike<number>;
  /** Observable id → median and one band series per quantile. */
  readonly observables: Readonly<
    Record<string, { readonly median: ArrayLike<number>; readonly bands: readonly ArrayLike<number>[] }>
  >;
}

/** A pinned run as the plot draws it: a label and its trajectories (and bands, for an ensemble). */
export interface IPinnedRun {
  /** Legend label. */
  label: string;
  /** Its trajectories. */
  series: IRunSeries;
  /** Its ensemble summary, when it has several replicates (the median is drawn then). */
  summary?: IPlotSummary;
  /** One colour for all its observables (default: each observable's own, as the live run's). */
  colour?: string;
}

/** Everything one figure shows. */
export interface IFigureInput {
  /** The model (labels, units, time unit): a manifest, or a plot bundle's `model`. */
  manifest: PlotModel;
  /** Observable ids to draw, in order. */
  observables: readonly string[];
  /** The live (or last) run. */
  live: IRunSeries;
  /** The live run's ensemble summary once it has finished with several replicates. */
  summary?: IPlotSummary;
  /** Pinned runs, drawn dashed. */
  pinned?: readonly IPinnedRun[];
  /** Observed data, drawn as markers. */
  observed?: readonly ObservedDataset[];
  /** Logarithmic y axis. */
  logY?: boolean;
}

/** Where a live replicate's trace sits in the figure, for `extendTraces`. */
export interface ILiveTrace {
  /** Replicate index. */
  replicate: number;
  /** Observable id. */
  observable: string;
  /** Trace index in the figure's data. */
  index: number;
}

/** A figure: traces, layout, and which traces stream. */
export interface IFigure {
  /** plotly traces. */
  data: PlotlyObject[];
  /** plotly layout (theme colours are added by the element). */
  layout: PlotlyObject;
  /** The traces that follow a live replicate. */
  live: ILiveTrace[];
}

const DASHES = ['dash', 'dot', 'dashdot', 'longdash', 'longdashdot'];

/** "Free virus (TCID50/mL)"-style trace name. */
export function observableName(manifest: PlotModel, id: string): string {
  const spec = manifest.observables.find((o) => o.id === id);
  return spec ? quantityTitle(spec.label, spec.unit) : id;
}

function colourOf(observables: readonly string[], id: string): string {
  const i = observables.indexOf(id);
  return PALETTE[(i < 0 ? observables.length : i) % PALETTE.length];
}

function line(x: number[], y: number[], extra: PlotlyObject): PlotlyObject {
  return { type: 'scatter', mode: 'lines', x, y, ...extra };
}

/** Band traces (outer pairs of quantiles shaded) and the median of one observable of an ensemble. */
function ensembleTraces(
  time: number[],
  stats: IPlotSummary['observables'][string],
  name: string,
  colour: string,
  group: string,
  dash?: string,
): PlotlyObject[] {
  const data: PlotlyObject[] = [];
  const n = stats.bands.length;
  for (let i = 0; i < Math.floor(n / 2); i++) {
    const low = Array.from(stats.bands[i]);
    const high = Array.from(stats.bands[n - 1 - i]);
    data.push(
      line(time, low, { line: { width: 0, color: colour }, showlegend: false, legendgroup: group, hoverinfo: 'skip' }),
    );
    data.push(
      line(time, high, {
        line: { width: 0, color: colour },
        fill: 'tonexty',
        fillcolor: translucent(colour, i === 0 ? 0.15 : 0.25),
        showlegend: false,
        legendgroup: group,
        name: `${name} band`,
        hoverinfo: 'skip',
      }),
    );
  }
  data.push(
    line(time, Array.from(stats.median), { name: `${name} median`, legendgroup: group, line: { color: colour, dash } }),
  );
  return data;
}

/**
 * Points drawn, at most, for the finished replicates of one observable together. plotly redraws every point
 * of a figure on each update (≈2 µs a point here): an ensemble of 20 replicates × 5 observables of 30 days
 * was ≈26,000 points and one 58 ms task. The faint finished lines are thinned to this budget (min–max, so
 * their peaks stay); the line streaming now, the median and the bands are drawn in full, and the exported
 * data are never thinned.
 */
export const MERGED_POINT_BUDGET = 1500;

/**
 * Several finished replicates of one observable as a single trace, their lines separated by gaps (null
 * points): a streamed ensemble of 20 replicates × 5 observables is 10 traces for plotly rather than 100,
 * which is what makes each redraw cheap; with many replicates each line is thinned (see
 * {@link MERGED_POINT_BUDGET}).
 */
function mergedReplicatesTrace(
  replicates: readonly IReplicateSeries[],
  id: string,
  name: string,
  colour: string,
  group: string,
): PlotlyObject {
  const x: (number | null)[] = [];
  const y: (number | null)[] = [];
  const perLine = Math.max(16, Math.floor(MERGED_POINT_BUDGET / replicates.length));
  for (const rep of replicates) {
    if (x.length > 0) {
      x.push(null);
      y.push(null);
    }
    const line = decimateMinMax(rep.time, rep.observables[id] ?? [], perLine);
    for (const t of line.time) x.push(t);
    for (const v of line.values) y.push(v);
  }
  return {
    type: 'scatter',
    mode: 'lines',
    x,
    y,
    connectgaps: false,
    name,
    legendgroup: group,
    showlegend: true,
    opacity: 0.35,
    line: { color: colour, width: 1 },
  };
}

function replicateTraces(
  replicate: IReplicateSeries,
  r: number,
  id: string,
  name: string,
  colour: string,
  group: string,
  many: boolean,
  dash?: string,
): PlotlyObject {
  return line(replicate.time.slice(), (replicate.observables[id] ?? []).slice(), {
    name,
    legendgroup: group,
    showlegend: r === 0,
    opacity: many ? 0.35 : 1,
    line: { color: colour, width: many ? 1 : 2, dash },
  });
}

/**
 * The plotly figure of a run, its pinned comparisons and observed data. The live run is drawn last: per
 * observable, the replicate streaming now as its own trace and the finished ones merged into one (faint
 * when there are several), or, once an
 * ensemble summary is given, its quantile bands and median. Pinned runs are dashed; observed data are
 * markers (with ± sd error bars when given).
 */
export function buildFigure(input: IFigureInput): IFigure {
  const { manifest, observables } = input;
  const data: PlotlyObject[] = [];
  const live: ILiveTrace[] = [];
  (input.pinned ?? []).forEach((pin, p) => {
    const dash = DASHES[p % DASHES.length];
    for (const id of observables) {
      const name = `${observableName(manifest, id)} — ${pin.label}`;
      const colour = pin.colour ?? colourOf(observables, id);
      const group = `pin${p}:${id}`;
      const stats = pin.summary?.observables[id];
      // The summary's own times, else those of the run it summarises (IPlotSummary.time).
      const time = pin.summary?.time ?? pin.series.replicates[0]?.time;
      if (stats && time) data.push(...ensembleTraces(Array.from(time), stats, name, colour, group, dash));
      else {
        pin.series.replicates.forEach((rep, r) =>
          data.push(replicateTraces(rep, r, id, name, colour, group, pin.series.replicates.length > 1, dash)),
        );
      }
    }
  });
  for (const set of input.observed ?? [])
    data.push(...observedTraces(set, manifest, colourOf(observables, set.observable)));
  const reps = input.live.replicates;
  const many = reps.length > 1 || input.summary !== undefined;
  for (const id of observables) {
    const name = observableName(manifest, id);
    const colour = colourOf(observables, id);
    const stats = input.summary?.observables[id];
    const time = input.summary?.time ?? reps.find((rep) => rep !== undefined)?.time;
    if (stats && time) {
      data.push(...ensembleTraces(Array.from(time), stats, name, colour, id));
      continue;
    }
    // The replicate streaming now (the last one) is its own trace, extended frame by frame; the finished
    // ones before it are merged into one trace.
    const streaming = reps.length - 1;
    const finished = reps.slice(0, streaming).filter((rep): rep is IReplicateSeries => rep !== undefined);
    if (finished.length > 0) data.push(mergedReplicatesTrace(finished, id, name, colour, id));
    const current = reps[streaming];
    if (current) {
      live.push({ replicate: streaming, observable: id, index: data.length });
      data.push(replicateTraces(current, finished.length > 0 ? 1 : 0, id, name, colour, id, many));
    }
  }
  const layout: PlotlyObject = {
    xaxis: { title: { text: timeAxisTitle(manifest.timeUnit) } },
    yaxis: { type: input.logY ? 'log' : 'linear', exponentformat: 'power', ...logYFloor(input.logY, data) },
    // The legend sits above the plot (plotly widens the top margin to fit it), clear of the axis title.
    margin: { t: 8, r: 16, b: 48, l: 64 },
    legend: { orientation: 'h', x: 0, xanchor: 'left', y: 1.02, yanchor: 'bottom' },
    uirevision: manifest.id,
  };
  return { data, layout, live };
}

/** A log axis's floor (`autorangeoptions.clipmin`, see logAxisFloor.ts) for the traces; nothing for a linear axis. */
function logYFloor(logY: boolean | undefined, data: readonly PlotlyObject[]): PlotlyObject {
  const floor = logY ? logAxisFloor(largestY(data)) : undefined;
  return floor === undefined ? {} : { autorangeoptions: { clipmin: floor } };
}

/**
 * Observed data as markers on the model's time axis (times converted from the dataset's `timeUnit`), with ± sd
 * error bars when given. Points at or below their detection limit are their own trace of downward triangles drawn
 * at the limit, not at the value recorded: the measurement only says the value is at most that (as the patient
 * table's "≤ limit" says).
 */
export function observedTraces(set: ObservedDataset, manifest: PlotModel, colour: string): PlotlyObject[] {
  const factor = timeConversionFactor(set.timeUnit ?? manifest.timeUnit, manifest.timeUnit) ?? 1;
  const measured: number[] = [];
  const censored: number[] = [];
  set.time.forEach((_, k) => (isBelowDetectionLimit(set, k) ? censored : measured).push(k));
  const limits = detectionLimitsOf(set);
  const traces: PlotlyObject[] = [];
  if (measured.length > 0) {
    traces.push({
      type: 'scatter',
      mode: 'markers',
      x: measured.map((k) => set.time[k] * factor),
      y: measured.map((k) => set.values[k]),
      name: `${set.name} (observed)`,
      marker: { color: colour, symbol: 'circle-open', size: 7 },
      ...(set.sd ? { error_y: { type: 'data', array: measured.map((k) => set.sd![k]), visible: true } } : {}),
    });
  }
  if (censored.length > 0) {
    traces.push({
      type: 'scatter',
      mode: 'markers',
      x: censored.map((k) => set.time[k] * factor),
      y: censored.map((k) => limits[k]),
      name: `${set.name} (below detection limit)`,
      marker: { color: colour, symbol: 'triangle-down-open', size: 8 },
    });
  }
  return traces;
}
