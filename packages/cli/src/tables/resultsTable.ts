import type { RunResult } from '@immunotwin/engine';
import { tableToIPC, type Table } from 'apache-arrow';
import { columnTable } from './columnTable.js';

/**
 * A run's results as one Apache Arrow table in long form: a `replicate` column (Int32), `time` (Float64), then
 * one Float64 column per observable, the replicates one after another — the rows and numbers of the CSV, as
 * binary columns. The schema's metadata holds the model, engine version, method, seed and every column's unit
 * (`immunotwin.units`, JSON), so a reader knows what the numbers are.
 */
export function resultsTable(runs: readonly RunResult[]): Table {
  const first = runs[0];
  if (!first) throw new RangeError('resultsTable: no runs');
  const ids = Object.keys(first.observables);
  const samples = first.time.length;
  const rows = samples * runs.length;
  const replicate = new Int32Array(rows);
  const time = new Float64Array(rows);
  const columns = ids.map(() => new Float64Array(rows));
  runs.forEach((run, r) => {
    const offset = r * samples;
    replicate.fill(run.metadata.replicate, offset, offset + samples);
    time.set(run.time, offset);
    ids.forEach((id, j) => columns[j]!.set(run.observables[id]!, offset));
  });
  const { metadata } = first;
  return columnTable(
    [
      { name: 'replicate', kind: 'int32', values: replicate },
      { name: 'time', kind: 'float64', values: time },
      ...ids.map((id, j) => ({ name: id, kind: 'float64' as const, values: columns[j]! })),
    ],
    new Map([
      ['immunotwin.model', metadata.model.id],
      ['immunotwin.modelVersion', metadata.model.version],
      ['immunotwin.engineVersion', metadata.engineVersion],
      ['immunotwin.method', metadata.method],
      ['immunotwin.seed', String(metadata.seed)],
      ['immunotwin.units', JSON.stringify({ replicate: '1', ...metadata.units })],
    ]),
  );
}

/** The table as an Arrow IPC file (the `.arrow` / Feather v2 format that pandas, polars and R read). */
export function arrowFileBytes(table: Table): Uint8Array {
  return tableToIPC(table, 'file');
}
