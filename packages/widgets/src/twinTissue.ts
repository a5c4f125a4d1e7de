import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { sharedStyles } from './styles.js';
import { widgetEvent } from './events.js';
import { parseTissue, tissueCounts, type Tissue, type TissueFrame } from '@immunotwin/engine';
import { colourOf } from './tissue/tissueImage.js';
import { tissueStyles } from './tissue/tissueStyles.js';
import { TissueStage, ZOOM_STEP } from './tissue/tissueStage.js';
import type { Camera } from './tissue/tissueCamera.js';

/** Milliseconds between pictures when playing. */
const PLAY_INTERVAL = 700;

const swatch = ([r, g, b]: readonly [number, number, number]) => `background: rgb(${r}, ${g}, ${b})`;

/** Detail of `index-change` (from `<twin-tissue>`): the person chose the picture shown (the slider, Play). */
export interface ITissueIndexDetail {
  /** The picture's index. */
  index: number;
  /** Its time. */
  time: number;
}

/**
 * `<twin-tissue>`: pictures of a model's tissue over a run (from `twin.tissue()`): cell states in colour, a
 * field glowing over them, immune cells on their sites, drawn with WebGL2 (canvas 2D where there is none; the
 * view says which) through a camera that pans (drag, arrow keys) and zooms (wheel, +/− buttons and keys, 0 to
 * fit) — with a time slider, play/pause, switches for the field and the immune cells, and a legend with the
 * count of each state and cell type at the time shown. A live bundle (a run under way) shows how far the run is.
 * Property `data`: the tissue bundle (object or JSON text). A bundle that does not decode is shown as a message
 * naming what is wrong. Property `tissue`: pictures already decoded (e.g. a workbench's live run), shown instead.
 * Event `index-change` ({@link ITissueIndexDetail}) when the person moves the slider or Play moves on. Children
 * with `slot="controls"` join the controls row. The canvas is at most `--twin-tissue-size` (420 px) either way.
 */
export class TwinTissueElement extends LitElement {
  static override properties = {
    data: { attribute: false },
    tissue: { attribute: false },
    index: { type: Number },
    showField: { type: Boolean, attribute: 'show-field' },
    showAgents: { type: Boolean, attribute: 'show-agents' },
    hidePlay: { type: Boolean, attribute: 'hide-play' },
    playing: { state: true },
    zoomLabel: { state: true },
    drawnWith: { state: true },
    agentsVisible: { state: true },
    renderer: {},
  };

  static override styles = [sharedStyles, tissueStyles];

  /** The tissue bundle of `twin.tissue()` (object or JSON text). */
  declare data: unknown;
  /** Decoded pictures, shown instead of `data` when set (the index is kept: clamped, not reset). */
  declare tissue: Tissue | undefined;
  /** The picture shown (index into the bundle's pictures). */
  declare index: number;
  /** Whether the field is drawn over the cells. */
  declare showField: boolean;
  /** Whether the immune cells are drawn. */
  declare showAgents: boolean;
  /** Hides Play (a workbench plays its run with its own). */
  declare hidePlay: boolean;
  declare protected playing: boolean;
  declare protected zoomLabel: string;
  declare protected drawnWith: string | undefined;
  declare protected agentsVisible: boolean;
  /** 'canvas2d' draws with canvas 2D even where WebGL2 is (attribute `renderer`; default 'auto'). */
  declare renderer: 'auto' | 'canvas2d';
  private decodedTissue: Tissue | undefined;
  private stage: TissueStage | undefined;
  private counted: { frame: TissueFrame; counts: ReturnType<typeof tissueCounts> } | undefined;
  /** What the stage shows now: a new bundle, picture or layer choice is shown anew; a zoom only redraws. */
  private shown: { tissue: Tissue; index: number; field: boolean; agents: boolean } | undefined;
  private error = '';
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor() {
    super();
    this.data = undefined;
    this.tissue = undefined;
    this.index = 0;
    this.showField = true;
    this.showAgents = true;
    this.hidePlay = false;
    this.playing = false;
    this.zoomLabel = '';
    this.renderer = 'auto';
    this.agentsVisible = true;
  }

