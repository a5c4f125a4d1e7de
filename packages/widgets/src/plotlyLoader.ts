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
  /** Fits a drawn figure to its container's current size (`Plotly.Plots.resize`). */
  resize(node: HTMLElement): Promise<unknown>;
  /** Releases the figure and its listeners. */
  purge(node: HTMLElement): void;
}

/** Loads plotly.js (or a stand-in); called once per element, on its first draw. */
export type PlotlyLoader = () => Promise<IPlotly>;

/** What the plotly.js module exports, of what the widgets use. */
type IPlotlyModule = Omit<IPlotly, 'resize'> & { Plots: { resize(node: HTMLElement): Promise<unknown> | void } };

/** The widgets' view of the plotly module (`resize` is `Plots.resize`). */
function fromModule(plotly: IPlotlyModule): IPlotly {
  return {
    react: (...args) => plotly.react(...args),
    extendTraces: (...args) => plotly.extendTraces(...args),
    relayout: (...args) => plotly.relayout(...args),
    toImage: (...args) => plotly.toImage(...args),
    purge: (node) => plotly.purge(node),
    resize: async (node) => plotly.Plots.resize(node),
  };
}

/** Loads a plotly.js bundle once: the promise is kept, and a failed load is forgotten so the next draw retries. */
function once(load: () => Promise<unknown>): () => Promise<IPlotly> {
  let loading: Promise<IPlotly> | undefined;
  return () =>
    (loading ??= load().then(
      (module) => {
        const exported = module as { default?: IPlotlyModule } & Partial<IPlotlyModule>;
        return fromModule((exported.default ?? exported) as IPlotlyModule);
      },
      (error: unknown) => {
        loading = undefined;
        throw error;
      },
    ));
}

const loadBasic = once(() => import('plotly.js-basic-dist-min'));
const loadCartesian = once(() => import('plotly.js-cartesian-dist-min'));
/** Whether the cartesian bundle was asked for on this page (then every figure uses it: one plotly is enough). */
let cartesianWanted = false;

/**
 * The default loader: plotly.js's partial bundle of `scatter`, `bar` and `pie` traces
 * (`import('plotly.js-basic-dist-min')`, 1.19 MB), once per page and only when a plot is first drawn, so a bundler
 * makes plotly its own lazily loaded chunk (shared with the extension's plot renderer, which imports the same
 * module). When the page has already asked for the larger cartesian bundle (a study output), that one is used.
 */
export const defaultPlotlyLoader: PlotlyLoader = () => (cartesianWanted ? loadCartesian() : loadBasic());

/**
 * The loader of figures that need more than lines and bars: plotly.js's cartesian bundle, which adds `heatmap`,
 * `histogram`, `box`, `violin` and `contour` traces (`import('plotly.js-cartesian-dist-min')`, 1.50 MB), once per
 * page and only when such a figure is first drawn (`<twin-study>`). A time series keeps the basic bundle, so a
 * notebook's first plot does not pay for traces it never draws.
 */
export const cartesianPlotlyLoader: PlotlyLoader = () => {
  cartesianWanted = true;
  return loadCartesian();
};
