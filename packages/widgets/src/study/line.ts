import type { LineFigure } from '@immunotwin/engine';
import { paletteColour, translucent } from '../palette.js';
import type { PlotlyObject } from '../plotlyLoader.js';
import { axisLayout, axisTitle } from './axes.js';
import { hasInterval, intervalData } from './intervals.js';
import { baseLayout, DEFAULT_INK, extremes, type IStudyInk, type IStudyPlot } from './studyPlot.js';
import { formatNumber, plotlyText } from './text.js';

/**
 * An outcome along one swept parameter: one line (with markers at the swept values) per series, in the palette's
 * colours, each with its interval shaded between `low` and `high` when it has both; gaps where a value is null.
 * A legend names the series when there are several.
 */
export function linePlot(figure: LineFigure, { shade }: IStudyInk = DEFAULT_INK): IStudyPlot {
  const { x, value } = figure;
  const data: PlotlyObject[] = [];
  const valueTitle = plotlyText(axisTitle(value));
  figure.series.forEach((series, i) => {
    const colour = paletteColour(i);
    const name = plotlyText(series.name);
    const group = `series${i}`;
    if (hasInterval(series)) {
      const edge = { type: 'scatter', mode: 'lines', x: x.values, line: { width: 0, color: colour } };
      data.push({ ...edge, y: series.low, showlegend: false, legendgroup: group, hoverinfo: 'skip' });
      data.push({
        ...edge,
        y: series.high,
        fill: 'tonexty',
        fillcolor: translucent(colour, shade),
        showlegend: false,
        legendgroup: group,
        hoverinfo: 'skip',
      });
    }
    const interval = hasInterval(series) ? ' [%{customdata[0]:.3~g}, %{customdata[1]:.3~g}]' : '';
    data.push({
      type: 'scatter',
      mode: 'lines+markers',
      x: x.values,
      y: series.values,
      name,
      legendgroup: group,
      line: { color: colour, width: 2 },
      marker: { color: colour, size: 5 },
      customdata: intervalData(series),
      ...(series.notes ? { hovertext: series.notes.map(plotlyText) } : {}),
      hovertemplate:
        `${plotlyText(x.label)} = %{x:.3~g}<br>${name}: %{y:.3~g}${interval}` +
        `${series.notes ? '<br>%{hovertext}' : ''}<extra>${valueTitle}</extra>`,
    });
  });
  const several = figure.series.length > 1;
  return {
    data,
    layout: {
      ...baseLayout(several),
      xaxis: axisLayout(x, x.values),
      yaxis: axisLayout(
        value,
        figure.series.flatMap((s) => [...s.values, ...(s.low ?? []), ...(s.high ?? [])]),
        {
          wrap: true,
        },
      ),
    },
    description: describe(figure),
  };
}

/** "Line chart of … against …: <series> from … at … to … at …; …" */
function describe(figure: LineFigure): string {
  const { x, value } = figure;
  const parts = figure.series.map((series) => {
    const found = extremes(series.values);
    const shaded = hasInterval(series) ? ' (interval shaded)' : '';
    if (!found) return `${series.name}: no values`;
    const at = (i: number): string => `${x.label} = ${formatNumber(x.values[i])}`;
    return `${series.name}${shaded} from ${formatNumber(found.min)} at ${at(found.argMin)} to ${formatNumber(found.max)} at ${at(found.argMax)}`;
  });
  return `Line chart of ${axisTitle(value)} against ${axisTitle(x)}${x.log ? ' (log scale)' : ''}: ${parts.join('; ')}.`;
}
