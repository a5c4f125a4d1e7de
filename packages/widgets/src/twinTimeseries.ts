import type { ObservedDataset, PlotModel, RunFrame } from '@immunotwin/engine';
import { css, html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { nextAnimationFrame } from './animationFrame.js';
import { timeAxisTitle } from './axisTitle.js';
import { defaultPlotlyLoader, type IPlotly, type PlotlyLoader, type PlotlyObject } from './plotlyLoader.js';
import { largestValue, largestY, logAxisFloor } from './logAxisFloor.js';
import { adoptPlotlyStyles } from './plotlyStyles.js';
import { plotlyTheme, watchTheme, withTheme } from './plotlyTheme.js';
import { RunBuffer, type IRunSeries } from './runBuffer.js';
import { sharedStyles } from './styles.js';
import { buildFigure, type IFigure, type IPinnedRun, type IPlotSummary } from './traces.js';

/** A draw that took d ms is followed by at least DRAW_PACING · d ms without drawing. */
const DRAW_PACING = 3;

/**
 * `<twin-timeseries>`: a plotly.js time series of chosen observables of a run, with pinned runs (dashed),
 * observed data (markers) and, for ensembles, the median with quantile bands. A run streams in with
 * `beginRun()` / `appendFrame()` / `endRun()`: frames are buffered and drawn at most once per animation
 * frame (less often when drawing is slow, see `DRAW_PACING`), appending with `extendTraces` (no redraw, no flicker); changes of what is shown redraw with
 * `react`. plotly.js is loaded once, lazily, through `plotlyLoader` (default `import('plotly.js-basic-dist-min')`).
 *
 * Properties: `manifest`, `observables` (ids; default every observable), `logY`, `observed`
 * (ObservedDataset[]), `pinned` (IPinnedRun[]), `plotlyLoader`, `marker` (a time marked by a dotted vertical line,
 * e.g. the time a tissue view shows). Methods: `beginRun`, `appendFrame`,
 * `endRun`, `showRun`, `showBand`, `flushed`, `toImage`.
 */
export class TwinTimeseriesElement extends LitElement {
  static override properties = {
    manifest: { attribute: false },
    observables: { attribute: false },
    logY: { type: Boolean, attribute: 'log-y' },
    plotTitle: { type: String, attribute: 'plot-title' },
    observed: { attribute: false },
    pinned: { attribute: false },
    plotlyLoader: { attribute: false },
    marker: { attribute: false },
  };

  static override styles = [
    sharedStyles,
    css`
      /* A fixed height that never follows the plot's own content (plotly sizes itself to its container):
         set --twin-plot-height to change it. The width is the container's. */
      :host {
        position: relative;
        display: flex;
        flex-direction: column;
        height: var(--twin-plot-height, 360px);
        min-height: 200px;
        overflow: hidden;
      }
      .title {
        margin: 4px 0 0 8px;
        font-size: var(--jp-ui-font-size2, 15px);
        font-weight: 600;
        white-space: nowrap;
        overflow: hidden;
        text-overflow: ellipsis;
      }
      .plot {
        flex: 1 1 auto;
        min-height: 0;
        width: 100%;
      }
    `,
  ];

  /** The model (labels, units, time unit): a manifest, or a plot bundle's `model`. */
  declare manifest: PlotModel | undefined;
  /** Observable ids to draw; undefined: every observable. */
  declare observables: string[] | undefined;
  /** Logarithmic y axis. */
  declare logY: boolean;
  /** A title above the plot (attribute `plot-title`); none by default. */
  declare plotTitle: string | undefined;
  /** Observed datasets to overlay. */
  declare observed: ObservedDataset[];
  /** Pinned runs to compare against. */
  declare pinned: IPinnedRun[];
  /** Loads plotly.js; replace it to share a loaded copy or, in tests, to record calls. */
  declare plotlyLoader: PlotlyLoader;
  /** A time to mark with a dotted vertical line across the plot (the time a tissue view shows); none if undefined. */
  declare marker: number | undefined;

  private buffer = new RunBuffer();
  private summary: IPlotSummary | undefined;
  private figure: IFigure | undefined;
  /** Points of each live trace already handed to plotly. */
  private drawnPoints = new Map<number, number>();
  private needsRedraw = true;
  private framePending = false;
  /** When the last draw ended and how long it took (ms), to pace the next one. */
  private lastDrawEnd = 0;
  private lastDrawCost = 0;
  private drawing: Promise<void> = Promise.resolve();
  private plotly: IPlotly | undefined;
  private drawError: unknown;
  private stopWatchingTheme: (() => void) | undefined;
  private resizeObserver: ResizeObserver | undefined;
  private resizeFrame = false;
  private drawnWidth = 0;
  /** The largest y value drawn, and the log axis's floor set from it (logAxisFloor.ts). */
  private largest = 0;
  private floorSet: number | undefined;

  /** The floor a log axis would have for the largest value drawn now; undefined on a linear axis. */
  private logFloor(): number | undefined {
    return this.logY ? logAxisFloor(this.largest) : undefined;
  }

  constructor() {
    super();
    this.manifest = undefined;
    this.observables = undefined;
    this.logY = false;
    this.plotTitle = undefined;
    this.observed = [];
    this.pinned = [];
    this.plotlyLoader = defaultPlotlyLoader;
    this.marker = undefined;
  }

  /** The observable ids drawn. */
  get shownObservables(): string[] {
    return this.observables ?? this.manifest?.observables.map((o) => o.id) ?? [];
  }

  /** The live run's series so far. */
  get series(): IRunSeries {
    return this.buffer;
  }

  /**
   * Starts a new live run: the previous one's traces go (pinned runs and observed data stay) when the new
   * run's first frame is drawn.
   */
  beginRun(): void {
    this.buffer = new RunBuffer();
    this.summary = undefined;
    this.needsRedraw = true;
    // No draw now: the previous run stays on screen until the new one's first frame replaces it, so a
    // parameter change never blanks the plot (a run that ends with no frame is cleared by `endRun`).
  }

  /** Adds a frame of the live run; drawn at the next animation frame together with any others. */
  appendFrame(frame: RunFrame & { readonly replicate: number }): void {
    // New points of an earlier replicate live in a merged trace that is not extended: redraw then.
    const earlier = frame.replicate < this.buffer.replicates.length - 1;
    if (this.buffer.append(frame) || earlier) this.needsRedraw = true;
    this.schedule();
  }

  /** Ends the live run; an ensemble summary replaces its replicate lines by the median and bands. */
  endRun(summary?: IPlotSummary): void {
    if (summary) {
      this.summary = summary;
      this.needsRedraw = true;
    }
    this.schedule();
  }

  /** Shows a finished run at once (e.g. a restored one). */
  showRun(series: IRunSeries, summary?: IPlotSummary): void {
    this.buffer = new RunBuffer();
    series.replicates.forEach((rep, replicate) =>
      this.buffer.append({
        replicate,
        start: 0,
        time: Float64Array.from(rep.time),
        observables: Object.fromEntries(Object.entries(rep.observables).map(([id, v]) => [id, Float64Array.from(v)])),
      }),
    );
    this.summary = summary;
    this.needsRedraw = true;
    this.schedule();
  }

  /**
   * Shows a band in place of the live run: the median and quantile bands of replicates or of a cohort, at their
   * own sample times (`summary.time`), with no trajectories.
   */
  showBand(summary: IPlotSummary & { readonly time: ArrayLike<number> }): void {
    this.buffer = new RunBuffer();
    this.summary = summary;
    this.needsRedraw = true;
    this.schedule();
  }

  /** Resolves once everything appended or changed so far has been handed to plotly. */
  async flushed(): Promise<void> {
    await this.updateComplete;
    while (this.framePending) {
      await new Promise<void>((resolve) => nextAnimationFrame(resolve));
      await this.drawing;
    }
    await this.drawing;
    if (this.drawError) throw this.drawError;
  }

  /** The figure as an image data URL (PNG or SVG), through plotly's `toImage`. */
  async toImage(format: 'png' | 'svg', size: { width?: number; height?: number } = {}): Promise<string> {
    await this.flushed();
    if (!this.plotly) throw new Error('nothing is drawn yet');
    return this.plotly.toImage(this.plotNode(), { format, ...size });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopWatchingTheme?.();
    this.stopWatchingTheme = undefined;
    this.resizeObserver?.disconnect();
    this.resizeObserver = undefined;
    if (this.plotly && this.figure) this.plotly.purge(this.plotNode());
    this.figure = undefined;
    this.needsRedraw = true;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // JupyterLab marks the theme on <body>: redraw with the new theme's colours when it changes.
    this.stopWatchingTheme = watchTheme(() => {
      this.needsRedraw = true;
      this.schedule();
    });
    // The height is fixed by the stylesheet; the width follows the notebook panel and the window.
    if (typeof ResizeObserver === 'function') {
      this.resizeObserver = new ResizeObserver(() => this.followSize());
      this.resizeObserver.observe(this);
    }
    this.schedule();
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('logY') && this.figure && !changed.has('manifest') && this.plotly) {
      this.floorSet = this.logFloor();
      // On a log axis the range stops LOG_AXIS_DECADES below the largest value drawn; a linear axis has no floor.
      const update = this.logY
        ? { 'yaxis.type': 'log', 'yaxis.autorangeoptions.clipmin': this.floorSet ?? null }
        : { 'yaxis.type': 'linear', 'yaxis.autorangeoptions.clipmin': null };
      const plotly = this.plotly;
      this.drawing = this.drawing.then(() => plotly.relayout(this.plotNode(), update)).then(() => undefined);
    }
    if (changed.has('marker') && this.figure && this.plotly) {
      const plotly = this.plotly;
      const update = { shapes: this.markerShapes() };
      this.drawing = this.drawing.then(() => plotly.relayout(this.plotNode(), update)).then(() => undefined);
    }
    const redraw = ['manifest', 'observables', 'observed', 'pinned', 'plotlyLoader'] as const;
    if (redraw.some((key) => changed.has(key))) {
      if (changed.has('plotlyLoader')) this.plotly = undefined;
      this.needsRedraw = true;
      this.schedule();
    }
  }

  protected override render(): TemplateResult {
    return html`${this.plotTitle ? html`<div class="title" role="heading" aria-level="3">${this.plotTitle}</div>` : nothing}
      <div class="plot" role="img" aria-label=${this.describe()}></div>`;
  }

  private describe(): string {
    const m = this.manifest;
    if (!m) return 'time series (no model)';
    return `Time series of ${this.shownObservables.map((id) => m.observables.find((o) => o.id === id)?.label ?? id).join(', ')} over ${timeAxisTitle(m.timeUnit)}${this.logY ? ', logarithmic axis' : ''}`;
  }

  /** Fits the drawn figure to a new width (one resize per animation frame, none while hidden). */
  private followSize(): void {
    if (this.resizeFrame) return;
    this.resizeFrame = true;
    nextAnimationFrame(() => {
      this.resizeFrame = false;
      const width = this.clientWidth;
      if (!this.plotly || !this.figure || width === 0 || width === this.drawnWidth) return;
      this.drawnWidth = width;
      const plotly = this.plotly;
      this.drawing = this.drawing.then(() => plotly.resize(this.plotNode())).then(() => undefined);
    });
  }

  private plotNode(): HTMLElement {
    return this.renderRoot.querySelector<HTMLElement>('.plot')!;
  }

  /**
   * Draws at the next animation frame — or later when drawing is expensive: after a draw that took `d`
   * ms the next waits until `DRAW_PACING · d` ms have passed since it ended, so a heavy figure (an
   * ensemble's many traces) leaves the page most of its time while a run streams in.
   */
  private schedule(): void {
    if (this.framePending || !this.isConnected) return;
    this.framePending = true;
    const draw = (): void =>
      nextAnimationFrame(() => {
        this.drawing = this.drawing.then(() => this.draw());
      });
    const wait = this.lastDrawEnd + DRAW_PACING * this.lastDrawCost - performance.now();
    if (wait > 1) setTimeout(draw, wait);
    else draw();
  }

  private async draw(): Promise<void> {
    this.framePending = false;
    const started = performance.now();
    try {
      await this.drawNow();
    } finally {
      this.lastDrawEnd = performance.now();
      this.lastDrawCost = this.lastDrawEnd - started;
    }
  }

  private async drawNow(): Promise<void> {
    if (!this.manifest || !this.isConnected) return;
    try {
      await this.updateComplete;
      this.plotly ??= await this.plotlyLoader();
      const node = this.plotNode();
      if (this.needsRedraw || !this.figure) await this.redraw(this.plotly, node);
      else await this.extend(this.plotly, node);
      this.drawError = undefined;
    } catch (error) {
      this.drawError = error;
      this.dispatchEvent(new CustomEvent('plot-error', { detail: { error }, bubbles: true, composed: true }));
    }
  }

  private async redraw(plotly: IPlotly, node: HTMLElement): Promise<void> {
    this.needsRedraw = false;
    const figure = buildFigure({
      manifest: this.manifest!,
      observables: this.shownObservables,
      live: this.buffer,
      summary: this.summary,
      pinned: this.pinned,
      observed: this.observed,
      logY: this.logY,
    });
    const layout = { ...withTheme(figure.layout, plotlyTheme(this)), autosize: true, shapes: this.markerShapes() };
    this.figure = figure;
    this.largest = largestY(figure.data);
    this.floorSet = this.logFloor();
    this.drawnPoints = new Map(figure.live.map((t) => [t.index, this.buffer.length(t.replicate)]));
    // Not plotly's `responsive` (it follows the window only): the element's ResizeObserver follows the panel.
    await plotly.react(node, figure.data, layout, { displaylogo: false });
    this.drawnWidth = this.clientWidth;
    adoptPlotlyStyles(this.renderRoot);
  }

  /** The {@link marker}'s line (plotly layout shapes): the full height of the plot, in the theme's mark colour. */
  private markerShapes(): PlotlyObject[] {
    if (this.marker === undefined || !Number.isFinite(this.marker)) return [];
    const line = { color: plotlyTheme(this).mark, width: 1.5, dash: 'dot' };
    return [{ type: 'line', xref: 'x', yref: 'paper', x0: this.marker, x1: this.marker, y0: 0, y1: 1, line }];
  }

  private async extend(plotly: IPlotly, node: HTMLElement): Promise<void> {
    const x: number[][] = [];
    const y: number[][] = [];
    const indices: number[] = [];
    for (const trace of this.figure!.live) {
      const from = this.drawnPoints.get(trace.index) ?? 0;
      const series = this.buffer.replicates[trace.replicate];
      if (!series || series.time.length <= from) continue;
      x.push(series.time.slice(from));
      y.push((series.observables[trace.observable] ?? []).slice(from));
      indices.push(trace.index);
      this.drawnPoints.set(trace.index, series.time.length);
    }
    if (indices.length > 0) await plotly.extendTraces(node, { x, y }, indices);
    for (const values of y) this.largest = largestValue(values, this.largest);
    // A log axis's floor follows the largest value as it grows, moved only when it rose tenfold (a relayout redraws).
    const floor = this.logFloor();
    if (floor !== undefined && (this.floorSet === undefined || floor >= 10 * this.floorSet)) {
      this.floorSet = floor;
      await plotly.relayout(node, { 'yaxis.autorangeoptions.clipmin': floor });
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'twin-timeseries': TwinTimeseriesElement;
  }
}
