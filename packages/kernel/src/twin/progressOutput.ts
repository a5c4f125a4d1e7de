import type { MimeBundle } from '../mime.js';

/** Shows an output now and replaces it later (a display with an id, then update_display_data). */
export interface UpdatableOutput {
  /** Shows `bundle` under `id`. */
  show(bundle: MimeBundle, id: string): void;
  /** Replaces what is shown under `id`. */
  update(bundle: MimeBundle, id: string): void;
}

/** Least time between two updates of a progress output (ms): a few a second, never a flood of messages. */
export const PROGRESS_INTERVAL_MS = 250;
const BAR_WIDTH = 24;

let outputs = 0;

/**
 * Metadata key marking a progress output: its text holds wall-clock seconds, which differ from run to run and host
 * to host while the results do not (tools comparing two runs' outputs set those seconds aside).
 */
export const PROGRESS_METADATA_KEY = 'immunotwin/progress';

/** The text of a progress line: `sweep ██████░░░░ 42% · 840 of 2000 runs · 3 s` (`unit`: what is counted). */
export function progressLine(what: string, done: number, total: number, seconds: number, unit = 'runs'): string {
  const fraction = total === 0 ? 1 : done / total;
  const filled = Math.round(fraction * BAR_WIDTH);
  const bar = '█'.repeat(filled) + '░'.repeat(BAR_WIDTH - filled);
  return `${what} ${bar} ${Math.floor(fraction * 100)}% · ${done} of ${total} ${unit} · ${Math.round(seconds)} s`;
}

/**
 * A progress line in the cell's output, updated in place as work goes on (throttled), and left saying how it
 * ended: done in how long, or stopped where.
 */
export class ProgressOutput {
  private readonly id = `immunotwin-progress-${++outputs}`;
  private readonly started = Date.now();
  private last = 0;
  private shown = false;

  constructor(
    private readonly output: UpdatableOutput | undefined,
    private readonly what: string,
  ) {}

  /** Reports `done` of `total` `unit` (default runs; shown at most every {@link PROGRESS_INTERVAL_MS}). */
  update(done: number, total: number, unit?: string): void {
    const now = Date.now();
    if (this.shown && now - this.last < PROGRESS_INTERVAL_MS && done < total) return;
    this.last = now;
    this.put(progressLine(this.what, done, total, (now - this.started) / 1000, unit));
  }

  /** Seconds since the output was made. */
  get seconds(): number {
    return (Date.now() - this.started) / 1000;
  }

  /** Leaves `text` as the last line (how a piece of work other than runs ended). */
  end(text: string): void {
    this.put(text);
  }

  /** Leaves a last line: how many runs in how long, or where it stopped. */
  finish(done: number, total: number, stopped = false): void {
    const seconds = ((Date.now() - this.started) / 1000).toFixed(1);
    this.put(
      stopped
        ? `${this.what} stopped after ${done} of ${total} runs (${seconds} s)`
        : `${this.what}: ${total} runs in ${seconds} s`,
    );
  }

  private put(text: string): void {
    if (!this.output) return;
    const bundle = { data: { 'text/plain': text }, metadata: { [PROGRESS_METADATA_KEY]: true } };
    if (this.shown) this.output.update(bundle, this.id);
    else this.output.show(bundle, this.id);
    this.shown = true;
  }
}
