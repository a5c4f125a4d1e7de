import { extname } from 'node:path';
import type { Table } from 'apache-arrow';
import { tableToCsv } from './columnTable.js';
import { parquetBytes } from './parquet.js';
import { arrowFileBytes } from './resultsTable.js';

/** The file extensions a table is written as. */
export const TABLE_EXTENSIONS: readonly string[] = ['.parquet', '.arrow', '.csv'];

/** A table as the bytes (or text) of the file `name`, by its extension. */
export function tableBytes(table: Table, name: string): string | Uint8Array {
  const ext = extname(name).toLowerCase();
  if (ext === '.parquet') return parquetBytes(table);
  if (ext === '.arrow') return arrowFileBytes(table);
  if (ext === '.csv') return tableToCsv(table);
  throw new RangeError(`${name}: a table is written as ${TABLE_EXTENSIONS.join(', ')}`);
}
