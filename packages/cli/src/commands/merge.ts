import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { DataType, type Table } from 'apache-arrow';
import { flag, stringOption } from '../args.js';
import { checkWritable, writeFileAtomic } from '../atomicWrite.js';
import type { Command } from '../command.js';
import { CliError, ExitCode, UsageError } from '../errors.js';
import { columnTable, type TableColumn } from '../tables/columnTable.js';
import { readTableIsolated } from '../tables/readTableIsolated.js';
import { tableBytes, TABLE_EXTENSIONS } from '../tables/tableFile.js';

/** Rows of the parts, in (run, replicate) order, checked to be each run of the design exactly once. */
function mergeParts(parts: readonly { name: string; table: Table }[]): Table {
  const [first] = parts;
  const names = first!.table.schema.fields.map((f) => f.name);
  const totalRuns = Number(first!.table.schema.metadata.get('immunotwin.runs'));
  for (const { name, table } of parts) {
    const theirs = table.schema.fields.map((f) => f.name);
    if (theirs.join(',') !== names.join(',') || Number(table.schema.metadata.get('immunotwin.runs')) !== totalRuns) {
      throw new CliError(`${name}: not a part of the same sweep as ${first!.name} (other columns or another design)`);
    }
  }
  const rows: { part: number; row: number; run: number; replicate: number }[] = [];
  parts.forEach(({ table }, part) => {
    const run = table.getChild('run')!.toArray() as Int32Array;
    const replicate = table.getChild('replicate')!.toArray() as Int32Array;
    for (let row = 0; row < table.numRows; row++) rows.push({ part, row, run: run[row]!, replicate: replicate[row]! });
  });
  rows.sort((a, b) => a.run - b.run || a.replicate - b.replicate);
  const seen = new Set<number>();
  for (let i = 0; i < rows.length; i++) {
    const { run, replicate } = rows[i]!;
    if (i > 0 && rows[i - 1]!.run === run && rows[i - 1]!.replicate === replicate) {
      throw new CliError(`run ${run}, replicate ${replicate} is in two parts; give each shard once`);
    }
    seen.add(run);
  }
  const missing = Array.from({ length: totalRuns }, (_, k) => k).filter((k) => !seen.has(k));
  if (missing.length > 0) {
    throw new CliError(
      `the parts hold ${seen.size} of the design's ${totalRuns} runs; missing: ${missing.slice(0, 10).join(', ')}${missing.length > 10 ? ', …' : ''}`,
    );
  }
  const columns: TableColumn[] = first!.table.schema.fields.map((field) => {
    const sources = parts.map(({ table }) => table.getChild(field.name)!.toArray() as ArrayLike<number>);
    const values = DataType.isInt(field.type) ? new Int32Array(rows.length) : new Float64Array(rows.length);
    rows.forEach(({ part, row }, i) => (values[i] = sources[part]![row]!));
    return values instanceof Int32Array
      ? { name: field.name, kind: 'int32', values }
      : { name: field.name, kind: 'float64', values };
  });
  return columnTable(columns, first!.table.schema.metadata);
}

/** `immunotwin merge`: joins the parts of a sharded sweep into one table. */
export const mergeCommand: Command = {
  name: 'merge',
  summary: 'join the parts of a sharded sweep (sweep --shard i/n) into the table one machine would write',
  usage: 'merge <part.parquet|part.arrow>… --out <results.parquet|.arrow|.csv> [--quiet]',
  description: [
    "Reads the parts (Parquet or Arrow files from `immunotwin sweep --shard`), checks that they are one design's",
    'runs, each exactly once, and writes their rows in run order: the same bytes a sweep without --shard writes.',
  ].join('\n'),
  options: [
    { name: 'out', short: 'o', value: 'file', description: 'the merged table: .parquet, .arrow or .csv (required)' },
    { name: 'quiet', short: 'q', description: 'print no summary on stderr' },
  ],
  positionals: { min: 1, max: Infinity, name: 'part files' },

  async run(args, context) {
    const out = stringOption(args, 'out');
    if (out === undefined) throw new UsageError('merge needs --out <results.parquet|.arrow|.csv>');
    if (!TABLE_EXTENSIONS.includes(extname(out).toLowerCase())) {
      throw new UsageError(`option --out: cannot tell the format of "${out}"; allowed: ${TABLE_EXTENSIONS.join(', ')}`);
    }
    const outPath = context.resolvePath(out);
    await checkWritable(outPath, out);
    const parts = [];
    for (const name of args.positionals) {
      const bytes = new Uint8Array(
        await readFile(context.resolvePath(name)).catch(() => {
          throw new CliError(`${name}: cannot read the file`);
        }),
      );
      try {
        parts.push({ name, table: await readTableIsolated(bytes, name) });
      } catch (error) {
        throw new CliError(`${name}: not a sweep table (${(error as Error).message})`);
      }
    }
    const merged = mergeParts(parts);
    await writeFileAtomic(outPath, tableBytes(merged, out), out);
    if (!flag(args, 'quiet')) {
      context.io.stderr.write(`merge: ${parts.length} parts, ${merged.numRows} rows; wrote ${out}\n`);
    }
    return ExitCode.ok;
  },
};
