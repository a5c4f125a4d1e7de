import type { RunProgress } from '@immunotwin/engine';
import { html, nothing, type TemplateResult } from 'lit';
import { formatNumber } from './numberRange.js';

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
  // Tenths of a percent below 10 %, so that the start of a long computation shows it moving.
  const exact = Math.min(1, Math.max(0, fraction)) * 100;
  const percent = exact < 10 ? Math.round(exact * 10) / 10 : Math.round(exact);
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

/**
 * Where a run is, for the progress bar's detail: "replicate 12 of 2000 · day 3.5" (the replicate only when there are
 * several; the model time of the replicate under way, in `timeUnit`), so that a long run visibly moves on even while
 * its percentage does not.
 */
export function runDetail({ replicate, replicates, time }: RunProgress, timeUnit: string): string {
  const parts = replicates > 1 ? [`replicate ${Math.min(replicate + 1, replicates)} of ${replicates}`] : [];
  parts.push(`${timeUnit} ${formatNumber(Number(time.toFixed(1)))}`);
  return parts.join(' · ');
}
