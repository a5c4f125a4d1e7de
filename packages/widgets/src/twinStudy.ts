import { parseStudyBundle, type StudyBundle, type StudyFigure } from '@immunotwin/engine';
import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { nextAnimationFrame } from './animationFrame.js';
import { cartesianPlotlyLoader, type IPlotly, type PlotlyLoader } from './plotlyLoader.js';
import { adoptPlotlyStyles } from './plotlyStyles.js';
import { plotlyTheme, watchTheme, withTheme } from './plotlyTheme.js';
import { studyPlot } from './study/figures.js';
import { DARK_SHADE, DEFAULT_INK, type IStudyPlot } from './study/studyPlot.js';
import { studyStyles } from './study/studyStyles.js';
import { sharedStyles } from './styles.js';

/** How a run count is written ("2,048 runs"): the same on every page, whatever the browser's language. */
const COUNT = new Intl.NumberFormat('en-US');

/**
 * `<twin-study>`: the figures of a study bundle (`application/vnd.immunotwin.study+json`, what `twin.sweep()` and
 * `twin.sensitivity()` output) drawn with plotly — heatmaps, lines with interval bands, grouped or tornado bars with
 * error bars, histograms, and medians with a quantile band — under a heading with the study's title, the model
 * and the number of runs. The figures sit in a grid of one column, or two where the element is at least 720 px
 * wide (a container query); each is `--twin-study-figure-height` tall (320 px) whatever it holds, with its title
 * above and its caption (at most three lines) below, and a text alternative (`role="img"`, `aria-label`). A bundle
 * that does not parse is shown as the parser's message, which names the field. Colours follow JupyterLab's light
 * or dark theme as `<twin-timeseries>`' do; plotly's cartesian bundle loads on the first draw.
 *
 * Properties: `bundle` (the study bundle: an object or JSON text), `plotlyLoader`. Methods: `flushed()`.
 * Event: `plot-error` (`{ error }`) when plotly fails to load or draw.
 */
export class TwinStudyElement extends LitElement {
  static override properties = {
    bundle: { attribute: false },
    plotlyLoader: { attribute: false },
  };

  static override styles = [sharedStyles, studyStyles];

  /** The study bundle to show: an object or JSON text, read with the engine's `parseStudyBundle`. */
  declare bundle: unknown;
  /** Loads plotly.js (default: its cartesian bundle, once per page); tests pass a recorder. */
  declare plotlyLoader: PlotlyLoader;

  private parsed: StudyBundle | undefined;
  private parseError: string | undefined;
  private plots: IStudyPlot[] = [];
  private plotly: IPlotly | undefined;
  private drawing: Promise<void> = Promise.resolve();
  private drawError: unknown;
  /** Plot nodes drawn by plotly (purged when they go). */
  private drawn = new Set<HTMLElement>();
  private stopWatchingTheme: (() => void) | undefined;
  private resizeObserver: ResizeObserver | undefined;
  private resizing = new Set<HTMLElement>();
  private resizeFrame = false;

  constructor() {
    super();
    this.bundle = undefined;
    this.plotlyLoader = cartesianPlotlyLoader;
  }

  /** The bundle as read, or undefined when there is none or it did not parse. */
  get study(): StudyBundle | undefined {
    return this.parsed;
  }

  /** Why the bundle did not parse (the parser's message, naming the field), or undefined. */
  get error(): string | undefined {
    return this.parseError;
  }

