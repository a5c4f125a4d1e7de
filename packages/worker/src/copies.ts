import type { EnsembleSummary, RunResult } from '@immunotwin/engine';
import type { ISessionResult } from './types.js';

const copyColumns = (columns: Readonly<Record<string, Float64Array>>): Record<string, Float64Array> =>
  Object.fromEntries(Object.entries(columns).map(([id, values]) => [id, values.slice()]));

/** A copy of a replicate's result with fresh arrays (so their buffers can be transferred). */
export function copyRunResult(run: RunResult): RunResult {
  return {
    time: run.time.slice(),
    observables: copyColumns(run.observables),
    metadata: structuredClone(run.metadata),
    work: run.work,
  };
}

/** A copy of an ensemble summary with fresh arrays. */
export function copySummary(summary: EnsembleSummary): EnsembleSummary {
  return {
    quantiles: [...summary.quantiles],
    observables: Object.fromEntries(
      Object.entries(summary.observables).map(([id, s]) => [
        id,
        { mean: s.mean.slice(), median: s.median.slice(), bands: s.bands.map((b) => b.slice()) },
      ]),
    ),
  };
}

/** A copy of a session result with fresh arrays throughout. */
export function copySessionResult(result: ISessionResult): ISessionResult {
  return {
    scenario: structuredClone(result.scenario),
    runs: result.runs.map(copyRunResult),
    summary: result.summary && copySummary(result.summary),
  };
}
