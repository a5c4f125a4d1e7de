import { tableToIPC, type Table } from 'apache-arrow';
import { Table as WasmTable, writeParquet, WriterPropertiesBuilder, Compression } from 'parquet-wasm/node';

/**
 * The table as a Parquet file (ZSTD-compressed), written by `parquet-wasm` (the Rust `parquet` crate compiled to
 * WebAssembly) from the table's Arrow IPC stream, so the columns, their types and the schema metadata carry over.
 */
export function parquetBytes(table: Table): Uint8Array {
  const properties = new WriterPropertiesBuilder().setCompression(Compression.ZSTD).build();
  return writeParquet(WasmTable.fromIPCStream(tableToIPC(table, 'stream')), properties);
}
