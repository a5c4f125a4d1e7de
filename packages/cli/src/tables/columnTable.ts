import { Field, Float64, Int32, makeData, RecordBatch, Schema, Struct, Table } from 'apache-arrow';

/** One column of a table: whole numbers (Int32) or measurements (Float64). */
export type TableColumn =
  | { readonly name: string; readonly kind: 'int32'; readonly values: Int32Array }
  | { readonly name: string; readonly kind: 'float64'; readonly values: Float64Array };

/**
 * An Apache Arrow table from equal-length typed columns (no copies) and schema metadata: the one way the CLI's
 * tables (run results, sweeps) are built, so they share types and metadata conventions (`immunotwin.*` keys).
 */
export function columnTable(columns: readonly TableColumn[], metadata: ReadonlyMap<string, string>): Table {
  const rows = columns[0]?.values.length ?? 0;
  for (const column of columns) {
    if (column.values.length !== rows) {
      throw new RangeError(`columnTable: column "${column.name}" has ${column.values.length} rows; expected ${rows}`);
    }
  }
  const fields = columns.map((c) => new Field(c.name, c.kind === 'int32' ? new Int32() : new Float64(), false));
  // Keys in sorted order, as a Parquet file gives them back: a table read and written again is the same bytes.
  const sorted = [...metadata].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const schema = new Schema(fields, new Map(sorted));
  const children = columns.map((c) =>
    c.kind === 'int32'
      ? makeData({ type: new Int32(), data: c.values })
      : makeData({ type: new Float64(), data: c.values }),
  );
  const batch = new RecordBatch(schema, makeData({ type: new Struct(fields), length: rows, children }));
  return new Table(schema, [batch]);
}

/** A table's rows as CSV (a header, then numbers in their shortest exact form), for `--out *.csv`. */
export function tableToCsv(table: Table): string {
  const names = table.schema.fields.map((f) => f.name);
  const columns = names.map((name) => table.getChild(name)!.toArray() as ArrayLike<number>);
  const lines = [names.join(',')];
  for (let i = 0; i < table.numRows; i++) lines.push(columns.map((c) => String(c[i])).join(','));
  return `${lines.join('\n')}\n`;
}
