import { extname } from 'node:path';
import {
  checkMemoryBudget,
  isPlainObject,
  ValidationError,
  type ResolvedScenario,
  type RunProgress,
} from '@immunotwin/engine';
import { flag, integerOption, sizeOption, stringOption, type ParsedArgs } from '../args.js';
import { checkWritable } from '../atomicWrite.js';
import type { Command, CommandContext } from '../command.js';
import { aboutFile, ExitCode, UsageError } from '../errors.js';
import { ProgressReporter, formatSimTime, progressText } from '../progress.js';
import { PLUGIN_OPTION } from '../plugins.js';
import { readJsonFile } from '../readJson.js';
import { FORMATS, writeResults, type Format } from '../writeResults.js';

/** Largest seed a scenario may carry (seeds are unsigned 32-bit integers). */
const MAX_SEED = 4294967295;
/** Most replicates a scenario may ask for (the scenario schema's limit). */
const MAX_REPLICATES = 100000;

function outputFormat(out: string): Format {
  const ext = extname(out).toLowerCase();
  if (ext in FORMATS) return FORMATS[ext as keyof typeof FORMATS];
  throw new UsageError(
    `option --out: cannot tell the format of "${out}" from its extension ${ext ? `"${ext}"` : '(none)'}; allowed: ${Object.keys(FORMATS).join(', ')}`,
  );
}

/** Scenario fields set from the command line, to apply over the document's. */
function overrides(args: ParsedArgs): Record<string, number> {
  const result: Record<string, number> = {};
  const replicates = stringOption(args, 'replicates');
  if (replicates !== undefined) {
    result.replicates = integerOption(
      replicates,
      'replicates',
      1,
      MAX_REPLICATES,
      `a positive whole number (1 to ${MAX_REPLICATES})`,
    );
  }
  const seed = stringOption(args, 'seed');
  if (seed !== undefined)
    result.seed = integerOption(seed, 'seed', 0, MAX_SEED, `a whole number from 0 to ${MAX_SEED}`);
  return result;
}

/** Resolves the scenario, noting in messages which problems come from a command-line override. */
function resolveWithOverrides(
  context: CommandContext,
  document: unknown,
  set: Record<string, number>,
): ResolvedScenario {
  const merged = isPlainObject(document) ? { ...document, ...set } : document;
  try {
    return context.registry().resolve(merged);
  } catch (error) {
    if (!(error instanceof ValidationError) || Object.keys(set).length === 0) throw error;
    const issues = error.issues.map((issue) =>
      Object.hasOwn(set, issue.path) ? { ...issue, path: `${issue.path} (from --${issue.path})` } : issue,
    );
    throw new ValidationError('scenario', issues);
  }
}

/** `immunotwin run`: validate a scenario, run it with progress, write CSV or JSON atomically. */
export const runCommand: Command = {
  name: 'run',
  summary: 'run a scenario and write its results as CSV or JSON',
  usage:
    'run <scenario.json> [--out <file.csv|.json|.arrow|.parquet>] [--replicates <n>] [--seed <n>] [--plugin <model.json|module.js|package>]… [--max-memory <size>] [--quiet]',
  description: [
    'Validates the scenario against its model, runs it and writes the results: CSV (one row per sample;',
    'a "replicate" column first when there are several), JSON (schema/results.schema.json, with the',
    "ensemble summary), or the CSV's columns as an Apache Arrow IPC file (.arrow) or Parquet (.parquet, ZSTD),",
    'with units in the schema metadata; chosen by the extension of --out, or CSV on stdout without --out. Each',
    'replicate is written as it finishes, so memory holds one run (and, for JSON, a fixed-size ensemble',
    'aggregate, exact up to 200 replicates). The file is',
    'written atomically: when anything fails, nothing is written. Progress goes to stderr. The scenario may',
    'name a model registered with --plugin: a reaction-network model manifest JSON (e.g. from import-sbml),',
    "or a model plugin's ES module file or installed package (e.g. one made with create-immunotwin-model).",
  ].join('\n'),
  options: [
    {
      name: 'out',
      short: 'o',
      value: 'file',
      description: 'write the results to <file>.csv, .json, .arrow or .parquet (default: CSV on stdout)',
    },
    {
      name: 'replicates',
      short: 'n',
      value: 'n',
      description: "number of replicates, overriding the scenario's (stochastic methods)",
    },
    { name: 'seed', value: 'n', description: `root random seed from 0 to ${MAX_SEED}, overriding the scenario's` },
    PLUGIN_OPTION,
    {
      name: 'max-memory',
      value: 'size',
      description: 'most memory the results may take, e.g. 4GB (default 1.07 GB = 1 GiB); a larger run is refused',
    },
    { name: 'quiet', short: 'q', description: 'print no progress or summary on stderr' },
  ],
  positionals: { min: 1, max: 1, name: 'scenario file' },

  async run(args, context) {
    const { io } = context;
    const file = args.positionals[0];
    const out = stringOption(args, 'out');
    const format: Format = out === undefined ? 'csv' : outputFormat(out);
    const set = overrides(args);
    const maxMemoryText = stringOption(args, 'max-memory');
    const maxMemory = maxMemoryText === undefined ? undefined : sizeOption(maxMemoryText, 'max-memory');
    const outPath = out === undefined ? undefined : context.resolvePath(out);
    if (outPath !== undefined) await checkWritable(outPath, out!);

    await context.registerPlugins(args);
    const document = await readJsonFile(context.resolvePath(file), file);
    const scenario = await aboutFile(file, () => {
      const resolved = resolveWithOverrides(context, document, set);
      // Runs stream to the file one at a time; JSON also keeps the ensemble aggregate.
      checkMemoryBudget(resolved, maxMemory, { replicates: 1, streamingSummary: format === 'json' });
      return resolved;
    });

    const quiet = flag(args, 'quiet');
    const { timeUnit } = scenario.plugin.manifest;
    const progress = new ProgressReporter(io.stderr, {
      mode: quiet ? 'off' : io.stderr.isTTY ? 'tty' : 'lines',
      describe: (p: RunProgress) => progressText(p, timeUnit),
    });
    const started = performance.now();
    const onProgress = (p: RunProgress): void => progress.update(p);
    let summary: { replicates: number; samples: number };
    try {
      const target = outPath === undefined ? undefined : { path: outPath, file: out! };
      summary = await writeResults(scenario, format, target, io, { onProgress, signal: io.signal, maxMemory });
    } finally {
      progress.clear();
    }
    const seconds = (performance.now() - started) / 1000;

    if (!quiet) {
      const { replicates: n, samples } = summary;
      io.stderr.write(
        `run: done in ${seconds.toFixed(2)} s: ${n} replicate${n === 1 ? '' : 's'} of "${scenario.plugin.manifest.id}" (${scenario.method}), ` +
          `${samples} samples to t = ${formatSimTime(scenario.duration)} ${timeUnit}${outPath !== undefined ? `; wrote ${out}` : ''}\n`,
      );
    }
    return ExitCode.ok;
  },
};
