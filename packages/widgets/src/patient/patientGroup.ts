import { html, nothing, type TemplateResult } from 'lit';
import type { ILoadedFile } from './patientData.js';

/**
 * "Group": a select of the groups (arms, subjects) of the file read last, shown only when it holds more than one.
 * Choosing one replaces the data by that group's measurements; `chosen` is the group shown now.
 */
export function groupPicker(
  file: ILoadedFile | undefined,
  chosen: string | undefined,
  disabled: boolean,
  choose: (group: string) => void,
): TemplateResult | typeof nothing {
  if (!file || file.groups.length < 2) return nothing;
  return html`<label title="Which of ${file.fileName}'s groups (arms, subjects) is the patient's data">
    Group
    <select
      data-action="group"
      ?disabled=${disabled}
      @change=${(e: Event) => choose((e.target as HTMLSelectElement).value)}
    >
      ${file.groups.map((g) => html`<option value=${g} ?selected=${g === chosen}>${g}</option>`)}
    </select>
  </label>`;
}
