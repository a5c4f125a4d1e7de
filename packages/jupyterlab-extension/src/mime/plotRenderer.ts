import type { IRenderMime } from '@jupyterlab/rendermime-interfaces';
import { Widget } from '@lumino/widgets';
import { PLOT_MIME_TYPE } from '@immunotwin/engine/mimeTypes';

/** MIME type of an ImmunoTwin plot: the engine's plot bundle (`schema/plot.schema.json`), data not a drawing. */
export { PLOT_MIME_TYPE };

/** The widgets' time-series element, as the renderer uses it. */
type TimeseriesElement = import('@immunotwin/widgets/timeseries').TwinTimeseriesElement;
type IReplicateSeries = import('@immunotwin/widgets/timeseries').IReplicateSeries;

/**
 * Shows an ImmunoTwin plot as the widgets' `<twin-timeseries>`: the same figure builder, palette, theme
 * colours and plotly loader as the workbench, at a fixed height and the output's width. The bundle's text
 * summary (the peaks) is in a collapsed section under it. The widgets (and plotly, on the first draw) load on
 * first use.
 */
export class PlotRenderer extends Widget implements IRenderMime.IRenderer {
  constructor(options: IRenderMime.IRendererOptions) {
    super();
    this._mimeType = options.mimeType;
    this.addClass('jp-ImmunoTwinPlot');
  }

  async renderModel(model: IRenderMime.IMimeModel): Promise<void> {
    // The time series alone (not the whole widgets package): a first plot fetches no workbench code.
    let widgets: typeof import('@immunotwin/widgets/timeseries');
    try {
      widgets = await import('@immunotwin/widgets/timeseries');
    } catch (error) {
      this._showFallback(model, `the plot code did not load (${messageOf(error)})`);
      return;
    }
    if (this.isDisposed) return;
    let bundle: ReturnType<typeof widgets.parsePlotBundle>;
    try {
      bundle = widgets.parsePlotBundle(model.data[this._mimeType]);
    } catch (error) {
      this._showFallback(model, messageOf(error));
      return;
    }
    const element = document.createElement('twin-timeseries') as TimeseriesElement;
    element.manifest = bundle.model;
    element.observables = bundle.observables;
    element.logY = bundle.logY;
    element.plotTitle = bundle.title;
    element.observed = bundle.observed ?? [];
    element.addEventListener('plot-error', (event) => {
      const error = (event as CustomEvent<{ error: unknown }>).detail.error;
      this._showFallback(model, `plotly.js did not draw it (${messageOf(error)}); run the cell again to retry`);
    });
    element.showRun({ replicates: bundle.runs.map(withGaps) }, bundle.summary);
    this.node.replaceChildren(element, this._summary(model));
  }

  /** The bundle's text/plain summary in a collapsed section under the plot. */
  private _summary(model: IRenderMime.IMimeModel): HTMLElement {
    const details = document.createElement('details');
    details.className = 'jp-ImmunoTwinPlot-summary';
    const text = model.data['text/plain'];
    if (typeof text !== 'string' || text === '') return details;
    const title = document.createElement('summary');
    title.textContent = 'Summary';
    const pre = document.createElement('pre');
    pre.textContent = text;
    details.append(title, pre);
    return details;
  }

  /** Says why the plot could not be drawn, and shows the result's text summary instead. */
  private _showFallback(model: IRenderMime.IMimeModel, reason: string): void {
    this.addClass('jp-ImmunoTwinPlot-fallback');
    const message = document.createElement('p');
    message.textContent = `The plot could not be drawn: ${reason}.`;
    const summary = this._summary(model);
    if (summary instanceof HTMLDetailsElement) summary.open = true;
    this.node.replaceChildren(message, summary);
  }

  private readonly _mimeType: string;
}

/** A bundle's run as the plot's series: its null values (gaps) as NaN, which the plot draws as gaps too. */
function withGaps(run: { time: number[]; observables: Record<string, (number | null)[]> }): IReplicateSeries {
  return {
    time: run.time,
    observables: Object.fromEntries(
      Object.entries(run.observables).map(([id, values]) => [id, values.map((v) => (v === null ? NaN : v))]),
    ),
  };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The renderer factory for {@link PLOT_MIME_TYPE}. */
export const plotRendererFactory: IRenderMime.IRendererFactory = {
  // Names from the bundle are drawn as text by plotly; left to trusted notebooks, as before.
  safe: false,
  mimeTypes: [PLOT_MIME_TYPE],
  defaultRank: 50,
  createRenderer: (options) => new PlotRenderer(options),
};
