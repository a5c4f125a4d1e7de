import {
  outcomeLabel,
  requestedOutcomeUnit,
  type AggregateSummary,
  type BandFigure,
  type BarsFigure,
  type HeatmapFigure,
  type HistogramFigure,
  type LineFigure,
  type ModelManifest,
  type OutcomeRequest,
  type PrccEntry,
  type SobolIndices,
  type StudyAxis,
  type StudyParameterAxis,
} from '@immunotwin/engine';
import { outcomeMeans, outcomeSamples, type StudyRuns } from './studyRun.js';

/** JSON has no NaN or Infinity: a missing value is null (drawn as a gap). */
const value = (v: number): number | null => (Number.isFinite(v) ? v : null);

/** The axis of a parameter: its label and unit from the manifest, logarithmic when its scale is. */
export function parameterAxis(manifest: ModelManifest, id: string, values: readonly number[]): StudyParameterAxis {
  const spec = manifest.parameters.find((p) => p.id === id)!;
  // "Virus clearance rate c" already names its symbol; "Precursors" gets it in brackets.
  const named = spec.label.split(/\s+/).at(-1) === id;
  const label = named ? spec.label : `${spec.label} (${id})`;
  return { label, unit: spec.unit, log: spec.scale === 'log', values: [...values] };
}

/** The axis of an outcome: `V.peak` with its unit. */
export function outcomeAxis(manifest: ModelManifest, request: OutcomeRequest, log = false): StudyAxis {
  return { label: outcomeLabel(request), unit: requestedOutcomeUnit(request, manifest), log };
}

/** The distinct values of a parameter over the runs, in the order they first appear (a grid's levels). */
function levels(runs: StudyRuns, id: string): number[] {
  return [...new Set(runs.points.map((p) => p[id]!))];
}

/** Whether an outcome spans orders of magnitude (all positive, max/min > 100): drawn on a log axis. */
function spansDecades(values: ArrayLike<number>): boolean {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (!Number.isFinite(v)) continue;
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  return lo > 0 && hi / lo > 100;
}

/**
 * A grid sweep's figures, one per outcome: a heatmap over the first two parameters (averaged over any others
 * and over replicates), or a line along the one parameter.
 */
export function gridFigures(
  manifest: ModelManifest,
  runs: StudyRuns,
  ids: readonly string[],
): (HeatmapFigure | LineFigure)[] {
  return runs.requests.map((request, k) => {
    const means = outcomeMeans(runs, k);
    const axis = outcomeAxis(manifest, request, spansDecades(means));
    const x = levels(runs, ids[0]!);
    if (ids.length === 1) {
      return {
        kind: 'line',
        title: `${outcomeLabel(request)} along ${ids[0]}`,
        x: parameterAxis(manifest, ids[0]!, x),
        series: [
          {
            name: runs.replicates.length > 1 ? `mean of ${runs.replicates.length} replicates` : outcomeLabel(request),
            values: Array.from(means, value),
          },
        ],
        value: axis,
      };
    }
    const y = levels(runs, ids[1]!);
    const sums = y.map(() => x.map(() => 0));
    const counts = y.map(() => x.map(() => 0));
    runs.points.forEach((point, i) => {
      const v = means[i]!;
      if (!Number.isFinite(v)) return;
      const row = y.indexOf(point[ids[1]!]!);
      const column = x.indexOf(point[ids[0]!]!);
      sums[row]![column]! += v;
      counts[row]![column]!++;
    });
    const others = ids.slice(2);
    return {
      kind: 'heatmap',
      title: `${outcomeLabel(request)} over ${ids[0]} and ${ids[1]}`,
      ...(others.length > 0 ? { caption: `Averaged over ${others.join(', ')}.` } : {}),
      x: parameterAxis(manifest, ids[0]!, x),
      y: parameterAxis(manifest, ids[1]!, y),
      z: sums.map((row, r) => row.map((sum, c) => (counts[r]![c]! > 0 ? sum / counts[r]![c]! : null))),
      value: axis,
    };
  });
}

/** A histogram of each outcome over every run and replicate (a cohort's spread). */
export function histogramFigures(manifest: ModelManifest, runs: StudyRuns): HistogramFigure[] {
  return runs.requests.map((request, k) => {
    const samples = outcomeSamples(runs, k);
    return {
      kind: 'histogram',
      title: `${outcomeLabel(request)} over ${samples.length} runs`,
      values: Array.from(samples, value),
      value: outcomeAxis(manifest, request, spansDecades(samples)),
    };
  });
}

/** The band's observable over time: the median and the 5–95 % band over every run. */
export function bandFigure(manifest: ModelManifest, observable: string, summary: AggregateSummary): BandFigure {
  const spec = manifest.observables.find((o) => o.id === observable)!;
  const stats = summary.observables[observable]!;
  const [low, high] = [stats.bands[0]!, stats.bands[stats.bands.length - 1]!];
  return {
    kind: 'band',
    title: `${spec.label}: median and 5–95 % of ${summary.runs} runs`,
    time: Array.from(summary.time),
    timeUnit: manifest.timeUnit,
    median: Array.from(stats.median, value),
    low: Array.from(low, value),
    high: Array.from(high, value),
    quantiles: [summary.quantiles[0]!, summary.quantiles[summary.quantiles.length - 1]!],
    value: { label: spec.label, unit: spec.unit, log: spansDecades(stats.median) },
  };
}

/** Sobol' first-order and total indices of one outcome, with their bootstrap intervals. */
export function sobolFigure(request: OutcomeRequest, ids: readonly string[], indices: SobolIndices): BarsFigure {
  const series = (name: string, point: Float64Array, half: Float64Array) => ({
    name,
    values: Array.from(point, value),
    low: Array.from(point, (v, i) => value(v - half[i]!)),
    high: Array.from(point, (v, i) => value(v + half[i]!)),
  });
  const level = Math.round(indices.confidenceLevel * 100);
  return {
    kind: 'bars',
    title: `Sobol' indices of ${outcomeLabel(request)}`,
    caption: `First-order: the share of the variance of ${outcomeLabel(request)} due to the parameter alone; total: including its interactions. Bars: ${level} % bootstrap intervals.`,
    categories: [...ids],
    series: [
      series('first order', indices.firstOrder, indices.firstOrderConfidence),
      series('total', indices.total, indices.totalConfidence),
    ],
    value: { label: "Sobol' index", unit: '1' },
    horizontal: false,
  };
}

/** A p-value as a short note. */
export function pValueNote(p: number): string {
  return p < 0.001 ? 'p < 0.001' : `p = ${p.toPrecision(2)}`;
}

/** PRCC of each parameter with one outcome, as a tornado: the largest |PRCC| on top, p-values as notes. */
export function prccFigure(request: OutcomeRequest, ids: readonly string[], entries: readonly PrccEntry[]): BarsFigure {
  const order = ids
    .map((_, i) => i)
    .sort((a, b) => Math.abs(entries[a]!.coefficient) - Math.abs(entries[b]!.coefficient));
  return {
    kind: 'bars',
    title: `PRCC with ${outcomeLabel(request)}`,
    caption: 'Partial rank correlation of each parameter with the outcome, the others held fixed; longest bar on top.',
    categories: order.map((i) => ids[i]!),
    series: [
      {
        name: 'PRCC',
        values: order.map((i) => value(entries[i]!.coefficient)),
        notes: order.map((i) => pValueNote(entries[i]!.pValue)),
      },
    ],
    value: { label: 'PRCC', unit: '1', range: [-1, 1] },
    horizontal: true,
  };
}
