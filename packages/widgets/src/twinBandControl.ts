import {
  cohortParameterChoices,
  DEFAULT_BAND_SIZE,
  DEFAULT_COHORT_SPREAD,
  type BandSpec,
  type ModelManifest,
  type Scenario,
} from '@immunotwin/engine';
import { css, html, LitElement, nothing, type TemplateResult } from 'lit';
import { percentOf } from './bandCaption.js';
import { widgetEvent, type IBandChangeDetail } from './events.js';
import { sharedStyles } from './styles.js';

/** Band sizes offered (replicates or virtual patients); a state's other size is offered too. */
export const BAND_SIZES: readonly number[] = [5, 10, 20, 50, 100, 200];
/** Cohort spreads offered (coefficients of variation); a state's other spread is offered too. */
export const COHORT_SPREADS: readonly number[] = [0.1, 0.2, 0.3, 0.5, 1];

/** Why the replicates choice is off for a deterministic scenario (the tooltip and the screen reader's hint). */
export const REPLICATES_NEED_NOISE =
  'Replicates need a stochastic method (ssa, tau-leaping) or a stepped model: this scenario is an ODE, so every replicate would be the same run. A cohort works for any model.';

/** The offered values with `current` among them, ascending. */
function withCurrent(values: readonly number[], current: number | undefined): number[] {
  return current === undefined || values.includes(current) ? [...values] : [...values, current].sort((a, b) => a - b);
}

/**
 * `<twin-band-control>`: what the workbench's plot shows — **one run** (live), **replicates** of the scenario
 * (a stochastic method or a stepped model only: the choice is off, with a tooltip saying why, for an ODE), or a
 * **cohort** of virtual patients around the current parameters — with the band's size, a cohort's spread (the
 * coefficient of variation of a log-normal around each value) and the parameters it varies (a list of checkboxes
 * that opens over the plot; those a cohort cannot vary are off, their reason in a tooltip).
 *
 * Properties: `manifest`, `scenario` (the explicit scenario: its values and method), `band` (a `BandSpec`, or
 * undefined for one run). Event (bubbling, composed): `band-change` ({@link IBandChangeDetail}).
 */
export class TwinBandControlElement extends LitElement {
  static override properties = {
    manifest: { attribute: false },
    scenario: { attribute: false },
    band: { attribute: false },
  };

  static override styles = [
    sharedStyles,
    css`
      :host {
        display: inline-flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 6px;
        position: relative;
        background: transparent;
      }
      details.vary {
        position: relative;
      }
      details.vary > summary {
        cursor: pointer;
        white-space: nowrap;
        max-width: 16em;
        overflow: hidden;
        text-overflow: ellipsis;
      }
      /* The list opens over what is below it, so the toolbar keeps its height. */
      details.vary fieldset {
        position: absolute;
        z-index: 3;
        left: 0;
        top: 100%;
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(14em, 1fr));
        gap: 2px 12px;
        width: min(30em, 80vw);
        max-height: 14em;
        overflow: auto;
        margin: 2px 0 0;
        padding: 6px 8px;
        background: var(--jp-layout-color1, #fff);
        border: 1px solid var(--jp-border-color1, #bdbdbd);
        border-radius: 2px;
        box-shadow: var(--jp-elevation-z4, 0 2px 6px rgba(0, 0, 0, 0.25));
      }
      details.vary label {
        white-space: nowrap;
        overflow: hidden;
        text-overflow: ellipsis;
      }
    `,
  ];

  /** The model. */
  declare manifest: ModelManifest | undefined;
  /** The explicit scenario (every parameter's value, the method). */
  declare scenario: Scenario | undefined;
  /** The band shown; undefined: one run. */
  declare band: BandSpec | undefined;

  /** The last cohort's spread and parameters, offered again when the cohort is chosen anew. */
  private lastCohort: Pick<BandSpec, 'spread' | 'parameters'> = {};

  constructor() {
    super();
    this.manifest = undefined;
    this.scenario = undefined;
    this.band = undefined;
  }

  /** Whether the scenario is deterministic (replicates would all be the same run). */
  get deterministic(): boolean {
    return (this.scenario?.method ?? this.manifest?.methods[0]) === 'ode';
  }

  /** Every parameter with why a cohort cannot vary it (undefined: it can). */
  private choices(): { id: string; reason: string | undefined }[] {
    const manifest = this.manifest!;
    return cohortParameterChoices({
      manifest,
      parameters: this.scenario?.parameters ?? {},
      method: this.scenario?.method ?? manifest.methods[0],
      initial: this.scenario?.initial,
    });
  }

