import type { FitResult, PatientState } from '@immunotwin/engine';
import type { IPatientView } from '@immunotwin/worker';
import { html, nothing, type TemplateResult } from 'lit';
import { short } from './patientData.js';

/**
 * The fit's estimates with their profile intervals, −log L and AICc (or what to do to get them), and the assimilated
 * parameters' medians and 90 % intervals.
 */
export function patientEstimates(
  state: PatientState,
  result: FitResult | undefined,
  view: IPatientView | undefined,
): TemplateResult {
  const posterior = view ? Object.entries(view.posterior) : [];
  return html`<div class="estimates" data-role="estimates" tabindex="0" role="region" aria-label="Estimates">
    ${
      result
        ? html`<table>
              <thead>
                <tr>
                  <th scope="col" class="name">parameter</th>
                  <th scope="col">estimate</th>
                  <th scope="col">${Math.round(result.level * 100)} % interval</th>
                </tr>
              </thead>
              <tbody>
                ${result.parameters.map(
                  (p) =>
                    html`<tr>
                      <td class="name">${p.id}</td>
                      <td>${short(p.estimate)}</td>
                      <td>${p.profile ? `${short(p.profile.lower)} – ${short(p.profile.upper)}` : ''}</td>
                    </tr>`,
                )}
              </tbody>
            </table>
            <div class="muted">
              −log L = ${short(result.negLogLikelihood)} · AICc = ${result.aicc === null ? 'n/a' : short(result.aicc)}
            </div>`
        : html`<div class="muted">
            ${state.fitted ? "The scenario holds a fit's estimates; Fit again for the intervals and profiles." : 'Fit to see the estimates, their intervals and profiles.'}
          </div>`
    }
    ${
      posterior.length > 0
        ? html`<div class="muted">
            ${state.assimilate.day ? 'Assimilated' : 'Prior'} (median, 90 %):
            ${posterior.map(([id, p]) => `${id} ${short(p.median)} [${short(p.lower)}, ${short(p.upper)}]`).join('; ')}
          </div>`
        : nothing
    }
  </div>`;
}
