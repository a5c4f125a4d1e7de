import type { ModelManifest, ParameterSpec } from '@immunotwin/engine';
import { css, html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { widgetEvent, type IParameterChangeDetail, type IPresetChangeDetail, type IResetDetail } from './events.js';
import {
  checkNumber,
  describeRange,
  formatNumber,
  isLogScale,
  positionToValue,
  SLIDER_STEPS,
  valueToPosition,
} from './numberRange.js';
import { sharedStyles } from './styles.js';

/** The model's default parameter values. */
export function defaultValues(manifest: ModelManifest): Record<string, number> {
  return Object.fromEntries(manifest.parameters.map((p) => [p.id, p.default]));
}

/** Parameter values after applying a preset over the defaults. */
export function presetValues(manifest: ModelManifest, presetId: string): Record<string, number> {
  const preset = manifest.presets.find((p) => p.id === presetId);
  if (!preset)
    throw new RangeError(
      `unknown preset ${JSON.stringify(presetId)}; known: ${manifest.presets.map((p) => p.id).join(', ')}`,
    );
  return { ...defaultValues(manifest), ...preset.parameters };
}

/**
 * `<twin-controls>`: one row per parameter of a model's schema — a slider (logarithmic where the schema
 * says `scale: "log"`), a number field with the unit and the valid range, the description and source on
 * hover and focus — plus a preset picker and a reset button.
 *
 * Properties: `manifest` (the model), `values` (parameter id → value; missing ids show the default),
 * `preset` (the selected preset id), `disabled`.
 *
 * Events (bubbling, composed): `parameter-change` ({@link IParameterChangeDetail}) for every valid new value
 * (typed, then committed with Enter or by leaving the field; or a slider move), `preset-change`
 * ({@link IPresetChangeDetail}), `reset` ({@link IResetDetail}). Typed text that is empty, not a number or
 * out of range is marked `aria-invalid` with "allowed: min–max unit" next to the field, and emits nothing.
 */
export class TwinControlsElement extends LitElement {
  static override properties = {
    manifest: { attribute: false },
    values: { attribute: false },
    preset: { type: String },
    disabled: { type: Boolean, reflect: true },
    errors: { state: true },
  };

  static override styles = [
    sharedStyles,
    css`
      .toolbar {
        display: flex;
        gap: 8px;
        align-items: center;
        margin-bottom: 6px;
      }
      /* A preset's long name must not widen the controls past their column. */
      .toolbar select {
        flex: 1 1 auto;
        min-width: 0;
        max-width: 24em;
      }
      .row {
        position: relative;
        display: grid;
        grid-template-columns: minmax(10em, 16em) minmax(8em, 1fr) 9em minmax(5em, auto);
        gap: 6px;
        align-items: center;
        padding: 2px 0;
      }
      .row input[type='text'] {
        width: 8em;
      }
      .help {
        display: none;
        position: absolute;
        z-index: 1;
        top: 100%;
        left: 0;
        max-width: 40em;
        padding: 4px 8px;
        background: var(--jp-layout-color2, #f5f5f5);
        border: 1px solid var(--jp-border-color1, #bdbdbd);
      }
      .row:hover .help,
      .row:focus-within .help {
        display: block;
      }
      .error {
        grid-column: 3 / 5;
      }
      /* The rows follow the controls' own width (a side column of the workbench, or a narrow output): */
      :host {
        container-type: inline-size;
      }
      /* Narrow: the label (and the unit, on the right) above the slider and the number field. */
      @container (max-width: 560px) {
        .row {
          grid-template-columns: minmax(0, 1fr) 6.5em;
          grid-template-areas: 'label unit' 'slider field' 'error error';
          row-gap: 0;
        }
        .row > label {
          grid-area: label;
        }
        .row > .slider {
          grid-area: slider;
          min-width: 0;
        }
        .row > input.field {
          grid-area: field;
          width: 100%;
          box-sizing: border-box;
        }
        .row > .unit {
          grid-area: unit;
          justify-self: end;
          white-space: nowrap;
        }
        .error {
          grid-area: error;
        }
      }
    `,
  ];

  /** The model whose parameters are shown. */
  declare manifest: ModelManifest | undefined;
  /** Current values by parameter id (the defaults fill in what is missing). */
  declare values: Record<string, number>;
  /** The selected preset's id, if any. */
  declare preset: string | undefined;
  /** Disables every control. */
  declare disabled: boolean;
  /** Parameter id → the rejected text and the message shown for it. */
  declare protected errors: Record<string, { text: string; message: string }>;

  constructor() {
    super();
    this.manifest = undefined;
    this.values = {};
    this.preset = undefined;
    this.disabled = false;
    this.errors = {};
  }

  /** The value shown for a parameter. */
  valueFor(id: string): number {
    const spec = this.manifest?.parameters.find((p) => p.id === id);
    return this.values[id] ?? spec?.default ?? NaN;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('manifest')) this.errors = {};
  }

  protected override render(): TemplateResult | typeof nothing {
    const manifest = this.manifest;
    if (!manifest) return nothing;
    return html`
      <div class="toolbar" role="group" aria-label="Parameter presets">
        <label for="preset">Preset</label>
        <select id="preset" ?disabled=${this.disabled} @change=${this.onPreset}>
          <option value="" ?selected=${!this.preset}>custom values</option>
          ${manifest.presets.map(
            (p) =>
              html`<option value=${p.id} title=${p.description} ?selected=${this.preset === p.id}>${p.label}</option>`,
          )}
        </select>
        <button id="reset" type="button" ?disabled=${this.disabled} @click=${this.onReset}>Reset</button>
      </div>
      <div role="group" aria-label="Parameters of ${manifest.title}">
        ${manifest.parameters.map((p) => this.row(p))}
      </div>
    `;
  }

  private row(spec: ParameterSpec): TemplateResult {
    const value = this.valueFor(spec.id);
    const error = this.errors[spec.id];
    const log = isLogScale(spec);
    const unit = spec.unit === '1' ? '' : spec.unit;
    return html`
      <div class="row" data-parameter=${spec.id}>
        <label for="field-${spec.id}" id="label-${spec.id}">${spec.label}</label>
        <input
          type="range"
          class="slider"
          data-scale=${log ? 'log' : 'linear'}
          min="0"
          max=${SLIDER_STEPS}
          step="1"
          .value=${live(String(valueToPosition(value, spec)))}
          aria-labelledby="label-${spec.id}"
          aria-valuetext="${formatNumber(value)}${unit ? ` ${unit}` : ''}"
          aria-describedby="help-${spec.id}"
          ?disabled=${this.disabled}
          @input=${(event: Event) => this.onSlider(spec, event)}
        />
        <input
          type="text"
          inputmode="decimal"
          class="field"
          id="field-${spec.id}"
          .value=${live(error ? error.text : formatNumber(value))}
          aria-invalid=${error ? 'true' : 'false'}
          aria-describedby="range-${spec.id} help-${spec.id}${error ? ` error-${spec.id}` : ''}"
          ?disabled=${this.disabled}
          @input=${(event: Event) => this.onType(spec, event, false)}
          @change=${(event: Event) => this.onType(spec, event, true)}
        />
        <span class="unit" id="range-${spec.id}"
          >${unit} <span class="visually-hidden">${describeRange(spec)}${log ? ', logarithmic slider' : ''}</span></span
        >
        ${error ? html`<span class="error" id="error-${spec.id}" role="alert">${error.message}</span>` : nothing}
        <div class="help" id="help-${spec.id}" role="tooltip">
          <strong>${spec.id}</strong> — ${spec.description} <br /><span class="muted">Source: ${spec.source}</span>
        </div>
      </div>
    `;
  }

  private onSlider(spec: ParameterSpec, event: Event): void {
    const value = positionToValue(Number((event.target as HTMLInputElement).value), spec);
    this.clearError(spec.id);
    this.commit(spec.id, value);
  }

  private onType(spec: ParameterSpec, event: Event, committed: boolean): void {
    const text = (event.target as HTMLInputElement).value;
    const check = checkNumber(text, spec);
    if (!check.ok) {
      this.errors = { ...this.errors, [spec.id]: { text, message: check.message } };
      return;
    }
    this.clearError(spec.id);
    if (committed && check.value !== this.valueFor(spec.id)) this.commit(spec.id, check.value);
  }

  private commit(name: string, value: number): void {
    this.values = { ...this.values, [name]: value };
    this.dispatchEvent(widgetEvent<IParameterChangeDetail>('parameter-change', { name, value }));
  }

  private clearError(id: string): void {
    if (!(id in this.errors)) return;
    const { [id]: _dropped, ...rest } = this.errors;
    this.errors = rest;
  }

  private onPreset(event: Event): void {
    const manifest = this.manifest!;
    const id = (event.target as HTMLSelectElement).value || undefined;
    const values = id ? presetValues(manifest, id) : { ...this.values };
    this.preset = id;
    this.values = values;
    this.errors = {};
    this.dispatchEvent(widgetEvent<IPresetChangeDetail>('preset-change', { preset: id, values: { ...values } }));
  }

  private onReset(): void {
    const values = defaultValues(this.manifest!);
    this.preset = undefined;
    this.values = values;
    this.errors = {};
    this.dispatchEvent(widgetEvent<IResetDetail>('reset', { values: { ...values } }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'twin-controls': TwinControlsElement;
  }
}