  /** The parameters the cohort varies: those named, or every one it can vary. */
  private varied(choices: { id: string; reason: string | undefined }[]): string[] {
    return this.band?.parameters ?? choices.filter((c) => c.reason === undefined).map((c) => c.id);
  }

  protected override render(): TemplateResult | typeof nothing {
    if (!this.manifest) return nothing;
    const band = this.band;
    const ode = this.deterministic;
    return html`
      <label for="show">Show</label>
      <select
        id="show"
        data-action="band"
        title=${ode ? REPLICATES_NEED_NOISE : 'One live run, or the median and bands of replicates or of a virtual cohort'}
        aria-describedby=${ode ? 'show-hint' : nothing}
        @change=${this.onKind}
      >
        <option value="run" ?selected=${!band}>one run</option>
        <option
          value="replicates"
          ?selected=${band?.kind === 'replicates'}
          ?disabled=${ode}
          title=${ode ? REPLICATES_NEED_NOISE : nothing}
        >
          replicates
        </option>
        <option value="cohort" ?selected=${band?.kind === 'cohort'}>cohort</option>
      </select>
      ${ode ? html`<span id="show-hint" class="visually-hidden">${REPLICATES_NEED_NOISE}</span>` : nothing}
      ${band ? this.bandFields(band) : nothing}
    `;
  }

  private bandFields(band: BandSpec): TemplateResult {
    const members = band.kind === 'cohort' ? 'virtual patients' : 'replicates';
    const size = html`<label for="size" title="How many ${members}">of</label>
      <select id="size" data-action="band-size" title="How many ${members}" @change=${this.onSize}>
        ${withCurrent(BAND_SIZES, band.size).map(
          (n) => html`<option value=${String(n)} ?selected=${n === band.size}>${n}</option>`,
        )}
      </select>`;
    if (band.kind !== 'cohort') return size;
    const spread = band.spread ?? DEFAULT_COHORT_SPREAD;
    const spreadHelp =
      'Each varied parameter is drawn from a log-normal around its current value (its median) with this coefficient of variation, within its allowed range';
    const choices = this.choices();
    const varied = this.varied(choices);
    const names = varied.length <= 3 ? varied.join(', ') : `${varied.length} parameters`;
    return html`${size}
      <label for="spread" title=${spreadHelp}>spread</label>
      <select id="spread" data-action="band-spread" title=${spreadHelp} @change=${this.onSpread}>
        ${withCurrent(COHORT_SPREADS, spread).map(
          (s) => html`<option value=${String(s)} ?selected=${s === spread}>${percentOf(s)} %</option>`,
        )}
      </select>
      <details class="vary">
        <summary title="The parameters that differ between the virtual patients">vary: ${names || 'none'}</summary>
        <fieldset>
          <legend class="visually-hidden">Parameters varied in the cohort</legend>
          ${choices.map(({ id, reason }) => {
            const label = this.manifest!.parameters.find((p) => p.id === id)?.label ?? id;
            return html`<label title=${reason ?? `${label} (${id})`}
              ><input
                type="checkbox"
                data-vary=${id}
                .checked=${varied.includes(id)}
                ?disabled=${reason !== undefined || (varied.length === 1 && varied[0] === id)}
                @change=${() => this.toggle(id, varied)}
              />
              ${label}</label
            >`;
          })}
        </fieldset>
      </details>`;
  }

  private emit(band: BandSpec | undefined): void {
    if (band?.kind === 'cohort') this.lastCohort = { spread: band.spread, parameters: band.parameters };
    this.band = band;
    this.dispatchEvent(widgetEvent<IBandChangeDetail>('band-change', { band: band && structuredClone(band) }));
  }

  private onKind(event: Event): void {
    const kind = (event.target as HTMLSelectElement).value;
    const size = this.band?.size ?? DEFAULT_BAND_SIZE;
    if (kind === 'replicates') this.emit({ kind, size });
    else if (kind === 'cohort') {
      const { spread = DEFAULT_COHORT_SPREAD, parameters } = this.lastCohort;
      this.emit({ kind, size, spread, ...(parameters ? { parameters } : {}) });
    } else this.emit(undefined);
  }

  private onSize(event: Event): void {
    this.emit({ ...this.band!, size: Number((event.target as HTMLSelectElement).value) });
  }

  private onSpread(event: Event): void {
    this.emit({ ...this.band!, spread: Number((event.target as HTMLSelectElement).value) });
  }

  private toggle(id: string, varied: readonly string[]): void {
    const next = varied.includes(id) ? varied.filter((v) => v !== id) : [...varied, id];
    const order = this.manifest!.parameters.map((p) => p.id);
    this.emit({ ...this.band!, parameters: order.filter((p) => next.includes(p)) });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'twin-band-control': TwinBandControlElement;
  }
}
