import type { EnsembleSummary } from '../run/ensembleSummary.js';
import type { RunResult } from '../run/replicateRun.js';
import { scenarioToJson, type ScenarioResult } from '../run/index.js';
import type { EnsembleSummaryJson, ResultsJson, RunResultJson } from '../schema/index.js';

/** Plain-JSON form of one run (an item of the results schema's `runs`). */
export function runToJson(run: RunResult): RunResultJson {
  return {
    metadata: run.metadata,
    time: Array.from(run.time),
    observables: Object.fromEntries(Object.entries(run.observables).map(([id, v]) => [id, Array.from(v)])),
  };
}

/**
 * Plain-JSON form of an ensemble summary (the results schema's `summary`); `rankErrorBound` (in runs) is
 * recorded when the bands come from a sketch that is no longer exact (see `EnsembleAggregate`).
 */
export function summaryToJson(summary: EnsembleSummary, rankErrorBound = 0): EnsembleSummaryJson {
  const json: EnsembleSummaryJson = {
    quantiles: [...summary.quantiles],
    observables: Object.fromEntries(
      Object.entries(summary.observables).map(([id, s]) => [
        id,
        { mean: Array.from(s.mean), median: Array.from(s.median), bands: s.bands.map((b) => Array.from(b)) },
      ]),
    ),
  };
  if (rankErrorBound > 0) json.rankErrorBound = rankErrorBound;
  return json;
}

/** Plain-JSON form of a result (schema/results.schema.json): the explicit scenario, each run, and the summary. */
export function resultsToJson(result: ScenarioResult): ResultsJson {
  const json: ResultsJson = { scenario: scenarioToJson(result.scenario), runs: result.runs.map(runToJson) };
  if (result.summary) json.summary = summaryToJson(result.summary);
  return json;
}
