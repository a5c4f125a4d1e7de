import type { HeatmapFigure } from '@immunotwin/engine';
import type { PlotlyObject } from '../plotlyLoader.js';
import { axisLayout, axisTitle, axisTitleMarkup, cellEdges, isLog } from './axes.js';
import { baseLayout, extremes, type IStudyPlot } from './studyPlot.js';
import { formatNumber, plotlyText } from './text.js';

/** A colour scale that reads in both themes and in grey (viridis, perceptually uniform). */
const COLOUR_SCALE = 'Viridis';

/**
 * Colour bar ticks on a log value scale (colours follow log10 of the values): at each power of ten in
 * `[low, high]` (decades), and at 2× and 5× as well when the range holds fewer than three powers of ten.
 */
export function logTicks(low: number, high: number): { tickvals: number[]; ticktext: string[] } {
  const tickvals: number[] = [];
  const ticktext: string[] = [];
  const decades = Math.floor(high) - Math.ceil(low) + 1;
  for (let d = Math.floor(low); d <= Math.ceil(high); d++) {
    for (const m of decades >= 3 ? [1] : [1, 2, 5]) {
      const t = d + Math.log10(m);
      if (t < low - 1e-9 || t > high + 1e-9) continue;
      tickvals.push(t);
      ticktext.push(m === 1 ? `10<sup>${d}</sup>` : `${m}·10<sup>${d}</sup>`);
    }
  }
  return { tickvals, ticktext };
}

/**
 * An outcome over two swept parameters: a plotly heatmap with cells centred on the swept values (edges from
 * {@link cellEdges}, so a log-spaced sweep has even cells on a log axis), a colour bar titled with the value's
 * label and unit, and the swept values and the outcome in the hover. A log value scale colours by log10 of the
 * values, with the colour bar labelled in powers of ten; cells without a value are left empty.
 */
export function heatmapPlot(figure: HeatmapFigure): IStudyPlot {
  const { x, y, value } = figure;
  const logValue = isLog(value);
  const z = figure.z.map((row) =>
    row.map((v) => (v === null || !Number.isFinite(v) ? null : logValue ? (v > 0 ? Math.log10(v) : null) : v)),
  );
  const customdata = figure.z.map((row, i) => row.map((v, j) => [x.values[j], y.values[i], v]));
  const flat = z.flat();
  const xEdges = cellEdges(x.values, isLog(x));
  const yEdges = cellEdges(y.values, isLog(y));
  const shown = extremes(flat);
  const range = value.range && (!logValue || (value.range[0] > 0 && value.range[1] > 0)) ? value.range : undefined;
  const [zmin, zmax] = range ? range.map((v) => (logValue ? Math.log10(v) : v)) : [shown?.min ?? 0, shown?.max ?? 1];
  const valueTitle = plotlyText(axisTitle(value));
  const colorbar: PlotlyObject = {
    title: { text: axisTitleMarkup(value, true), side: 'right', font: { size: 11 } },
    thickness: 12,
    outlinewidth: 0,
    xpad: 6,
    exponentformat: 'power',
    ...(logValue ? logTicks(zmin, zmax) : {}),
  };
  const trace: PlotlyObject = {
    type: 'heatmap',
    x: xEdges,
    y: yEdges,
    z,
    customdata,
    colorscale: COLOUR_SCALE,
    zmin,
    zmax,
    hoverongaps: false,
    colorbar,
    hovertemplate:
      `${plotlyText(x.label)} = %{customdata[0]:.3~g}<br>${plotlyText(y.label)} = %{customdata[1]:.3~g}<br>` +
      `${valueTitle}: %{customdata[2]:.3~g}<extra></extra>`,
  };
  return {
    data: [trace],
    layout: { ...baseLayout(false), xaxis: axisLayout(x, xEdges), yaxis: axisLayout(y, yEdges, { wrap: true }) },
    description: describe(figure),
    remark: missingRemark(flat, logValue),
  };
}

/** "Heatmap of … over … and …: from … to …; highest … at beta = …, p = …." */
function describe(figure: HeatmapFigure): string {
  const { x, y, value } = figure;
  const scale = (axis: typeof x): string =>
    `${axisTitle(axis)}, ${axis.values.length} values${isLog(axis) ? ' on a log scale' : ''}`;
  const text = `Heatmap of ${axisTitle(value)} over ${scale(x)}, and ${scale(y)}`;
  const found = extremes(figure.z.flat());
  if (!found) return `${text}; no cell has a value.`;
  const columns = x.values.length;
  const at = (index: number): string =>
    `${x.label} = ${formatNumber(x.values[index % columns])}, ${y.label} = ${formatNumber(y.values[Math.floor(index / columns)])}`;
  return `${text}: from ${formatNumber(found.min)} at ${at(found.argMin)} to ${formatNumber(found.max)} at ${at(found.argMax)}.`;
}

/** How many cells are left empty: no value, or (on a log scale) none above 0. */
function missingRemark(shown: readonly (number | null)[], log: boolean): string | undefined {
  const missing = shown.filter((v) => v === null).length;
  if (missing === 0) return undefined;
  return `${missing} of ${shown.length} cells are empty (no value${log ? ', or a value ≤ 0 on the log scale' : ''}).`;
}
