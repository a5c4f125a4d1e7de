import { shownObservables, type ModelManifest } from '@immunotwin/engine';
import { html, type TemplateResult } from 'lit';

/** Models with at most this many observables show their checkboxes in the toolbar; more go in a list. */
const INLINE_OBSERVABLES = 8;

/**
 * One checkbox per observable: in the toolbar for a few, or, for a model with many (the immune twin has
 * 40), in a collapsed list whose summary names what is shown, so the toolbar stays one line. `toggle` gets the
 * observable clicked.
 */
export function observablePicker(
  manifest: ModelManifest,
  shown: readonly string[],
  toggle: (id: string) => void,
): TemplateResult {
  const boxes = html`<fieldset>
    <legend class="visually-hidden">Observables shown</legend>
    ${manifest.observables.map(
      (o) =>
        html`<label title=${o.description ?? o.label}
          ><input
            type="checkbox"
            data-observable=${o.id}
            .checked=${shown.includes(o.id)}
            @change=${() => toggle(o.id)}
          />
          ${o.id}</label
        >`,
    )}
  </fieldset>`;
  if (manifest.observables.length <= INLINE_OBSERVABLES) return boxes;
  return html`<details class="observables">
    <summary>Shown: ${shown.length === manifest.observables.length ? 'all' : shown.join(', ') || 'none'}</summary>
    ${boxes}
  </details>`;
}

/**
 * The observables a state names after `id` is toggled: the list in the manifest's order, or undefined when it is
 * the model's default set (no choice: the state then names none, as before any toggle).
 */
export function toggledObservables(
  manifest: ModelManifest,
  current: readonly string[] | undefined,
  id: string,
): string[] | undefined {
  const shown = new Set(shownObservables(manifest, current));
  if (shown.has(id)) shown.delete(id);
  else shown.add(id);
  const list = manifest.observables.map((o) => o.id).filter((o) => shown.has(o));
  const byDefault = shownObservables(manifest);
  const isDefault = list.length === byDefault.length && byDefault.every((o) => shown.has(o));
  return isDefault ? undefined : list;
}
