import { resultsToCsv, type ScenarioResult } from '@immunotwin/engine';
import { rowsToHtml, rowsToText, type MimeBundle } from '../mime.js';
import { TwinPlot, type PlotOptions } from './plot.js';
import { describeResult, representative } from './summary.js';

/** Options of `result.table()`. */
export interface TableOptions {
  /** Most rows shown (default 25): samples are thinned evenly, keeping the first and the last. */
  rows?: number;
}

/** A table as a cell output: text/html and text/plain. */
export class TwinTable {
  constructor(
    /** The rows shown. */
    readonly rows: Record<string, number>[],
  ) {}

  /** The table as HTML and as text. */
  toMimeBundle(): MimeBundle {
    return { data: { 'text/html': rowsToHtml(this.rows), 'text/plain': rowsToText(this.rows) }, metadata: {} };
  }
}

/**
 * What `await twin.run()` gives: every replicate of the run (`runs`, `summary` as the engine returns them),
 * shown in a cell as a plot with a text summary.
 */
export class TwinResult {
  constructor(
    /** The engine's result. */
    readonly result: ScenarioResult,
  ) {}

  /** The runs: sample times and observable columns per replicate. */
  get runs(): ScenarioResult['runs'] {
    return this.result.runs;
  }

  /** Median and quantile bands of an ensemble (undefined for one replicate). */
  get summary(): ScenarioResult['summary'] {
    return this.result.summary;
  }

  /** The plot of every observable (`twin.plot(result, options)` chooses observables and a log axis). */
  plot(options: PlotOptions = {}): TwinPlot {
    return new TwinPlot(this.result, options);
  }

  /** Sample times and observables (the median for an ensemble) as a table of at most `rows` rows. */
  table(options: TableOptions = {}): TwinTable {
    const limit = Math.max(2, Math.floor(options.rows ?? 25));
    const time = this.result.runs[0].time;
    const ids = this.result.scenario.plugin.manifest.observables.map((o) => o.id);
    const columns = ids.map((id) => representative(this.result, id));
    const step = Math.max(1, Math.ceil((time.length - 1) / (limit - 1)));
    const rows: Record<string, number>[] = [];
    for (let k = 0; k < time.length; k += step) rows.push(row(k));
    if ((time.length - 1) % step !== 0) rows.push(row(time.length - 1));
    return new TwinTable(rows);

    function row(k: number): Record<string, number> {
      const out: Record<string, number> = { time: time[k] };
      ids.forEach((id, i) => (out[id] = columns[i][k]));
      return out;
    }
  }

  /** Every sample of every replicate as CSV (the engine's `resultsToCsv`). */
  csv(): string {
    return resultsToCsv(this.result);
  }

  /** The peaks of each observable, as text. */
  toString(): string {
    return describeResult(this.result);
  }

  /** The plot and its text summary. */
  toMimeBundle(): MimeBundle {
    return this.plot().toMimeBundle();
  }
}
