import { html, nothing, type TemplateResult } from 'lit';

/** What a workbench is computing, as its progress bar shows it. */
export interface IWorkProgress {
  /** What is computing, as the bar's accessible name (e.g. "Run progress", "Pinned run 3 of 20"). */
  label: string;
  /** Fraction done, 0 to 1. */
  fraction: number;
  /** Further detail shown beside the percentage (e.g. "replicate 12 of 2000"), if any. */
  detail?: string;
  /** Stops the work; the Stop button is shown only while this is given. */
  stop?: () => void;
}

/**
 * A progress bar with its percentage, detail and, while work is under way, a Stop button (`data-action="stop"`):
 * the one way a workbench shows what it computes, the live run, a band and pinned runs alike.
 */
export function workProgress({ label, fraction, detail, stop }: IWorkProgress): TemplateResult {
  const percent = Math.round(Math.min(1, Math.max(0, fraction)) * 100);
  return html`<div
      class="progress"
      role="progressbar"
      aria-label=${label}
      aria-valuemin="0"
      aria-valuemax="100"
      aria-valuenow=${percent}
    >
      <div style="width: ${percent}%"></div>
    </div>
    <span class="muted" aria-hidden="true">${percent}%${detail ? ` · ${detail}` : ''}</span>
    ${
      stop
        ? html`<button type="button" data-action="stop" title="Stop what is computing" @click=${stop}>Stop</button>`
        : nothing
    }`;
}

/** "replicate r of n" (1-based) for work of several replicates; undefined for one. */
export function replicateDetail(replicate: number, replicates: number): string | undefined {
  return replicates > 1 ? `replicate ${Math.min(replicate + 1, replicates)} of ${replicates}` : undefined;
}
