import { html, nothing, type TemplateResult } from 'lit';

/**
 * The list of pinned runs by label (nothing when there are none); with `unpin`, each has a × button
 * (`data-unpin` = its index) that removes it.
 */
export function pinList(labels: readonly string[], unpin?: (index: number) => void): TemplateResult | typeof nothing {
  if (labels.length === 0) return nothing;
  return html`<div class="pins" aria-label="Pinned runs" role="list">
    ${labels.map(
      (label, i) =>
        html`<span class="pin" role="listitem"
          >${label}${
            unpin
              ? html`<button type="button" data-unpin=${i} aria-label="Unpin ${label}" @click=${() => unpin(i)}>
                  ×
                </button>`
              : nothing
          }</span
        >`,
    )}
  </div>`;
}
