import { runScenario, type ResolvedScenario, type RunOptions } from '@immunotwin/engine';
import { openAtomicFile } from './atomicWrite.js';
import type { CliIo } from './io.js';
import { csvStream, jsonStream, tableStream, type ResultStream, type Sink } from './resultStreams.js';
import { arrowWriter } from './tables/arrowWriter.js';
import { parquetWriter } from './tables/parquet.js';

/** Output formats, by file extension. */
export const FORMATS = { '.csv': 'csv', '.json': 'json', '.arrow': 'arrow', '.parquet': 'parquet' } as const;
/** An output format. */
export type Format = (typeof FORMATS)[keyof typeof FORMATS];

/** Where results go: a file written atomically (its path, and its name as the user wrote it), or stdout when undefined. */
export type Target = { readonly path: string; readonly file: string } | undefined;

function resultStream(format: Format, scenario: ResolvedScenario, write: Sink): ResultStream {
  switch (format) {
    case 'csv':
      return csvStream(scenario, write);
    case 'json':
      return jsonStream(scenario, write);
    case 'arrow':
      return tableStream(arrowWriter(write));
    case 'parquet':
      return tableStream(parquetWriter(write));
  }
}

/**
 * Runs the scenario and writes its results in `format` as each replicate finishes, keeping one run (plus, for
 * JSON, the ensemble aggregate) in memory: to a temporary file renamed over the target at the end (nothing is
 * written if anything fails), or to stdout.
 */
export async function writeResults(
  scenario: ResolvedScenario,
  format: Format,
  target: Target,
  io: CliIo,
  options: RunOptions,
): Promise<{ replicates: number; samples: number }> {
  const sink = target ? await openAtomicFile(target.path, target.file) : undefined;
  // Without a file the format is CSV (text): only files get the binary formats.
  const write: Sink = async (chunk) => (sink ? sink.write(chunk) : void io.stdout.write(chunk as string));
  const stream = resultStream(format, scenario, write);
  let samples = 0;
  try {
    await stream.begin();
    await runScenario(scenario, {
      ...options,
      discardRuns: true,
      onRunResult: (run) => {
        samples = run.time.length;
        return stream.add(run);
      },
    });
    await stream.end();
    await sink?.commit();
  } catch (error) {
    await sink?.discard();
    throw error;
  }
  return { replicates: scenario.replicates, samples };
}
