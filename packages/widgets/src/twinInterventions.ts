import type { InterventionSpec, ModelManifest } from '@immunotwin/engine';
import { css, html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { widgetEvent, type IInterventionsChangeDetail } from './events.js';
import { fieldRange, moveIntervention, newIntervention, type TimelineIntervention } from './interventionEdits.js';
import { checkNumber, describeRange, formatNumber } from './numberRange.js';
import { sharedStyles } from './styles.js';

/** A drag in progress: which bar, where the pointer went down, and the intervention before the drag. */
interface IDrag {
  index: number;
  pointerId: number;
  x: number;
  width: number;
  original: TimelineIntervention;
}

/**
 * `<twin-interventions>`: a timeline of a scenario's interventions (kinds, fields and ranges from the
 * model's intervention specs). Add one per kind with the buttons; drag a bar along the time axis with a
 * pointer, or focus it and move it with the arrow keys (one `step`; Page Up/Down: ten); Delete removes
 * it; edit start, stop and the spec's fields (dose, efficacy, …) in the list below the axis.
 *
 * Properties: `manifest`, `interventions` (the list), `duration` (the time axis length), `step` (keyboard
 * step; default a hundredth of the duration), `disabled`.
 *
 * Event: `interventions-change` ({@link IInterventionsChangeDetail}) with the whole new list after each
 * add, edit, drag (on release) or removal. Typed values outside the allowed range are marked
 * `aria-invalid` with the allowed range and emit nothing.
 */
export class TwinInterventionsElement extends LitElement {
  static override properties = {
    manifest: { attribute: false },
    interventions: { attribute: false },
    duration: { type: Number },
    step: { type: Number },
    disabled: { type: Boolean, reflect: true },
    errors: { state: true },
  };

  static override styles = [
    sharedStyles,
    css`
      .add {
        display: flex;
        flex-wrap: wrap;
        gap: 6px;
        margin-bottom: 6px;
      }
      .track {
        position: relative;
        height: calc(var(--rows, 1) * 22px + 4px);
        border: 1px solid var(--jp-border-color2, #e0e0e0);
        background: var(--jp-layout-color2, #f5f5f5);
        touch-action: none;
      }
      .bar {
        position: absolute;
        height: 18px;
        min-width: 8px;
        box-sizing: border-box;
        padding: 0 4px;
        overflow: hidden;
        white-space: nowrap;
        font-size: var(--jp-ui-font-size0, 11px);
        line-height: 18px;
        color: var(--jp-ui-inverse-font-color1, #fff);
        background: var(--jp-brand-color1, #1976d2);
        border-radius: 3px;
        cursor: grab;
      }
      .bar.event {
        width: 8px;
        padding: 0;
        border-radius: 50%;
        background: var(--jp-warn-color1, #f57c00);
      }
      .axis {
        display: flex;
        justify-content: space-between;
      }
      fieldset {
        border: 1px solid var(--jp-border-color2, #e0e0e0);
        margin: 4px 0;
        display: flex;
        flex-wrap: wrap;
        gap: 4px 12px;
        align-items: center;
      }
      fieldset input {
        width: 7em;
      }
    `,
  ];

  /** The model whose intervention kinds are offered. */
  declare manifest: ModelManifest | undefined;
  /** The scheduled interventions. */
  declare interventions: TimelineIntervention[];
  /** Length of the time axis (the run's duration). */
  declare duration: number;
  /** Keyboard step in model time units; 0 or absent: duration / 100. */
  declare step: number;
  /** Disables editing. */
  declare disabled: boolean;
  /** `${index}.${field}` → the rejected text and the message shown for it. */
  declare protected errors: Record<string, { text: string; message: string }>;

  private drag: IDrag | undefined;

  constructor() {
    super();
    this.manifest = undefined;
    this.interventions = [];
    this.duration = 10;
    this.step = 0;
    this.disabled = false;
    this.errors = {};
  }

  /** The keyboard step in use. */
  get keyboardStep(): number {
    return this.step > 0 ? this.step : this.duration / 100;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('interventions') || changed.has('manifest')) this.errors = {};
  }

  protected override render(): TemplateResult | typeof nothing {
    const manifest = this.manifest;
    if (!manifest) return nothing;
    if (manifest.interventions.length === 0) return html`<p class="muted">This model has no interventions.</p>`;
    const unit = manifest.timeUnit;
    return html`
      <div class="add" role="group" aria-label="Add an intervention">
        ${manifest.interventions.map(
          (spec) =>
            html`<button
              type="button"
              data-add=${spec.kind}
              title=${spec.description}
              ?disabled=${this.disabled}
              @click=${() => this.addIntervention(spec)}
            >
              + ${spec.label}
            </button>`,
        )}
      </div>
      <div
        class="track"
        style="--rows: ${Math.max(1, this.interventions.length)}"
        aria-label="Intervention timeline"
        role="group"
      >
        ${this.interventions.map((item, index) => this.bar(item, index, unit))}
      </div>
      <div class="axis muted" aria-hidden="true">
        <span>0</span><span>${formatNumber(this.duration / 2)}</span>
        <span>${formatNumber(this.duration)} ${unit}s</span>
      </div>
      ${this.interventions.map((item, index) => this.editor(item, index, unit))}
    `;
  }

  private spec(kind: string): InterventionSpec | undefined {
    return this.manifest?.interventions.find((s) => s.kind === kind);
  }

  private bar(item: TimelineIntervention, index: number, unit: string): TemplateResult {
    const spec = this.spec(item.kind);
    const label = spec?.label ?? item.kind;
    const left = (100 * item.start) / this.duration;
    const width = item.stop === undefined ? undefined : (100 * (item.stop - item.start)) / this.duration;
    const when =
      item.stop === undefined
        ? `at ${formatNumber(item.start)}`
        : `from ${formatNumber(item.start)} to ${formatNumber(item.stop)}`;
    return html`<div
      class="bar ${item.stop === undefined ? 'event' : ''}"
      data-index=${index}
      role="slider"
      tabindex=${this.disabled ? -1 : 0}
      aria-label="${label} ${when} ${unit}s (arrow keys move it, Delete removes it)"
      aria-valuemin="0"
      aria-valuemax=${this.duration}
      aria-valuenow=${item.start}
      aria-valuetext="${when} ${unit}s"
      style="left: ${left}%; top: ${2 + index * 22}px;${width === undefined ? '' : ` width: ${width}%;`}"
      @keydown=${(event: KeyboardEvent) => this.onKey(index, event)}
      @pointerdown=${(event: PointerEvent) => this.onPointerDown(index, event)}
      @pointermove=${(event: PointerEvent) => this.onPointerMove(event)}
      @pointerup=${(event: PointerEvent) => this.onPointerUp(event)}
      @pointercancel=${() => this.onPointerCancel()}
    >
      ${item.stop === undefined ? '' : label}
    </div>`;
  }

  private editor(item: TimelineIntervention, index: number, unit: string): TemplateResult {
    const spec = this.spec(item.kind);
    const fields = [
      'start',
      ...(item.stop !== undefined || spec?.hasStop ? ['stop'] : []),
      ...(spec?.fields.map((f) => f.id) ?? []),
    ];
    return html`<fieldset data-index=${index}>
      <legend>${index + 1}. ${spec?.label ?? item.kind}</legend>
      ${fields.map((field) => {
        const key = `${index}.${field}`;
        const error = this.errors[key];
        const spec_ = spec?.fields.find((f) => f.id === field);
        const label = spec_ ? spec_.label : field;
        const fieldUnit = spec_ ? spec_.unit : unit;
        const value = item[field] ?? spec_?.default;
        return html`<span>
          <label for="f-${index}-${field}">${label}</label>
          <input
            id="f-${index}-${field}"
            type="text"
            inputmode="decimal"
            data-field=${field}
            .value=${live(error ? error.text : value === undefined ? '' : formatNumber(Number(value)))}
            title=${spec_?.description ?? ''}
            aria-invalid=${error ? 'true' : 'false'}
            aria-describedby=${error ? `e-${index}-${field}` : nothing}
            ?disabled=${this.disabled}
            @change=${(event: Event) => this.onEdit(index, field, event)}
          />
          <span class="unit">${fieldUnit === '1' ? '' : fieldUnit}</span>
          ${error ? html`<span class="error" id="e-${index}-${field}" role="alert">${error.message}</span>` : nothing}
        </span>`;
      })}
      <button
        type="button"
        data-remove=${index}
        ?disabled=${this.disabled}
        @click=${() => this.removeIntervention(index)}
        aria-label="Remove ${spec?.label ?? item.kind} (${index + 1})"
      >
        Remove
      </button>
    </fieldset>`;
  }

  /** Adds an intervention of a kind with its defaults. */
  addIntervention(spec: InterventionSpec): void {
    this.change([...this.interventions, newIntervention(spec, this.duration)]);
  }

  /** Removes the intervention at `index`. */
  removeIntervention(index: number): void {
    this.change(this.interventions.filter((_, i) => i !== index));
  }

  private onEdit(index: number, field: string, event: Event): void {
    const item = this.interventions[index];
    const spec = this.spec(item.kind);
    if (!spec) return;
    const range = fieldRange(spec, item, field, this.duration, `${this.manifest!.timeUnit}s`);
    const key = `${index}.${field}`;
    const text = (event.target as HTMLInputElement).value;
    const check = checkNumber(text, range);
    let message = check.ok ? undefined : check.message;
    if (check.ok && field === 'stop' && check.value <= item.start) {
      message = `must be after start (${formatNumber(item.start)}); ${describeRange(range)}`;
    }
    if (check.ok && field === 'start' && item.stop !== undefined && check.value >= item.stop) {
      message = `must be before stop (${formatNumber(item.stop)}); ${describeRange(range)}`;
    }
    if (message !== undefined || !check.ok) {
      this.errors = { ...this.errors, [key]: { text, message: message! } };
      return;
    }
    this.change(this.interventions.map((it, i) => (i === index ? { ...it, [field]: check.value } : it)));
  }

  private onKey(index: number, event: KeyboardEvent): void {
    if (this.disabled) return;
    const steps: Record<string, number> = {
      ArrowLeft: -1,
      ArrowDown: -1,
      ArrowRight: 1,
      ArrowUp: 1,
      PageDown: -10,
      PageUp: 10,
    };
    if (event.key in steps) {
      event.preventDefault();
      this.moveBy(index, steps[event.key] * this.keyboardStep);
    } else if (event.key === 'Home' || event.key === 'End') {
      event.preventDefault();
      const item = this.interventions[index];
      this.moveBy(index, event.key === 'Home' ? -item.start : this.duration);
    } else if (event.key === 'Delete' || event.key === 'Backspace') {
      event.preventDefault();
      this.removeIntervention(index);
    }
  }

  private moveBy(index: number, delta: number): void {
    const moved = moveIntervention(this.interventions[index], delta, this.duration);
    if (moved.start === this.interventions[index].start) return;
    this.change(this.interventions.map((it, i) => (i === index ? moved : it)));
    void this.updateComplete.then(() =>
      this.renderRoot.querySelector<HTMLElement>(`.bar[data-index="${index}"]`)?.focus(),
    );
  }

  private onPointerDown(index: number, event: PointerEvent): void {
    if (this.disabled || event.button !== 0) return;
    const track = this.renderRoot.querySelector<HTMLElement>('.track');
    const width = track?.getBoundingClientRect().width ?? 0;
    if (width <= 0) return;
    (event.currentTarget as HTMLElement).setPointerCapture?.(event.pointerId);
    this.drag = { index, pointerId: event.pointerId, x: event.clientX, width, original: this.interventions[index] };
  }

  private dragged(event: PointerEvent): TimelineIntervention | undefined {
    const drag = this.drag;
    if (!drag || drag.pointerId !== event.pointerId) return undefined;
    const delta = ((event.clientX - drag.x) / drag.width) * this.duration;
    return moveIntervention(drag.original, delta, this.duration);
  }

  private onPointerMove(event: PointerEvent): void {
    const moved = this.dragged(event);
    if (!moved) return;
    // Live feedback while dragging; the list is announced once, on release.
    this.interventions = this.interventions.map((it, i) => (i === this.drag!.index ? moved : it));
  }

  private onPointerUp(event: PointerEvent): void {
    const moved = this.dragged(event);
    if (!moved) return;
    const { index, original } = this.drag!;
    this.drag = undefined;
    const next = this.interventions.map((it, i) => (i === index ? moved : it));
    if (moved.start === original.start) this.interventions = next;
    else this.change(next);
  }

  private onPointerCancel(): void {
    if (!this.drag) return;
    const { index, original } = this.drag;
    this.drag = undefined;
    this.interventions = this.interventions.map((it, i) => (i === index ? original : it));
  }

  private change(next: TimelineIntervention[]): void {
    this.interventions = next;
    this.dispatchEvent(
      widgetEvent<IInterventionsChangeDetail>('interventions-change', { interventions: next.map((i) => ({ ...i })) }),
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'twin-interventions': TwinInterventionsElement;
  }
}
