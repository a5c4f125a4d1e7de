import { tableToIPC, type Table } from 'apache-arrow';
import {
  Compression,
  Table as WasmTable,
  transformParquetStream,
  writeParquet,
  WriterPropertiesBuilder,
  type RecordBatch as WasmRecordBatch,
  type WriterProperties,
} from 'parquet-wasm/node';
import type { TableWriter } from './tableWriter.js';

/** How the CLI writes Parquet: ZSTD-compressed columns. */
function writerProperties(): WriterProperties {
  return new WriterPropertiesBuilder().setCompression(Compression.ZSTD).build();
}

/** An Arrow table's record batches as parquet-wasm's (through an Arrow IPC stream, so types and metadata carry). */
function wasmBatches(table: Table): WasmRecordBatch[] {
  const wasm = WasmTable.fromIPCStream(tableToIPC(table, 'stream'));
  try {
    return wasm.recordBatches();
  } finally {
    wasm.free();
  }
}

/**
 * The table as a Parquet file (ZSTD-compressed), written by `parquet-wasm` (the Rust `parquet` crate compiled to
 * WebAssembly) from the table's Arrow IPC stream, so the columns, their types and the schema metadata carry over.
 */
export function parquetBytes(table: Table): Uint8Array {
  return writeParquet(WasmTable.fromIPCStream(tableToIPC(table, 'stream')), writerProperties());
}

/**
 * A streaming Parquet writer (parquet-wasm's `transformParquetStream`, ZSTD): tables are written as they come,
 * the writer buffers at most one row group (about a million rows), and the bytes go to `sink` in order.
 */
export function parquetWriter(sink: (chunk: Uint8Array) => Promise<void>): TableWriter {
  let controller!: ReadableStreamDefaultController<WasmRecordBatch>;
  let pulled: (() => void) | undefined;
  const input = new ReadableStream<WasmRecordBatch>({
    start: (c) => void (controller = c),
    pull: () => pulled?.(),
  });
  let drained: Promise<void> | undefined;
  const roomOrFailure = (): Promise<void> =>
    Promise.race([new Promise<void>((resolve) => (pulled = resolve)), drained!]);
  return {
    async write(table) {
      for (const batch of wasmBatches(table)) {
        if (drained && (controller.desiredSize ?? 1) <= 0) await roomOrFailure();
        controller.enqueue(batch);
        // The writer reads the first batch (its schema) before it starts, so it is started after one is queued.
        drained ??= transformParquetStream(input, writerProperties()).then(async (output: ReadableStream) => {
          for await (const chunk of output as unknown as AsyncIterable<Uint8Array>) await sink(chunk);
        });
      }
    },
    async finish() {
      controller.close();
      await drained;
    },
  };
}
