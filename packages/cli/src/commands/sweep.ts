import { extname } from 'node:path';
import {
  designPoints,
  designReplicates,
  designScenario,
  ENGINE_VERSION,
  parseDesign,
  peakOutcomes,
  type DesignRun,
} from '@immunotwin/engine';
import { createNodePool } from '@immunotwin/worker/node';
import { flag, stringOption } from '../args.js';
import { checkWritable, writeFileAtomic } from '../atomicWrite.js';
import type { Command } from '../command.js';
import { aboutFile, ExitCode, UsageError } from '../errors.js';
import { PLUGIN_OPTION } from '../plugins.js';
import { readJsonFile } from '../readJson.js';
import { tableBytes, TABLE_EXTENSIONS } from '../tables/tableFile.js';
import { ProgressReporter, sweepProgressText } from '../progress.js';
import { sweepTable, type SweepRun } from '../tables/sweepTable.js';
import { WORKERS_OPTION, workerCount } from '../workers.js';

/** A shard `i/n`: 0-based i (as SLURM_ARRAY_TASK_ID counts) of n. */
export function parseShard(text: string | undefined): { index: number; count: number } {
  if (text === undefined) return { index: 0, count: 1 };
  const match = /^(\d+)\/(\d+)$/.exec(text);
  const index = match ? Number(match[1]) : NaN;
  const count = match ? Number(match[2]) : NaN;
  if (!match || count < 1 || index >= count) {
    throw new UsageError(`option --shard: "${text}" is not a shard; allowed: i/n with 0 ≤ i < n, e.g. 0/4`);
  }
  return { index, count };
}

/** The runs of shard i of n: a contiguous block of the design's run indices. */
export function shardRange(total: number, shard: { index: number; count: number }): [number, number] {
  return [Math.floor((shard.index * total) / shard.count), Math.floor(((shard.index + 1) * total) / shard.count)];
}

/** `immunotwin sweep`: runs a design's parameter sets (or one shard of them) and writes their outcomes. */
export const sweepCommand: Command = {
  name: 'sweep',
  summary:
    "run a design's parameter sets (a sweep, a sensitivity design, a virtual cohort) and write each run's outcomes",
  usage:
    'sweep <design.json> --out <results.parquet|.arrow|.csv> [--shard i/n] [--workers n] [--plugin <…>]… [--quiet]',
  description: [
    'Reads a design (schema/design.schema.json), makes its parameter sets, runs each (every replicate of the',
    "design's scenario) on a pool of worker threads and writes one row per run and replicate: run, replicate, the",
    "varied parameters and the outcomes the design names (the engine's OUTCOMES; default: the peak of every",
    'observable). --shard i/n runs the i-th of n contiguous blocks of runs (0-based, as SLURM_ARRAY_TASK_ID);',
    "`immunotwin merge` joins the parts into the table one machine would have written, to the bit. Every run's",
    "random streams come from the scenario's seed and its replicate, so a run's numbers do not depend on the",
    'shard, the number of workers or the machine.',
  ].join('\n'),
  options: [
    { name: 'out', short: 'o', value: 'file', description: 'the results table: .parquet, .arrow or .csv (required)' },
    { name: 'shard', value: 'i/n', description: 'run only the i-th of n blocks of runs (0 ≤ i < n)' },
    WORKERS_OPTION,
    PLUGIN_OPTION,
    { name: 'quiet', short: 'q', description: 'print no progress or summary on stderr' },
  ],
  positionals: { min: 1, max: 1, name: 'design file' },

  async run(args, context) {
    const { io } = context;
    const file = args.positionals[0]!;
    const out = stringOption(args, 'out');
    if (out === undefined) throw new UsageError('sweep needs --out <results.parquet|.arrow|.csv>');
    if (!TABLE_EXTENSIONS.includes(extname(out).toLowerCase())) {
      throw new UsageError(`option --out: cannot tell the format of "${out}"; allowed: ${TABLE_EXTENSIONS.join(', ')}`);
    }
    const shard = parseShard(stringOption(args, 'shard'));
    const workers = workerCount(args);
    const outPath = context.resolvePath(out);
    await checkWritable(outPath, out);
    const plugins = await context.registerPlugins(args);
    const design = await aboutFile(file, async () => parseDesign(await readJsonFile(context.resolvePath(file), file)));
    const registry = context.registry();
    // The base scenario and the design's values are checked here (designPoints checks each against the model's
    // range), so a bad value is reported against the file before any worker starts.
    const { manifest } = (await aboutFile(file, () => registry.resolve(design.scenario))).plugin;
    const points: DesignRun[] = await aboutFile(file, () => designPoints(design, manifest));
    const outcomes = design.outcomes ?? peakOutcomes(manifest);
    const [start, end] = shardRange(points.length, shard);
    const replicates = designReplicates(design);
    const tasks = points.slice(start, end).map((run) => ({ scenario: designScenario(design, run), replicates }));
    const quiet = flag(args, 'quiet');
    const progress = new ProgressReporter(io.stderr, {
      mode: quiet ? 'off' : io.stderr.isTTY ? 'tty' : 'lines',
      describe: sweepProgressText,
    });
    const pool = createNodePool({ plugins, size: Math.min(workers, Math.max(1, tasks.length)) });
    let values: Float64Array[];
    try {
      values = await pool.outcomes(tasks, outcomes, {
        signal: io.signal,
        onProgress: (p) => progress.update(p),
      });
    } finally {
      progress.clear();
      pool.dispose();
    }
    const runs: SweepRun[] = values.map((outcomeRows, k) => ({
      run: start + k,
      parameters: points[start + k]!,
      replicates,
      outcomes: outcomeRows,
    }));
    const parameterSpecs = design.parameters.map(({ id }) => ({
      id,
      unit: manifest.parameters.find((p) => p.id === id)?.unit ?? '',
    }));
    const table = sweepTable(runs, parameterSpecs, outcomes, {
      model: manifest,
      engineVersion: ENGINE_VERSION,
      totalRuns: points.length,
    });
    await writeFileAtomic(outPath, tableBytes(table, out), out);
    if (!quiet) {
      io.stderr.write(
        `sweep: done: runs ${start}–${end - 1} of ${points.length} (shard ${shard.index}/${shard.count}, ${pool.size} worker${pool.size === 1 ? '' : 's'}); wrote ${out}\n`,
      );
    }
    return ExitCode.ok;
  },
};
