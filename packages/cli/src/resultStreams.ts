import {
  csvHeader,
  EnsembleAggregate,
  runCsvRows,
  runToJson,
  scenarioToJson,
  summaryToJson,
  type ResolvedScenario,
  type RunResult,
} from '@immunotwin/engine';
import { resultsTable } from './tables/resultsTable.js';
import type { TableWriter } from './tables/tableWriter.js';

/** Where an encoder's bytes go, awaited so a slow disk holds the run back. */
export type Sink = (chunk: string | Uint8Array) => Promise<void>;

/**
 * A results file written as runs finish: `begin` before the first run, `add` for each run in order (the run is
 * not kept), `end` after the last. Only the aggregates a format needs stay in memory.
 */
export interface ResultStream {
  /** Writes what comes before the runs. */
  begin(): Promise<void>;
  /** Writes one run. */
  add(run: RunResult): Promise<void>;
  /** Writes what comes after the runs and flushes. */
  end(): Promise<void>;
}

/** CSV: a header, then each run's rows (the text `resultsToCsv` makes for the whole result). */
export function csvStream(scenario: ResolvedScenario, write: Sink): ResultStream {
  const { manifest } = scenario.plugin;
  const withReplicate = scenario.replicates > 1;
  return {
    begin: () => write(csvHeader(manifest, withReplicate)),
    add: (run) => write(runCsvRows(manifest, run, withReplicate)),
    end: async () => undefined,
  };
}

/**
 * JSON in the results schema: the scenario, each run, and (several runs) the ensemble summary from a streaming
 * `EnsembleAggregate`, whose memory does not grow with the runs. Its median and bands are exact up to the
 * sketch's capacity (200 runs); beyond it the summary records `rankErrorBound`. Means are Welford's (equal to
 * `resultsToJson`'s to rounding).
 */
export function jsonStream(scenario: ResolvedScenario, write: Sink): ResultStream {
  const aggregate = scenario.replicates > 1 ? new EnsembleAggregate({ quantiles: scenario.quantiles }) : undefined;
  let written = 0;
  return {
    begin: () => write(`{"scenario":${JSON.stringify(scenarioToJson(scenario))},"runs":[`),
    add: (run) => {
      aggregate?.add(run);
      return write(`${written++ === 0 ? '' : ','}${JSON.stringify(runToJson(run))}`);
    },
    end: () => {
      const summary =
        aggregate && aggregate.count > 0
          ? `,"summary":${JSON.stringify(summaryToJson(aggregate.ensembleSummary(), aggregate.rankErrorBound()))}`
          : '';
      return write(`]${summary}}\n`);
    },
  };
}

/**
 * A table file (Arrow IPC or Parquet, by `writer`): one record batch per run, in the CSV's long form (see
 * `resultsTable`), written as it finishes.
 */
export function tableStream(writer: TableWriter): ResultStream {
  return {
    begin: async () => undefined,
    add: (run) => writer.write(resultsTable([run])),
    end: () => writer.finish(),
  };
}