  /** The stage that draws the picture (its renderer's `kind`, the camera's `view`), once there is a picture. */
  get view(): TissueStage | undefined {
    return this.stage;
  }

  /** The decoded bundle (undefined when `data` did not decode). */
  get decoded(): Tissue | undefined {
    return this.decodedTissue;
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (this.tissue) {
      this.decodedTissue = this.tissue;
      this.error = '';
    } else if (changed.has('data') || changed.has('tissue')) {
      try {
        this.decodedTissue = parseTissue(this.data);
        this.error = '';
      } catch (error) {
        this.decodedTissue = undefined;
        this.error = error instanceof Error ? error.message : String(error);
      }
      this.index = 0;
    }
    const last = (this.decodedTissue?.frames.length ?? 1) - 1;
    this.index = Math.min(Math.max(0, Math.round(this.index || 0)), Math.max(0, last));
  }

  override updated(): void {
    const canvas = this.renderRoot.querySelector('canvas');
    const frame = this.decodedTissue?.frames[this.index];
    if (!canvas || !frame || !this.decodedTissue) return;
    if (this.stage?.canvas !== canvas) {
      this.stage?.dispose();
      this.stage = new TissueStage(
        canvas,
        (camera, fit, agents) => this.cameraMoved(camera, fit, agents),
        this.renderer,
      );
      this.shown = undefined;
    }
    const next = { tissue: this.decodedTissue, index: this.index, field: this.showField, agents: this.showAgents };
    const { shown } = this;
    if (shown && (Object.keys(next) as (keyof typeof next)[]).every((key) => shown[key] === next[key])) return;
    this.shown = next;
    this.stage.show(this.decodedTissue, frame, { field: this.showField, agents: this.showAgents });
    if (this.drawnWith !== this.stage.kind) this.drawnWith = this.stage.kind; // known from the first picture on
  }

  private fallbackNote(): string {
    return this.renderer === 'canvas2d' ? 'canvas 2D' : 'canvas 2D (no WebGL2 here)';
  }

  private cameraMoved(camera: Camera, fit: number, agentsVisible: boolean): void {
    this.agentsVisible = agentsVisible;
    const zoom = camera.zoom / fit;
    this.zoomLabel = `${zoom.toFixed(zoom < 10 ? 1 : 0)}×`;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.pause();
  }

  /** Steps through the pictures from the one shown (from the first when at the end). */
  play(): void {
    const frames = this.decodedTissue?.frames.length ?? 0;
    if (frames < 2) return;
    if (this.index >= frames - 1) this.choose(0);
    this.playing = true;
    clearInterval(this.timer);
    this.timer = setInterval(() => {
      if (this.index >= frames - 1) this.pause();
      else this.choose(this.index + 1);
    }, PLAY_INTERVAL);
  }

  /** Shows picture `index` as the person's choice (`index-change`). */
  private choose(index: number): void {
    this.index = index;
    const time = this.decodedTissue?.frames[index]?.time ?? 0;
    this.dispatchEvent(widgetEvent<ITissueIndexDetail>('index-change', { index, time }));
  }

  /** Stops playing. */
  pause(): void {
    clearInterval(this.timer);
    this.timer = undefined;
    this.playing = false;
  }

