import { RecordBatchFileWriter } from 'apache-arrow';
import type { TableWriter } from './tableWriter.js';

/** An Arrow IPC file writer that says how many bytes it has produced (apache-arrow keeps that protected). */
class CountingFileWriter extends RecordBatchFileWriter {
  /** Bytes produced so far. */
  get produced(): number {
    return this._position;
  }
}

/**
 * A streaming Arrow IPC file writer (the `.arrow` / Feather v2 format): each table's batches are written as they
 * come and `write` waits until the sink has taken them, so memory holds one table's bytes at a time.
 */
export function arrowWriter(sink: (chunk: Uint8Array) => Promise<void>): TableWriter {
  const writer = new CountingFileWriter();
  let consumed = 0;
  let waiting: { until: number; resolve: () => void } | undefined;
  const drained = (async () => {
    for await (const chunk of writer) {
      await sink(chunk);
      consumed += chunk.byteLength;
      if (waiting && consumed >= waiting.until) waiting.resolve();
    }
  })();
  return {
    async write(table) {
      for (const batch of table.batches) writer.write(batch);
      const until = writer.produced;
      if (consumed >= until) return;
      await Promise.race([drained, new Promise<void>((resolve) => (waiting = { until, resolve }))]);
    },
    async finish() {
      writer.finish();
      await drained;
    },
  };
}
