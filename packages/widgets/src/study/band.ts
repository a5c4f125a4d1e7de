import type { BandFigure } from '@immunotwin/engine';
import { timeAxisTitle } from '../axisTitle.js';
import { paletteColour, translucent } from '../palette.js';
import { axisLayout, axisTitle } from './axes.js';
import { baseLayout, DEFAULT_INK, extremes, type IStudyInk, type IStudyPlot } from './studyPlot.js';
import { formatNumber, plotlyText, quantileRange } from './text.js';

/**
 * An observable's median over time with its quantile band shaded between `low` and `high` (drawn as the band's
 * lower edge, then its upper edge filled down to it, then the median on top), the band's quantiles in the legend
 * and the hover.
 */
export function bandPlot(figure: BandFigure, { shade }: IStudyInk = DEFAULT_INK): IStudyPlot {
  const colour = paletteColour(0);
  const band = `${quantileRange(figure.quantiles)} of runs`;
  const time = timeAxisTitle(figure.timeUnit);
  const edge = { type: 'scatter', mode: 'lines', x: figure.time, line: { width: 0, color: colour }, hoverinfo: 'skip' };
  return {
    data: [
      { ...edge, y: figure.low, showlegend: false, legendgroup: 'band' },
      {
        ...edge,
        y: figure.high,
        fill: 'tonexty',
        fillcolor: translucent(colour, shade),
        name: plotlyText(band),
        legendgroup: 'band',
      },
      {
        type: 'scatter',
        mode: 'lines',
        x: figure.time,
        y: figure.median,
        name: 'median',
        line: { color: colour, width: 2 },
        customdata: figure.time.map((_, i) => [figure.low[i], figure.high[i]]),
        hovertemplate:
          `${plotlyText(time)} = %{x:.3~g}<br>median: %{y:.3~g}<br>${plotlyText(band)}: ` +
          `%{customdata[0]:.3~g} to %{customdata[1]:.3~g}<extra>${plotlyText(axisTitle(figure.value))}</extra>`,
      },
    ],
    layout: {
      ...baseLayout(true),
      xaxis: { title: { text: plotlyText(time), standoff: 6 }, automargin: true },
      yaxis: axisLayout(figure.value, [...figure.low, ...figure.high, ...figure.median], { wrap: true }),
    },
    description: describe(figure, band),
  };
}

/** "Median of … over time (days) with 5–95 % of runs shaded: the median peaks at … at time …" */
function describe(figure: BandFigure, band: string): string {
  const text = `Median of ${axisTitle(figure.value)} over ${timeAxisTitle(figure.timeUnit)} with ${band} shaded`;
  const peak = extremes(figure.median);
  if (!peak) return `${text}; the median has no values.`;
  const spread = extremes(figure.high);
  return (
    `${text}: the median peaks at ${formatNumber(peak.max)} at time ${formatNumber(figure.time[peak.argMax])}` +
    (spread ? `; the band's top reaches ${formatNumber(spread.max)}.` : '.')
  );
}
