import type { PlotlyObject } from './plotlyLoader.js';

/** A figure's colours from the page's theme: the layout fields plotly takes and the axes' line colours. */
export interface IPlotlyTheme {
  /** Layout fields: transparent backgrounds, the font, the mode bar and hover label looks. */
  layout: PlotlyObject;
  /** The grid lines' colour. */
  grid: string;
  /** A zero line's colour (plotly's default, #444, is lost on a dark background). */
  zeroline: string;
  /** Whether the theme is dark (JupyterLab's `data-jp-theme-light="false"` on `<body>`). */
  dark: boolean;
  /** The colour of marks drawn over the traces (the theme's secondary text colour: neutral beside the traces'). */
  mark: string;
}

/** plotly colours from JupyterLab's theme variables (light or dark) as `element` sees them, with fallbacks. */
export function plotlyTheme(element: Element): IPlotlyTheme {
  const style = getComputedStyle(element);
  const read = (name: string, fallback: string): string => style.getPropertyValue(name).trim() || fallback;
  const family = read('--jp-ui-font-family', 'system-ui, sans-serif');
  return {
    layout: {
      paper_bgcolor: 'rgba(0,0,0,0)',
      plot_bgcolor: 'rgba(0,0,0,0)',
      font: { color: read('--jp-ui-font-color1', '#1f1f1f'), family },
      // The mode bar over the theme's background, not plotly's white one.
      modebar: {
        bgcolor: 'rgba(0,0,0,0)',
        color: read('--jp-ui-font-color2', '#616161'),
        activecolor: read('--jp-brand-color1', '#1976d2'),
      },
      hoverlabel: { font: { family } },
    },
    grid: read('--jp-border-color2', '#e0e0e0'),
    zeroline: read('--jp-border-color1', '#bdbdbd'),
    dark: document.body.dataset.jpThemeLight === 'false',
    mark: read('--jp-ui-font-color2', '#616161'),
  };
}

/** Every axis of a layout (`xaxis`, `yaxis`, `xaxis2`, …) by its key. */
const AXIS_KEY = /^[xy]axis\d*$/;

const isObject = (value: unknown): value is PlotlyObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * A figure's layout in the theme: the theme's layout fields over it (merged into the figure's own `font`,
 * `hoverlabel`, … where it has them, so a font size stays), and each of its axes given the grid colour (and the
 * zero line's, with `zeroline`).
 */
export function withTheme(
  layout: PlotlyObject,
  theme: IPlotlyTheme,
  options: { zeroline?: boolean } = {},
): PlotlyObject {
  const themed: PlotlyObject = { ...layout };
  for (const [key, value] of Object.entries(theme.layout)) {
    const own = layout[key];
    themed[key] = isObject(own) && isObject(value) ? { ...own, ...value } : value;
  }
  for (const [key, axis] of Object.entries(layout)) {
    if (!AXIS_KEY.test(key)) continue;
    themed[key] = {
      ...(axis as PlotlyObject),
      gridcolor: theme.grid,
      ...(options.zeroline ? { zerolinecolor: theme.zeroline } : {}),
    };
  }
  return themed;
}

/**
 * Calls `onChange` whenever JupyterLab switches theme (it marks the theme on `<body>`); returns the function
 * that stops watching. Does nothing where there is no `MutationObserver`.
 */
export function watchTheme(onChange: () => void): () => void {
  if (typeof MutationObserver !== 'function') return () => undefined;
  const observer = new MutationObserver(onChange);
  observer.observe(document.body, { attributes: true, attributeFilter: ['data-jp-theme-name', 'data-jp-theme-light'] });
  return () => observer.disconnect();
}
