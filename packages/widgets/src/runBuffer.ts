import type { RunFrame } from '@immunotwin/engine';

/** One replicate's samples so far: times and one column per observable (plain arrays, as plotly takes). */
export interface IReplicateSeries {
  /** Sample times. */
  readonly time: number[];
  /** Observable id → values. */
  readonly observables: Record<string, number[]>;
}

/** A run's trajectories as plotted: a series per replicate. Plain data (finished runs or a live buffer). */
export interface IRunSeries {
  /** Replicates in order (sparse while a run streams: only those started). */
  readonly replicates: readonly IReplicateSeries[];
}

/**
 * Collects the frames of a streaming run (one replicate after the other, each frame carrying the samples
 * since the previous one) into per-replicate series, and remembers how many samples of each series a
 * consumer has taken, so it can hand over only what is new.
 */
export class RunBuffer implements IRunSeries {
  /** The series per replicate. */
  readonly replicates: IReplicateSeries[] = [];

  /**
   * Adds a frame's samples to its replicate's series. A frame that starts before the series' end (a
   * continued run resending samples) overwrites from its start. Returns true when it started a new
   * replicate or overwrote samples (a consumer must redraw rather than append).
   */
  append(frame: RunFrame & { readonly replicate: number }): boolean {
    let series = this.replicates[frame.replicate];
    const created = series === undefined || frame.start < series.time.length;
    if (!series) {
      series = { time: [], observables: Object.fromEntries(Object.keys(frame.observables).map((id) => [id, []])) };
      this.replicates[frame.replicate] = series;
    }
    series.time.length = Math.min(series.time.length, frame.start);
    for (const t of frame.time) series.time.push(t);
    for (const [id, values] of Object.entries(frame.observables)) {
      const column = (series.observables[id] ??= []);
      column.length = Math.min(column.length, frame.start);
      for (const v of values) column.push(v);
    }
    return created;
  }

  /** Number of samples recorded for a replicate. */
  length(replicate: number): number {
    return this.replicates[replicate]?.time.length ?? 0;
  }
}

/** A series from finished runs (typed arrays) to the plain-array form the plot uses. */
export function seriesFromRuns(
  runs: readonly { time: ArrayLike<number>; observables: Readonly<Record<string, ArrayLike<number>>> }[],
): IRunSeries {
  return {
    replicates: runs.map((run) => ({
      time: Array.from(run.time),
      observables: Object.fromEntries(Object.entries(run.observables).map(([id, v]) => [id, Array.from(v)])),
    })),
  };
}
