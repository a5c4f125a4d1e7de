import { extname } from 'node:path';
import { Worker } from 'node:worker_threads';
import { tableFromIPC, type Table } from 'apache-arrow';

/**
 * The reader run in the worker thread: decodes the file with apache-arrow (and parquet-wasm for Parquet) and posts
 * back the table as a fresh Arrow IPC stream, or the reader's error message. Plain CommonJS for an `eval` worker;
 * the two libraries come as file URLs resolved here, so it works from the sources and from the build.
 */
const READER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
(async () => {
  const arrow = await import(workerData.arrow);
  const { bytes, parquet } = workerData;
  const table = parquet
    ? arrow.tableFromIPC((await import(workerData.parquetWasm)).readParquet(bytes).intoIPCStream())
    : arrow.tableFromIPC(bytes);
  const stream = arrow.tableToIPC(table, 'stream');
  parentPort.postMessage({ stream }, [stream.buffer]);
})().catch((error) => parentPort.postMessage({ error: String((error && error.message) || error) }));
`;

/** How long the reader may take: 5 s, plus 20 ms a megabyte (a valid part reads in far less). */
function timeLimit(bytes: Uint8Array): number {
  return 5000 + (20 * bytes.byteLength) / 1e6;
}

/**
 * Reads an Arrow IPC (`.arrow`) or Parquet (`.parquet`) file's table in a worker thread of its own, because a
 * damaged file can make the decoders loop for ever (apache-arrow) or abort the whole process (parquet-wasm): a
 * file the reader refuses, crashes on or does not finish within its time limit is an Error saying so, and this
 * process goes on. The table that comes back was re-encoded by the reader, so decoding it here is safe.
 */
export async function readTableIsolated(bytes: Uint8Array, name: string): Promise<Table> {
  const ext = extname(name).toLowerCase();
  if (ext !== '.parquet' && ext !== '.arrow') throw new RangeError('parts to merge are .parquet or .arrow files');
  const worker = new Worker(READER_SOURCE, {
    eval: true,
    workerData: {
      bytes,
      parquet: ext === '.parquet',
      arrow: import.meta.resolve('apache-arrow'),
      parquetWasm: import.meta.resolve('parquet-wasm/node'),
    },
  });
  try {
    const stream = await new Promise<Uint8Array>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`the reader did not finish within ${(timeLimit(bytes) / 1000).toFixed(0)} s`)),
        timeLimit(bytes),
      );
      const settle = (): void => clearTimeout(timer);
      worker.once('message', (message: { stream?: Uint8Array; error?: string }) => {
        settle();
        if (message.stream) resolve(message.stream);
        else reject(new Error(message.error ?? 'the reader failed'));
      });
      worker.once('error', (error) => {
        settle();
        reject(new Error(`the reader crashed: ${error.message}`));
      });
      worker.once('exit', (code) => {
        settle();
        reject(new Error(`the reader stopped (exit code ${code})`));
      });
    });
    return tableFromIPC(stream);
  } finally {
    await worker.terminate();
  }
}
