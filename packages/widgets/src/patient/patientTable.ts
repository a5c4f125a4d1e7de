import { timeConversionFactor, type PatientState } from '@immunotwin/engine';
import type { IPatientView } from '@immunotwin/worker';
import { html, type TemplateResult } from 'lit';
import { formatNumber } from '../numberRange.js';
import { dataRows } from './patientData.js';
import { dayReached } from './patientFigure.js';

/** What the table does with a file dragged over it and dropped. */
export interface IDropHandlers {
  dragOver(event: DragEvent): void;
  dragLeave(): void;
  drop(event: DragEvent): void;
}

/**
 * The patient's data table: time (in the data's unit), observable, value (`≤ v` at or below the detection limit) and
 * detection limit, the rows not assimilated yet dimmed ("held back"); a focusable region that takes a dropped
 * observations CSV.
 */
export function patientTable(
  state: PatientState,
  view: IPatientView | undefined,
  dragging: boolean,
  drop: IDropHandlers,
): TemplateResult {
  const rows = dataRows(state.data);
  const reached = view ? dayReached(state, view) : undefined;
  const unit = view?.model.timeUnit;
  return html`<div
    class="table ${dragging ? 'dragging' : ''}"
    data-role="table"
    tabindex="0"
    role="region"
    aria-label="Data: ${rows.length} measurements; drop an observations CSV here to replace them"
    title="Drop an observations CSV here (time, observable, value, detection limit)"
    @dragover=${drop.dragOver}
    @dragleave=${drop.dragLeave}
    @drop=${drop.drop}
  >
    <table>
      <thead>
        <tr>
          <th scope="col">time${rows[0]?.timeUnit ? ` (${rows[0].timeUnit})` : unit ? ` (${unit})` : ''}</th>
          <th scope="col" class="name">observable</th>
          <th scope="col">value</th>
          <th scope="col">detection limit</th>
        </tr>
      </thead>
      <tbody>
        ${rows.map((row) => {
          const factor = unit ? (timeConversionFactor(row.timeUnit ?? unit, unit) ?? 1) : 1;
          const held = reached === undefined || row.time * factor > reached + 1e-9;
          return html`<tr class=${held ? 'held' : ''} title=${held ? 'held back: not assimilated yet' : 'assimilated'}>
            <td>${formatNumber(row.time)}</td>
            <td class="name">${row.observable}</td>
            <td>
              ${
                row.censored
                  ? html`<span
                      title=${`below detection: at or below the limit (the value recorded, ${formatNumber(row.value)}, is not used)`}
                      >≤ ${formatNumber(row.detectionLimit ?? row.value)}</span
                    >`
                  : formatNumber(row.value)
              }
            </td>
            <td>${row.detectionLimit === undefined ? '' : formatNumber(row.detectionLimit)}</td>
          </tr>`;
        })}
      </tbody>
    </table>
  </div>`;
}
