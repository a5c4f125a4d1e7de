import type { PlotlyObject } from '../plotlyLoader.js';

/** One study figure as plotly draws it, and what it says in words. */
export interface IStudyPlot {
  /** plotly traces. */
  data: PlotlyObject[];
  /** plotly layout, without the theme's colours (the element adds them). */
  layout: PlotlyObject;
  /** The figure's text alternative: what it shows and its main numbers. */
  description: string;
  /** A remark to show under the figure, e.g. how many runs had no value. */
  remark?: string;
}

/** What a figure takes from the page's theme. */
export interface IStudyInk {
  /** Error bars and outlines: the theme's text colour, which stands out on the bars and the background alike. */
  ink: string;
  /** The opacity of shaded intervals and bands (higher on a dark background, where a faint fill disappears). */
  shade: number;
}

/** The ink of a light theme, and when no theme is known (plotly's own default line colour). */
export const DEFAULT_INK: IStudyInk = { ink: '#444444', shade: 0.22 };

/** The shade of intervals and bands on a dark background. */
export const DARK_SHADE = 0.4;

/**
 * The layout every study figure starts from: small margins that the axes' `automargin` grows to fit their labels
 * (so the plot area, not the figure, gives way), a compact font, and hover on the nearest point.
 */
export function baseLayout(legend: boolean): PlotlyObject {
  return {
    margin: { t: legend ? 4 : 8, r: 8, b: 8, l: 8, pad: 0 },
    font: { size: 11 },
    hovermode: 'closest',
    showlegend: legend,
    // Above the plot, left-aligned, clear of the axis titles (plotly widens the top margin to fit it).
    legend: { orientation: 'h', x: 0, xanchor: 'left', y: 1, yanchor: 'bottom', font: { size: 11 } },
  };
}

/** The smallest and largest finite values of a list, with where they are; undefined when it has none. */
export function extremes(
  values: readonly (number | null)[],
): { min: number; max: number; argMin: number; argMax: number } | undefined {
  let found: { min: number; max: number; argMin: number; argMax: number } | undefined;
  values.forEach((v, i) => {
    if (v === null || !Number.isFinite(v)) return;
    if (!found) found = { min: v, max: v, argMin: i, argMax: i };
    else {
      if (v < found.min) Object.assign(found, { min: v, argMin: i });
      if (v > found.max) Object.assign(found, { max: v, argMax: i });
    }
  });
  return found;
}
