/** A plotly trace or layout as plain JSON. */
export type PlotlyObject = Record<string, unknown>;

/** New points for `extendTraces`: one array of x and one of y values per extended trace. */
export interface IPlotlyExtension {
  /** x values per trace. */
  x: number[][];
  /** y values per trace. */
  y: number[][];
}

/**
 * The part of plotly.js the widgets use. Tests pass a recorder with the same shape through a
 * {@link PlotlyLoader}; that is the one seam between the widgets and plotly.
 */
export interface IPlotly {
  /** Draws (or redraws in place, diffing) a figure. */
  react(node: HTMLElement, data: PlotlyObject[], layout: PlotlyObject, config?: PlotlyObject): Promise<unknown>;
  /** Appends points to the given traces without redrawing the others. */
  extendTraces(node: HTMLElement, update: IPlotlyExtension, indices: number[]): Promise<unknown>;
  /** Changes layout fields (e.g. `{'yaxis.type': 'log'}`). */
  relayout(node: HTMLElement, update: PlotlyObject): Promise<unknown>;
  /** Renders the figure as an image data URL (`data:image/png;base64,…` or an SVG data URL). */
  toImage(node: HTMLElement, options: { format: 'png' | 'svg'; width?: number; height?: number }): Promise<string>;
  /** Releases the figure and its listeners. */
  purge(node: HTMLElement): void;
}

/** Loads plotly.js (or a stand-in); called once per element, on its first draw. */
export type PlotlyLoader = () => Promise<IPlotly>;

let shared: Promise<IPlotly> | undefined;

/**
 * The default loader: `import('plotly.js-basic-dist-min')`, once per page and only when a plot is first drawn, so
 * a bundler makes plotly its own lazily loaded chunk (shared with the extension's plot renderer, which
 * imports the same module). A failed load is forgotten so the next draw tries again.
 */
export const defaultPlotlyLoader: PlotlyLoader = () => {
  shared ??= import('plotly.js-basic-dist-min').then(
    (module: { default?: IPlotly } & Partial<IPlotly>) => (module.default ?? module) as IPlotly,
    (error: unknown) => {
      shared = undefined;
      throw error;
    },
  );
  return shared;
};
