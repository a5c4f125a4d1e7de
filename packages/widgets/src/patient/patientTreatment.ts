import type { IPatientIntervention } from '@immunotwin/worker';
import { html, type TemplateResult } from 'lit';

/**
 * "Treat from today": a select of the model's interventions (and "no treatment"). Choosing one asks for the forecast
 * with it started at the day reached, beside the forecast without it; `chosen` is the kind tried now.
 */
export function treatmentPicker(
  interventions: readonly IPatientIntervention[],
  chosen: string | undefined,
  disabled: boolean,
  choose: (kind: string | undefined) => void,
): TemplateResult {
  return html`<label
    title="Forecast the patient's course with a treatment started at the day reached, beside the course without it"
  >
    Treat from today
    <select
      data-action="treat"
      ?disabled=${disabled || interventions.length === 0}
      @change=${(e: Event) => choose((e.target as HTMLSelectElement).value || undefined)}
    >
      <option value="" ?selected=${chosen === undefined}>no treatment</option>
      ${interventions.map((i) => html`<option value=${i.kind} ?selected=${i.kind === chosen}>${i.label}</option>`)}
    </select>
  </label>`;
}
