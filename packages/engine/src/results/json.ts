import { scenarioToJson, type ScenarioResult } from '../run/index.js';
import type { ResultsJson } from '../schema/index.js';

/** Plain-JSON form of a result (schema/results.schema.json): the explicit scenario, each run, and the summary. */
export function resultsToJson(result: ScenarioResult): ResultsJson {
  const json: ResultsJson = {
    scenario: scenarioToJson(result.scenario),
    runs: result.runs.map((run) => ({
      metadata: run.metadata,
      time: Array.from(run.time),
      observables: Object.fromEntries(Object.entries(run.observables).map(([id, v]) => [id, Array.from(v)])),
    })),
  };
  if (result.summary) {
    json.summary = {
      quantiles: [...result.summary.quantiles],
      observables: Object.fromEntries(
        Object.entries(result.summary.observables).map(([id, s]) => [
          id,
          { mean: Array.from(s.mean), median: Array.from(s.median), bands: s.bands.map((b) => Array.from(b)) },
        ]),
      ),
    };
  }
  return json;
}
