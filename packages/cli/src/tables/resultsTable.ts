import { type ScenarioResult } from '@immunotwin/engine';
import { Float64, Int32, makeData, Schema, Field, Table, RecordBatch, Struct, tableToIPC } from 'apache-arrow';

/**
 * A run's results as one Apache Arrow table in long form: a `replicate` column (Int32), `time` (Float64), then
 * one Float64 column per observable, the replicates one after another — the rows and numbers of the CSV, as
 * binary columns. The schema's metadata holds the model, engine version, method, seed and every column's unit
 * (`immunotwin.units`, JSON), so a reader knows what the numbers are.
 */
export function resultsTable(result: ScenarioResult): Table {
  const { runs } = result;
  const first = runs[0];
  if (!first) throw new RangeError('resultsTable: the result has no runs');
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
  const fields = [
    new Field('replicate', new Int32(), false),
    new Field('time', new Float64(), false),
    ...ids.map((id) => new Field(id, new Float64(), false)),
  ];
  const { metadata } = first;
  const schema = new Schema(
    fields,
    new Map([
      ['immunotwin.model', metadata.model.id],
      ['immunotwin.modelVersion', metadata.model.version],
      ['immunotwin.engineVersion', metadata.engineVersion],
      ['immunotwin.method', metadata.method],
      ['immunotwin.seed', String(metadata.seed)],
      ['immunotwin.units', JSON.stringify({ replicate: '1', ...metadata.units })],
    ]),
  );
  const children = [
    makeData({ type: new Int32(), data: replicate }),
    makeData({ type: new Float64(), data: time }),
    ...columns.map((values) => makeData({ type: new Float64(), data: values })),
  ];
  const batch = new RecordBatch(schema, makeData({ type: new Struct(fields), length: rows, children }));
  return new Table(schema, [batch]);
}

/** The table as an Arrow IPC file (the `.arrow` / Feather v2 format that pandas, polars and R read). */
export function arrowFileBytes(table: Table): Uint8Array {
  return tableToIPC(table, 'file');
}
