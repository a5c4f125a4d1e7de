import { tableFromIPC, type Table } from 'apache-arrow';
import { readParquet } from 'parquet-wasm/node';
import { describe, expect, it } from 'vitest';
import { builtInRegistry } from '@immunotwin/models';
import { runScenarioSync } from '@immunotwin/engine';
import { parquetBytes } from '../src/tables/parquet.js';
import { arrowFileBytes, resultsTable } from '../src/tables/resultsTable.js';

const result = runScenarioSync(
  builtInRegistry().resolve({
    model: 'bacteria-innate',
    method: 'ssa',
    seed: 9,
    replicates: 3,
    duration: 4,
    outputInterval: 0.5,
    parameters: { P0: 1000 },
  }),
);

/** Column `id` of a read-back table as a Float64Array (for bitwise comparison). */
function column(table: Table, id: string): Float64Array {
  return Float64Array.from(table.getChild(id)!.toArray() as ArrayLike<number>);
}

describe('results as Arrow and Parquet tables', () => {
  for (const [format, bytes] of [
    ['an Arrow IPC file', () => arrowFileBytes(resultsTable(result.runs))],
    ['Parquet', () => readParquet(parquetBytes(resultsTable(result.runs))).intoIPCStream()],
  ] as const) {
    it(`${format} holds every replicate's samples, bit for bit, with the units in its metadata`, () => {
      const table: Table = tableFromIPC(bytes());
      const samples = result.runs[0]!.time.length;
      expect(table.numRows).toBe(3 * samples);
      expect(table.schema.fields.map((f) => f.name)).toEqual([
        'replicate',
        'time',
        ...Object.keys(result.runs[0]!.observables),
      ]);
      result.runs.forEach((run, r) => {
        const rows = (values: Float64Array) => values.subarray(r * samples, (r + 1) * samples);
        expect([...rows(column(table, 'replicate'))]).toEqual(new Array(samples).fill(r));
        expect(rows(column(table, 'time'))).toEqual(run.time);
        for (const [id, values] of Object.entries(run.observables)) {
          expect(Buffer.from(rows(column(table, id)).slice().buffer).equals(Buffer.from(values.buffer)), id).toBe(true);
        }
      });
      const units = JSON.parse(table.schema.metadata.get('immunotwin.units')!) as Record<string, string>;
      expect(units.time).toBe('hour');
      expect(table.schema.metadata.get('immunotwin.model')).toBe('bacteria-innate');
      expect(table.schema.metadata.get('immunotwin.seed')).toBe('9');
    });
  }
});
