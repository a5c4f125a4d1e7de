import type { IRenderMime } from '@jupyterlab/rendermime-interfaces';
import { Widget } from '@lumino/widgets';
import { PLOT_MIME_TYPE } from '@immunotwin/engine/mimeTypes';

/** MIME type of an ImmunoTwin plot: a plotly figure (`{ data, layout }`) as JSON (see `@immunotwin/kernel`). */
export { PLOT_MIME_TYPE };

/** A plotly figure as the kernel sends it. */
export interface IPlotFigure {
  data: unknown[];
  layout?: Record<string, unknown>;
}

/** The part of plotly.js the renderer uses. */
export interface IPlotly {
  react(
    node: HTMLElement,
    data: unknown[],
    layout: Record<string, unknown>,
    config: Record<string, unknown>,
  ): Promise<unknown>;
  purge(node: HTMLElement): void;
  Plots: { resize(node: HTMLElement): unknown };
}

let plotly: Promise<IPlotly> | undefined;

/**
 * Loads plotly.js once, on the first plot (it is a large chunk of its own). A failed load is forgotten so a
 * later plot tries again.
 */
export function loadPlotly(): Promise<IPlotly> {
  if (!plotly) {
    plotly = import('plotly.js-dist-min').then(
      (module: { default?: IPlotly } & Partial<IPlotly>) => (module.default ?? module) as IPlotly,
      (error: unknown) => {
        plotly = undefined;
        throw error;
      },
    );
  }
  return plotly;
}

/**
 * Renders an ImmunoTwin plot with plotly.js, filling the output area's width and following its size, with the
 * bundle's text summary (the peaks) in a collapsed section under it.
 */
export class PlotRenderer extends Widget implements IRenderMime.IRenderer {
  constructor(options: IRenderMime.IRendererOptions) {
    super();
    this._mimeType = options.mimeType;
    this.addClass('jp-ImmunoTwinPlot');
    this._plotNode.className = 'jp-ImmunoTwinPlot-figure';
    this.node.appendChild(this._plotNode);
  }

  async renderModel(model: IRenderMime.IMimeModel): Promise<void> {
    const figure = model.data[this._mimeType] as unknown as IPlotFigure;
    this._showSummary(model);
    let lib: IPlotly;
    try {
      lib = await loadPlotly();
    } catch (error) {
      this._showFallback(model, error);
      return;
    }
    if (this.isDisposed) return;
    // No fixed width: the figure follows the output area.
    const layout: Record<string, unknown> = { ...(figure.layout ?? {}), autosize: true };
    delete layout.width;
    await lib.react(this._plotNode, figure.data ?? [], layout, { responsive: true, displaylogo: false });
    this._plotly = lib;
    this._observeSize();
  }

  override dispose(): void {
    if (this.isDisposed) return;
    this._observer?.disconnect();
    if (this._frame !== 0) cancelAnimationFrame(this._frame);
    this._plotly?.purge(this._plotNode);
    super.dispose();
  }

  /** Redraws at the node's size when it changes (the panel resized, the output scrolled into a wider view). */
  private _observeSize(): void {
    if (this._observer || typeof ResizeObserver === 'undefined') return;
    this._observer = new ResizeObserver(() => {
      if (this._frame !== 0) return;
      this._frame = requestAnimationFrame(() => {
        this._frame = 0;
        if (this._plotly && !this.isDisposed && this._plotNode.offsetWidth > 0) {
          this._plotly.Plots.resize(this._plotNode);
        }
      });
    });
    this._observer.observe(this._plotNode);
  }

  /** The bundle's text/plain summary in a collapsed section under the plot. */
  private _showSummary(model: IRenderMime.IMimeModel): void {
    this._summary?.remove();
    this._summary = undefined;
    const text = model.data['text/plain'];
    if (typeof text !== 'string' || text === '') return;
    const details = document.createElement('details');
    details.className = 'jp-ImmunoTwinPlot-summary';
    const title = document.createElement('summary');
    title.textContent = 'Summary';
    const pre = document.createElement('pre');
    pre.textContent = text;
    details.append(title, pre);
    this.node.appendChild(details);
    this._summary = details;
  }

  /** Says that the plot could not be drawn, and shows the result's text summary instead. */
  private _showFallback(model: IRenderMime.IMimeModel, error: unknown): void {
    this.addClass('jp-ImmunoTwinPlot-fallback');
    const message = document.createElement('p');
    message.textContent = `The plot could not be drawn: plotly.js did not load (${
      error instanceof Error ? error.message : String(error)
    }). Run the cell again to retry.`;
    this._plotNode.replaceChildren(message);
    if (this._summary instanceof HTMLDetailsElement) this._summary.open = true;
  }

  private readonly _mimeType: string;
  private readonly _plotNode = document.createElement('div');
  private _summary: HTMLElement | undefined;
  private _plotly: IPlotly | undefined;
  private _observer: ResizeObserver | undefined;
  private _frame = 0;
}

/** The renderer factory for {@link PLOT_MIME_TYPE}. */
export const plotRendererFactory: IRenderMime.IRendererFactory = {
  // Plotly draws text from the figure (titles, hover labels): not for untrusted notebooks.
  safe: false,
  mimeTypes: [PLOT_MIME_TYPE],
  defaultRank: 50,
  createRenderer: (options) => new PlotRenderer(options),
};
