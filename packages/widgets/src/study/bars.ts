import type { BarsFigure, StudySeries } from '@immunotwin/engine';
import { paletteColour } from '../palette.js';
import type { PlotlyObject } from '../plotlyLoader.js';
import { axisLayout, axisTitle, categoryAxis } from './axes.js';
import { errorArrays, hasInterval, intervalData } from './intervals.js';
import { baseLayout, DEFAULT_INK, type IStudyInk, type IStudyPlot } from './studyPlot.js';
import { formatNumber, plotlyText } from './text.js';

/**
 * One value per parameter: grouped bars, one colour per series, with error bars from each series' `low` and `high`
 * (in the theme's text colour, `ink`) and its notes (e.g. p-values) in the hover. `horizontal` draws a tornado:
 * bars along x and the parameters down the y axis, the first at the top. The value axis takes the figure's fixed
 * range when it has one (an index in [0, 1], a PRCC in [−1, 1]).
 */
export function barsPlot(figure: BarsFigure, { ink }: IStudyInk = DEFAULT_INK): IStudyPlot {
  const { value, horizontal } = figure;
  const categories = figure.categories.map(plotlyText);
  const valueTitle = plotlyText(axisTitle(value));
  const data = figure.series.map((series, i): PlotlyObject => {
    const name = plotlyText(series.name);
    const errors = errorArrays(series);
    const interval = hasInterval(series) ? ' [%{customdata[0]:.3~g}, %{customdata[1]:.3~g}]' : '';
    const place = horizontal ? '%{y}: %{x:.3~g}' : '%{x}: %{y:.3~g}';
    return {
      type: 'bar',
      orientation: horizontal ? 'h' : 'v',
      name,
      [horizontal ? 'y' : 'x']: categories,
      [horizontal ? 'x' : 'y']: series.values,
      marker: { color: paletteColour(i) },
      customdata: intervalData(series),
      ...(errors
        ? {
            [horizontal ? 'error_x' : 'error_y']: {
              type: 'data',
              symmetric: false,
              ...errors,
              visible: true,
              color: ink,
              thickness: 1.2,
              width: 3,
            },
          }
        : {}),
      ...(series.notes ? { hovertext: series.notes.map(plotlyText) } : {}),
      hovertemplate: `${name}<br>${place}${interval}${series.notes ? '<br>%{hovertext}' : ''}<extra>${valueTitle}</extra>`,
    };
  });
  const drawn = figure.series.flatMap((s) => [...s.values, ...(s.low ?? []), ...(s.high ?? [])]);
  const valueAxis = { ...axisLayout(value, drawn, { wrap: !horizontal }), zeroline: true, zerolinewidth: 1 };
  const categoryAxisLayout = categoryAxis(horizontal);
  return {
    data,
    layout: {
      ...baseLayout(figure.series.length > 1),
      barmode: 'group',
      bargap: 0.25,
      bargroupgap: 0.05,
      xaxis: horizontal ? valueAxis : categoryAxisLayout,
      yaxis: horizontal ? categoryAxisLayout : valueAxis,
    },
    description: describe(figure),
  };
}

/** "Tornado chart of … for 4 parameters. first order: beta 0.62 [0.55, 0.7] (p = 0.003), …" */
function describe(figure: BarsFigure): string {
  const kind = figure.horizontal ? 'Tornado chart' : 'Bar chart';
  const series = (s: StudySeries): string => {
    const items = figure.categories.map((category, i) => {
      const interval = hasInterval(s) ? ` [${formatNumber(s.low?.[i])}, ${formatNumber(s.high?.[i])}]` : '';
      const note = s.notes?.[i] ? ` (${s.notes[i]})` : '';
      return `${category} ${formatNumber(s.values[i])}${interval}${note}`;
    });
    return `${s.name}: ${items.join(', ')}`;
  };
  return `${kind} of ${axisTitle(figure.value)} for ${figure.categories.length} parameters. ${figure.series.map(series).join('. ')}.`;
}
