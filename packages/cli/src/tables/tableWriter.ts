import type { Table } from 'apache-arrow';

/** A table file written as tables arrive (all with the first one's schema): Arrow IPC or Parquet. */
export interface TableWriter {
  /** Adds a table's rows; resolves once the writer has room for more (back-pressure). */
  write(table: Table): Promise<void>;
  /** Writes the file's footer and resolves once every byte has gone to the sink. */
  finish(): Promise<void>;
}
