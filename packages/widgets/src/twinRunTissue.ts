import type { Tissue } from '@immunotwin/engine';
import type { ISessionTissue } from '@immunotwin/worker';
import { css, html, LitElement, nothing, type TemplateResult } from 'lit';
import { widgetEvent } from './events.js';
import { sharedStyles } from './styles.js';
import { pictureNear, TissueHistory } from './tissue/tissueHistory.js';
import type { ITissueIndexDetail } from './twinTissue.js';

/**
 * `<twin-run-tissue>`: the tissue of a workbench's live run, as its session pictures it (`ISessionFrame.tissue`),
 * in a `<twin-tissue>` — zoom, legend, field and immune-cell switches; no Play of its own, the workbench's plays —
 * over a bounded history of the run's pictures (`TissueHistory`). It follows the run (the newest picture is shown
 * as it comes) until the person moves the time slider; then it stays on the time chosen (while thinning, on the kept
 * picture nearest to it) until "follow the run" is ticked again, or a new run begins. Its size is bounded by
 * `--twin-tissue-size` (the canvas, either way) and `--twin-tissue-legend-height`.
 *
 * Event `looked-back` ({@link ILookedBackDetail}) when the time it stays on changes: the time chosen, or null when
 * it follows the run again (a workbench marks the time on its plot). With the model's fields known (its run's first
 * picture lists them), a field picker: event `tissue-field-change` ({@link ITissueFieldDetail}) when the person
 * picks another field (a workbench re-runs with it: the pictures kept are of one field). Where the run's first
 * picture carries a note (`ISessionTissue.note`: the field asked for is not the model's, its first is drawn), the
 * note shows above the view until the next run's first picture.
 */
/** Detail of `looked-back`: the time of the picture the person chose, or null while the view follows the run. */
export interface ILookedBackDetail {
  time: number | null;
}

/** Detail of `tissue-field-change`: the field the person picked. */
export interface ITissueFieldDetail {
  field: string;
}

export class TwinRunTissueElement extends LitElement {
  static override properties = {
    following: { state: true },
    shown: { state: true },
    index: { state: true },
    fields: { state: true },
    note: { state: true },
  };

  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
        min-width: 0;
      }
      label {
        display: inline-flex;
        align-items: center;
        gap: 4px;
      }
      .waiting {
        margin: 0;
        color: var(--jp-ui-font-color2, #616161);
      }
      /* One line (the workbench's height is bounded): what matters comes first; the whole note is its title. */
      .note {
        margin: 0 0 4px;
        color: var(--jp-ui-font-color2, #616161);
        white-space: nowrap;
        overflow: hidden;
        text-overflow: ellipsis;
      }
    `,
  ];

  /** Whether the newest picture is shown as it comes. */
  declare following: boolean;
  declare protected shown: Tissue | undefined;
  declare protected index: number;
  /** The model's fields (from its runs' first pictures), for the picker. */
  declare protected fields: readonly { readonly id: string; readonly unit: string }[];
  /** What the session said with the run's first picture (e.g. the field asked for is not the model's). */
  declare protected note: string | undefined;
  private readonly history = new TissueHistory();
  /** The time of the picture the person chose (kept while the history thins). */
  private chosenTime = 0;

  constructor() {
    super();
    this.following = true;
    this.shown = undefined;
    this.index = 0;
    this.fields = [];
    this.note = undefined;
  }

  /** The kept pictures (undefined before the first). */
  get tissue(): Tissue | undefined {
    return this.history.tissue;
  }

  /** Whether there is a picture to show. */
  get hasPictures(): boolean {
    return this.history.tissue !== undefined;
  }

  /** A new run begins: its pictures replace the last run's from its first one on, and the view follows it. */
  begin(): void {
    this.history.restart();
    this.setFollowing();
  }

  /** Forgets every picture (another model). */
  clear(): void {
    this.history.clear();
    this.shown = undefined;
    this.fields = [];
    this.note = undefined;
    this.setFollowing();
    this.index = 0;
  }

  /** Adds the run's next picture. */
  addPicture(picture: ISessionTissue): void {
    if (picture.fields) {
      // The run's first picture: its fields, and its note or none.
      this.fields = picture.fields;
      this.note = picture.note;
    }
    this.history.push(picture.header, picture.frame);
    this.shown = this.history.tissue;
    const frames = this.shown!.frames;
    this.index = this.following ? frames.length - 1 : pictureNear(frames, this.chosenTime);
  }

  /** Follows the run again (shows its newest picture). */
  follow(): void {
    this.setFollowing();
    this.index = (this.shown?.frames.length ?? 1) - 1;
  }

  /** Follows the run, saying so (`looked-back` with null) if it did not. */
  private setFollowing(): void {
    if (!this.following) this.dispatchEvent(widgetEvent<ILookedBackDetail>('looked-back', { time: null }));
    this.following = true;
  }

  private chosen(event: CustomEvent<ITissueIndexDetail>): void {
    this.following = false;
    this.index = event.detail.index;
    this.chosenTime = event.detail.time;
    this.dispatchEvent(widgetEvent<ILookedBackDetail>('looked-back', { time: event.detail.time }));
  }

  /** Stays on the picture shown (the person unticked "follow the run"). */
  private stay(): void {
    this.following = false;
    const time = this.shown?.frames[this.index]?.time;
    this.chosenTime = time ?? 0;
    if (time !== undefined) this.dispatchEvent(widgetEvent<ILookedBackDetail>('looked-back', { time }));
  }

  protected override render(): TemplateResult {
    // Before the run's first picture (a held workbench, a worker that died before it): a note, not an error.
    if (!this.shown) return html`<p class="waiting">The tissue appears when the run starts.</p>`;
    return html`${this.note ? html`<p class="note" role="status" title=${this.note}>${this.note}</p>` : nothing}${this.tissueView()}`;
  }

  /** The tissue view of the pictures shown, with the switches and the field picker in its controls row. */
  private tissueView(): TemplateResult {
    return html`<twin-tissue hide-play .tissue=${this.shown} .index=${this.index} @index-change=${this.chosen}>
      <label slot="controls"
        ><input
          type="checkbox"
          data-action="follow"
          .checked=${this.following}
          @change=${(e: Event) => ((e.target as HTMLInputElement).checked ? this.follow() : this.stay())}
        />
        follow the run</label
      >
      ${
        this.fields.length > 1
          ? html`<label slot="controls"
              >field
              <select
                data-action="tissue-field"
                aria-label="The field drawn"
                @change=${(e: Event) =>
                  this.dispatchEvent(
                    widgetEvent<ITissueFieldDetail>('tissue-field-change', {
                      field: (e.target as HTMLSelectElement).value,
                    }),
                  )}
              >
                ${this.fields.map(
                  (f) =>
                    html`<option value=${f.id} ?selected=${f.id === this.shown?.header.field?.id}>
                      ${f.id} (${f.unit})
                    </option>`,
                )}
              </select></label
            >`
          : nothing
      }
    </twin-tissue>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'twin-run-tissue': TwinRunTissueElement;
  }
}
