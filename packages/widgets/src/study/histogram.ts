import type { HistogramFigure } from '@immunotwin/engine';
import { paletteColour } from '../palette.js';
import { axisLayout, axisTitle, isLog } from './axes.js';
import { histogramBins, type IHistogramBins } from './histogramBins.js';
import { baseLayout, type IStudyPlot } from './studyPlot.js';
import { formatNumber, plotlyText } from './text.js';

/** The part of each bin left as a gap on either side, in the axis's own scale (decades on a log axis). */
const GAP = 0.04;

/**
 * An outcome's values over the runs: bars over bins of {@link histogramBins} (even in decades on a log axis, where
 * plotly's own histogram would bin evenly in the values), counted in runs; the bin's range and count in the hover.
 * Runs without a value, and values a log axis cannot show, are said under the figure rather than dropped silently.
 */
export function histogramPlot(figure: HistogramFigure): IStudyPlot {
  const log = isLog(figure.value);
  const bins = histogramBins(figure.values, log);
  const to = (v: number): number => (log ? Math.log10(v) : v);
  const from = (t: number): number => (log ? 10 ** t : t);
  // Each bar spans its bin less a small gap, placed by its middle and width in data units (so on a log axis too).
  const spans = bins.counts.map((_, i) => {
    const a = to(bins.edges[i]);
    const b = to(bins.edges[i + 1]);
    const gap = (b - a) * GAP;
    return [from(a + gap), from(b - gap)];
  });
  const valueTitle = plotlyText(axisTitle(figure.value));
  return {
    data: [
      {
        type: 'bar',
        x: spans.map(([a, b]) => (a + b) / 2),
        width: spans.map(([a, b]) => b - a),
        y: bins.counts,
        customdata: bins.counts.map((_, i) => [bins.edges[i], bins.edges[i + 1]]),
        marker: { color: paletteColour(0) },
        name: 'runs',
        hovertemplate: `${valueTitle}<br>%{customdata[0]:.3~g} to %{customdata[1]:.3~g}: %{y} runs<extra></extra>`,
      },
    ],
    layout: {
      ...baseLayout(false),
      bargap: 0,
      xaxis: axisLayout(figure.value, bins.edges),
      yaxis: { title: { text: 'runs', standoff: 6 }, automargin: true, rangemode: 'tozero' },
    },
    description: describe(figure, bins),
    remark: remark(figure, bins, log),
  };
}

/** "Histogram of … over 2048 runs: from … to …, median …" */
function describe(figure: HistogramFigure, bins: IHistogramBins): string {
  const title = `Histogram of ${axisTitle(figure.value)}${isLog(figure.value) ? ' (log scale)' : ''}`;
  if (bins.counted === 0) return `${title}: no run has a value to show.`;
  const sorted = figure.values.filter((v): v is number => v !== null && Number.isFinite(v)).sort((a, b) => a - b);
  const middle = sorted.length / 2;
  const median = sorted.length % 2 === 1 ? sorted[Math.floor(middle)] : (sorted[middle - 1] + sorted[middle]) / 2;
  const modal = bins.counts.indexOf(Math.max(...bins.counts));
  return (
    `${title} over ${bins.counted} runs in ${bins.counts.length} bins: from ${formatNumber(sorted[0])} to ` +
    `${formatNumber(sorted[sorted.length - 1])}, median ${formatNumber(median)}; most runs (${bins.counts[modal]}) ` +
    `between ${formatNumber(bins.edges[modal])} and ${formatNumber(bins.edges[modal + 1])}.`
  );
}

/** What the bars leave out, if anything. */
function remark(figure: HistogramFigure, bins: IHistogramBins, log: boolean): string | undefined {
  const parts: string[] = [];
  if (bins.missing > 0) parts.push(`${bins.missing} of ${figure.values.length} runs have no value`);
  if (log && bins.nonPositive > 0) parts.push(`${bins.nonPositive} values ≤ 0 are not on the log axis`);
  return parts.length > 0 ? `${parts.join('; ')}.` : undefined;
}