  override render(): TemplateResult {
    const tissue = this.decodedTissue;
    if (!tissue) {
      return this.error
        ? html`<p class="error" role="alert">${this.error}</p>`
        : html`<p class="empty">No tissue to show.</p>`;
    }
    const { header, frames } = tissue;
    const frame = frames[this.index];
    if (!frame) return html`<p>The tissue bundle has no pictures.</p>`;
    // Counted once per picture (9 million sites on a 3000² section), not at every zoom.
    if (this.counted?.frame !== frame) this.counted = { frame, counts: tissueCounts(tissue, frame) };
    const { counts } = this.counted;
    // Four significant digits: a live picture's time is a step's, e.g. 0.0694 day.
    const when = `${header.timeUnit} ${Number(frame.time.toPrecision(4))}`;
    const live = header.live;
    const { drawnWith } = this;
    const label = `${header.title}: tissue at ${when}; ${header.cellStates
      .map((name, i) => `${counts.cells[i]} ${name}`)
      .join(', ')} sites; ${header.agentTypes.map((name, i) => `${counts.agents[i]} ${name}`).join(', ')}`;
    return html`
      <div class="controls">
        ${
          this.hidePlay
            ? nothing
            : this.playing
              ? html`<button type="button" data-action="pause" @click=${() => this.pause()}>Pause</button>`
              : html`<button
                  type="button"
                  data-action="play"
                  ?disabled=${frames.length < 2}
                  @click=${() => this.play()}
                >
                  Play
                </button>`
        }
        <label
          >Time
          <input
            type="range"
            min="0"
            max=${frames.length - 1}
            step="1"
            .value=${String(this.index)}
            aria-valuetext=${when}
            @input=${(e: Event) => {
              this.pause();
              this.choose(Number((e.target as HTMLInputElement).value));
            }}
        /></label>
        <output>${when}</output>
        <slot name="controls"></slot>
        ${
          header.field
            ? html`<label
                ><input
                  type="checkbox"
                  data-action="field"
                  .checked=${this.showField}
                  @change=${(e: Event) => (this.showField = (e.target as HTMLInputElement).checked)}
                />
                ${header.field.id} (${header.field.unit})</label
              >`
            : nothing
        }
        <label
          ><input
            type="checkbox"
            data-action="agents"
            .checked=${this.showAgents}
            @change=${(e: Event) => (this.showAgents = (e.target as HTMLInputElement).checked)}
          />
          immune
          cells${this.showAgents && !this.agentsVisible ? html` <span class="muted" data-agents-hidden>(zoom in to see them)</span>` : nothing}</label
        >
      </div>
      ${
        live
          ? html`<div class="controls" role="status" data-live>
              <progress max="100" .value=${Math.round(live.fraction * 100)}></progress>
              running: ${Math.floor(live.fraction * 100)} % · live picture ${live.pictures}
            </div>`
          : nothing
      }
      <div class="stage">
        <div class="view">
          <canvas
            tabindex="0"
            role="img"
            aria-label=${label}
            aria-roledescription="zoomable tissue view: drag or arrow keys to pan, wheel or + and − to zoom, 0 to fit"
            style="aspect-ratio: ${header.width} / ${header.height}"
          ></canvas>
          <div class="zoom">
            <button
              type="button"
              data-action="zoom-out"
              aria-label="Zoom out"
              @click=${() => this.stage?.zoomBy(1 / ZOOM_STEP)}
            >
              −
            </button>
            <button
              type="button"
              data-action="zoom-in"
              aria-label="Zoom in"
              @click=${() => this.stage?.zoomBy(ZOOM_STEP)}
            >
              +
            </button>
            <button type="button" data-action="fit" @click=${() => this.stage?.fit()}>Fit</button>
            <span data-zoom title="zoom (1× shows the whole section)">${this.zoomLabel}</span>
            <span class="muted" data-renderer=${drawnWith ?? 'none'}
              >${drawnWith === 'webgl2' ? 'WebGL2' : drawnWith === 'canvas2d' ? this.fallbackNote() : ''}</span
            >
          </div>
        </div>
        <div class="legend">
          <h4>Epithelium (sites)</h4>
          <ul>
            ${header.cellStates.map(
              (name, i) =>
                html`<li data-state=${name}>
                  <span class="swatch" style=${swatch(colourOf(name, i))}></span>${name}
                  <span class="count">${counts.cells[i]}</span>
                </li>`,
            )}
          </ul>
          ${
            header.agentTypes.length
              ? html`<h4>Immune cells</h4>
                  <ul>
                    ${header.agentTypes.map(
                      (name, i) =>
                        html`<li data-agent=${name}>
                          <span class="swatch" style=${swatch(colourOf(name, i))}></span>${name}
                          <span class="count">${counts.agents[i]}</span>
                        </li>`,
                    )}
                  </ul>`
              : nothing
          }
          <p class="muted">
            ${header.width} × ${header.height} sites of ${header.siteSize} µm
            ${header.field && this.showField ? html`<br />green glow: ${header.field.id}` : nothing}
          </p>
        </div>
      </div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'twin-tissue': TwinTissueElement;
  }
}
