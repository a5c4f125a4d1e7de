import {
  csvHeader,
  resultsToCsv,
  resultsToJson,
  runCsvRows,
  runScenario,
  type ResolvedScenario,
  type RunOptions,
  type ScenarioResult,
} from '@immunotwin/engine';
import { openAtomicFile, writeFileAtomic } from './atomicWrite.js';
import type { CliIo } from './io.js';
import { parquetBytes } from './tables/parquet.js';
import { arrowFileBytes, resultsTable } from './tables/resultsTable.js';

/** Output formats, by file extension. */
export const FORMATS = { '.csv': 'csv', '.json': 'json', '.arrow': 'arrow', '.parquet': 'parquet' } as const;
/** An output format. */
export type Format = (typeof FORMATS)[keyof typeof FORMATS];

/** The results in an output format: text for CSV and JSON, bytes for Arrow and Parquet. */
export function encodeResults(result: ScenarioResult, format: Format): string | Uint8Array {
  switch (format) {
    case 'csv':
      return resultsToCsv(result);
    case 'json':
      return `${JSON.stringify(resultsToJson(result))}\n`;
    case 'arrow':
      return arrowFileBytes(resultsTable(result));
    case 'parquet':
      return parquetBytes(resultsTable(result));
  }
}

/** Where results go: a file written atomically (its path, and its name as the user wrote it), or stdout when undefined. */
export type Target = { readonly path: string; readonly file: string } | undefined;

/**
 * Runs the scenario and writes its CSV as each replicate finishes, keeping one run in memory: to a temporary file
 * renamed over the target at the end (nothing is written if anything fails), or to stdout.
 */
export async function streamCsv(
  scenario: ResolvedScenario,
  target: Target,
  io: CliIo,
  options: RunOptions,
): Promise<{ replicates: number; samples: number }> {
  const { manifest } = scenario.plugin;
  const withReplicate = scenario.replicates > 1;
  const sink = target ? await openAtomicFile(target.path, target.file) : undefined;
  const write = async (text: string): Promise<void> => (sink ? sink.write(text) : void io.stdout.write(text));
  let samples = 0;
  try {
    await write(csvHeader(manifest, withReplicate));
    await runScenario(scenario, {
      ...options,
      discardRuns: true,
      onRunResult: (run) => {
        samples = run.time.length;
        return write(runCsvRows(manifest, run, withReplicate));
      },
    });
    await sink?.commit();
  } catch (error) {
    await sink?.discard();
    throw error;
  }
  return { replicates: scenario.replicates, samples };
}

/** Runs the scenario keeping every run (JSON, Arrow and Parquet need them all), then writes the file. */
export async function writeWhole(
  scenario: ResolvedScenario,
  format: Format,
  target: Target,
  io: CliIo,
  options: RunOptions,
): Promise<{ replicates: number; samples: number }> {
  const result = await runScenario(scenario, options);
  const data = encodeResults(result, format);
  if (target) await writeFileAtomic(target.path, data, target.file);
  else io.stdout.write(data as string);
  return { replicates: result.runs.length, samples: result.runs[0]?.time.length ?? 0 };
}
