import type { RunProgress } from '@immunotwin/engine';
import type { OutputStream } from './io.js';

/** How progress is shown: one line updated in place (a terminal), periodic lines (a log), or not at all. */
export type ProgressMode = 'tty' | 'lines' | 'off';

/** Options of a progress reporter of progress values `P`. */
export interface ProgressOptions<P> {
  /** How to show progress. */
  readonly mode: ProgressMode;
  /** The text of a progress value (e.g. `progressText` of a run, `sweepProgressText` of a sweep). */
  readonly describe: (progress: P) => string;
  /** Clock in milliseconds (injectable for tests). */
  readonly now?: () => number;
  /** Least time between two updates in place (default 100 ms). */
  readonly ttyIntervalMs?: number;
  /** Least time between two printed lines when not on a terminal (default 2000 ms). */
  readonly lineIntervalMs?: number;
}

/** Short human form of a simulated time: 4 significant digits, no trailing zeros. */
export function formatSimTime(t: number): string {
  return String(Number(t.toPrecision(4)));
}

/** The progress text, e.g. `run: 42% (replicate 3/10, t = 12.5 day)`. */
export function progressText(p: RunProgress, timeUnit: string): string {
  const percent = Math.floor(Math.min(1, Math.max(0, p.fraction)) * 100);
  return `run: ${percent}% (replicate ${p.replicate + 1}/${p.replicates}, t = ${formatSimTime(p.time)} ${timeUnit})`;
}

/** The progress text of a sweep, e.g. `sweep: 42% (840/2000 runs)`. */
export function sweepProgressText(p: { readonly done: number; readonly total: number }): string {
  const percent = p.total === 0 ? 100 : Math.floor((p.done / p.total) * 100);
  return `sweep: ${percent}% (${p.done}/${p.total} runs)`;
}

/**
 * Shows progress (of a run, a sweep) on stderr. On a terminal it rewrites one line in place; otherwise (a pipe or a log
 * file) it prints a line at most every couple of seconds, so logs stay short.
 */
export class ProgressReporter<P = RunProgress> {
  private readonly now: () => number;
  private last = -Infinity;
  private shown = false;

  constructor(
    private readonly stream: OutputStream,
    private readonly options: ProgressOptions<P>,
  ) {
    this.now = options.now ?? (() => performance.now());
    if (options.mode === 'lines') this.last = this.now();
  }

  /** Reports progress (call as often as you like; output is throttled). */
  update(progress: P): void {
    const { mode } = this.options;
    if (mode === 'off') return;
    const t = this.now();
    const interval = mode === 'tty' ? (this.options.ttyIntervalMs ?? 100) : (this.options.lineIntervalMs ?? 2000);
    if (t - this.last < interval) return;
    this.last = t;
    const text = this.options.describe(progress);
    if (mode === 'tty') {
      this.stream.write(`\r\x1b[2K${text}`);
      this.shown = true;
    } else this.stream.write(`${text}\n`);
  }

  /** Clears the line in place (on a terminal) so that what follows starts on a clean line. */
  clear(): void {
    if (this.shown) this.stream.write('\r\x1b[2K');
    this.shown = false;
  }
}
