import { PicturePace, TISSUE_MIME_TYPE, type TissueFrameJson, type TissueJson } from '@immunotwin/engine';
import type { UpdatableOutput } from './progressOutput.js';

/** Least time between two live pictures (ms). */
export const LIVE_TISSUE_INTERVAL_MS = 1000;

let outputs = 0;

/**
 * The tissue of a run under way, shown in the running cell and replaced as the run goes on: a tissue bundle of
 * one picture (the latest) whose `live` says how far the run is. Nothing for a run shorter than the interval
 * ({@link LIVE_TISSUE_INTERVAL_MS}); then at most one picture per interval, and never more than a tenth of the
 * wall time spent picturing, so a 3000² section (half a second to picture) slows its run by at most ~10 %. When
 * the run ends the display becomes a line of text: the finished view is the cell's result.
 */
export class LiveTissue {
  private readonly id = `immunotwin-live-tissue-${++outputs}`;
  private readonly started = Date.now();
  /** At most one picture per interval, and at most a tenth of the wall time spent picturing. */
  private readonly pace: PicturePace;
  private pictures = 0;
  private shown = false;

  /**
   * @param output where the pictures go (none: nothing is pictured)
   * @param interval least time between two pictures, and before the first (ms)
   */
  constructor(
    private readonly output: UpdatableOutput | undefined,
    private readonly interval = LIVE_TISSUE_INTERVAL_MS,
  ) {
    this.pace = new PicturePace(interval, 0.1, this.started);
  }

  /** Whether a live picture is due now (always false with nowhere to show it). */
  due(): boolean {
    return this.output !== undefined && this.pace.due();
  }

  /**
   * Shows a picture as the latest of the run, `fraction` of the way through.
   * @param make makes the picture and the bundle's header (called only here, so that its cost counts)
   */
  show(make: () => { header: TissueJson; frame: TissueFrameJson }, fraction: number): void {
    if (!this.output || Date.now() - this.started < this.interval) return;
    // Making and sending the picture both count as its cost.
    this.pace.take(() => {
      const { header, frame: picture } = make();
      this.pictures++;
      const live = { fraction: Math.min(1, Math.max(0, fraction)), pictures: this.pictures };
      const json: TissueJson = { ...header, live, frames: [picture] };
      const text = `Tissue of ${header.title} at ${header.timeUnit} ${picture.time}: ${Math.floor(live.fraction * 100)}% of the run`;
      this.put({ [TISSUE_MIME_TYPE]: json, 'text/plain': text });
    });
  }

  /** Replaces the live picture (if any was shown) with a line saying how the run ended. */
  finish(stopped: boolean): void {
    if (this.pictures === 0) return;
    const seconds = ((Date.now() - this.started) / 1000).toFixed(1);
    const text = stopped
      ? `tissue: stopped after ${seconds} s (${this.pictures} live pictures)`
      : `tissue: run pictured in ${seconds} s (${this.pictures} live pictures while it ran)`;
    this.put({ 'text/plain': text });
  }

  private put(data: Record<string, unknown>): void {
    const bundle = { data, metadata: {} };
    if (this.shown) this.output!.update(bundle, this.id);
    else this.output!.show(bundle, this.id);
    this.shown = true;
  }
}