  /** Resolves once every figure of the current bundle has been handed to plotly; rejects if a draw failed. */
  async flushed(): Promise<void> {
    await this.updateComplete;
    await this.drawing;
    if (this.drawError) throw this.drawError;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.stopWatchingTheme = watchTheme(() => this.draw());
    // Each figure's height is fixed by the stylesheet; its width follows the grid, the panel and the window.
    if (typeof ResizeObserver === 'function') {
      this.resizeObserver = new ResizeObserver((entries) => this.followSize(entries));
      for (const node of this.plotNodes()) this.resizeObserver.observe(node);
    }
    if (this.hasUpdated) this.draw();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopWatchingTheme?.();
    this.stopWatchingTheme = undefined;
    this.resizeObserver?.disconnect();
    this.resizeObserver = undefined;
    this.purge();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!changed.has('bundle')) return;
    this.parsed = undefined;
    this.parseError = undefined;
    this.plots = [];
    if (this.bundle === undefined) return;
    try {
      this.parsed = parseStudyBundle(this.bundle);
      this.plots = this.parsed.figures.map((figure) => studyPlot(figure));
    } catch (error) {
      this.parseError = error instanceof Error ? error.message : String(error);
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('bundle')) {
      this.resizeObserver?.disconnect();
      for (const node of this.plotNodes()) this.resizeObserver?.observe(node);
    }
    if (changed.has('plotlyLoader')) this.plotly = undefined;
    if (changed.has('bundle') || changed.has('plotlyLoader')) this.draw();
  }

  protected override render(): TemplateResult {
    if (this.parseError !== undefined) {
      return html`<div class="error-box" role="alert">The study could not be shown. ${this.parseError}</div>`;
    }
    const study = this.parsed;
    if (!study) return html`<div class="muted">No study to show.</div>`;
    const runs = `${COUNT.format(study.runs)} run${study.runs === 1 ? '' : 's'}`;
    return html`<header>
        <div class="heading" role="heading" aria-level="2">${study.title ?? study.model.title}</div>
        <div class="muted">${study.title ? html`${study.model.title} · ` : nothing}${runs}</div>
      </header>
      <div class="grid">${study.figures.map((figure, i) => this.renderFigure(figure, i))}</div>`;
  }

  /** One figure: its title, the plot (a text alternative for it) and its caption with any remark. */
  private renderFigure(figure: StudyFigure, i: number): TemplateResult {
    const { description, remark } = this.plots[i];
    const name = figure.title;
    const caption = [figure.caption, remark].filter(Boolean).join(' ');
    return html`<figure class="figure" data-kind=${figure.kind} aria-labelledby="title-${i}">
      <div class="title" id="title-${i}" role="heading" aria-level="3" title=${name}>${name}</div>
      <div class="plot" role="img" aria-label=${description}></div>
      ${caption ? html`<figcaption title=${caption}>${figure.caption} ${remark ? html`<span class="remark">${remark}</span>` : nothing}</figcaption>` : nothing}
    </figure>`;
  }

  private plotNodes(): HTMLElement[] {
    return [...this.renderRoot.querySelectorAll<HTMLElement>('.plot')];
  }

  /** Draws every figure (after any draw under way), in the theme's colours as they are now. */
  private draw(): void {
    this.drawing = this.drawing.then(() => this.drawAll());
  }

  private async drawAll(): Promise<void> {
    await this.updateComplete;
    const study = this.parsed;
    if (!this.isConnected) return;
    if (!study) {
      this.purge();
      return;
    }
    try {
      const plotly = (this.plotly ??= await this.plotlyLoader());
      const theme = plotlyTheme(this);
      const ink = {
        ink: String((theme.layout.font as { color: string }).color),
        shade: theme.dark ? DARK_SHADE : DEFAULT_INK.shade,
      };
      const nodes = this.plotNodes();
      // Figures gone since the last draw (a bundle with fewer of them) release their plots.
      for (const node of this.drawn) if (!nodes.includes(node)) plotly.purge(node);
      this.drawn = new Set([...this.drawn].filter((node) => nodes.includes(node)));
      for (const [i, figure] of study.figures.entries()) {
        const plot = studyPlot(figure, ink);
        const layout = { ...withTheme(plot.layout, theme, { zeroline: true }), autosize: true };
        // Not plotly's `responsive` (it follows the window only): the ResizeObserver follows the grid.
        await plotly.react(nodes[i], plot.data, layout, {
          displaylogo: false,
          modeBarButtonsToRemove: ['select2d', 'lasso2d'],
        });
        this.drawn.add(nodes[i]);
      }
      adoptPlotlyStyles(this.renderRoot);
      this.drawError = undefined;
    } catch (error) {
      this.drawError = error;
      this.dispatchEvent(new CustomEvent('plot-error', { detail: { error }, bubbles: true, composed: true }));
    }
  }

  /** Fits the figures whose width changed (at most once per animation frame; none while hidden). */
  private followSize(entries: ResizeObserverEntry[]): void {
    for (const entry of entries) this.resizing.add(entry.target as HTMLElement);
    if (this.resizeFrame) return;
    this.resizeFrame = true;
    nextAnimationFrame(() => {
      this.resizeFrame = false;
      const nodes = [...this.resizing].filter((node) => this.drawn.has(node) && node.clientWidth > 0);
      this.resizing.clear();
      const plotly = this.plotly;
      if (!plotly || nodes.length === 0) return;
      this.drawing = this.drawing.then(async () => {
        for (const node of nodes) await plotly.resize(node);
      });
    });
  }

  private purge(): void {
    if (this.plotly) for (const node of this.drawn) this.plotly.purge(node);
    this.drawn.clear();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'twin-study': TwinStudyElement;
  }
}
