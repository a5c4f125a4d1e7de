import { describe, expect, it } from 'vitest';
import {
  checkMemoryBudget,
  DEFAULT_MAX_MEMORY,
  EnsembleAggregate,
  estimateResultMemory,
  formatBytes,
  resolveScenario,
  runScenarioSync,
  ValidationError,
} from '../src/index.js';
import { decayModel } from './fixtures/decayModel.js';

// The decay model records 2 observables (A, twiceA), so 3 columns with time; quantiles default to 5.
const scenario = (fields: object) => resolveScenario(decayModel, { model: 'decay-test', ...fields });

describe('the memory budget of a run', () => {
  it('estimates the kept results: replicates × samples × (observables + 1) × 8 bytes, plus the summary', () => {
    // 10 days every 0.01: 1001 samples. One replicate: 1001 × 3 × 8 = 24 024 bytes, no summary.
    expect(estimateResultMemory(scenario({ duration: 10, outputInterval: 0.01 }))).toEqual({
      bytes: 24_024,
      replicates: 1,
      samples: 1001,
      columns: 3,
    });
    // 100 SSA replicates: 100 × 24 024 + a summary of 1001 samples × 2 observables × (5 quantiles + mean + median) × 8.
    const ensemble = scenario({ duration: 10, outputInterval: 0.01, method: 'ssa', replicates: 100 });
    expect(estimateResultMemory(ensemble).bytes).toBe(100 * 24_024 + 1001 * 2 * 7 * 8);
  });

  it('estimates a streamed run as one run plus a fixed-size aggregate, whatever the number of replicates', () => {
    const streamed = (replicates: number) =>
      estimateResultMemory(scenario({ duration: 10, outputInterval: 0.01, method: 'ssa', replicates }), {
        replicates: 1,
        streamingSummary: true,
      }).bytes;
    // One run (24 024 bytes) plus the aggregate's bound, which its own tests check against its byteSize().
    expect(streamed(100)).toBe(24_024 + EnsembleAggregate.memoryBound(1001, 2));
    expect(streamed(100_000)).toBe(streamed(100));
    // Streamed without a summary (CSV): one run only.
    const csv = scenario({ duration: 10, outputInterval: 0.01, method: 'ssa', replicates: 100 });
    expect(estimateResultMemory(csv, { replicates: 1 }).bytes).toBe(24_024);
  });

  it('refuses a run above the limit before it starts, naming the fields and how to raise the limit', () => {
    // 20 000 replicates × 100 001 samples × 3 columns × 8 bytes ≈ 48 GB: the issue's "hours of work, then out of memory".
    const huge = scenario({ duration: 10, outputInterval: 1e-4, method: 'ssa', replicates: 20_000 });
    let error: unknown;
    try {
      runScenarioSync(huge);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues).toEqual([
      {
        path: 'replicates',
        message:
          'the results would take 48 GB in memory (20000 replicates × 100001 samples × 3 columns × 8 bytes), above the ' +
          'limit of 1.07 GB; lower replicates, raise outputInterval or shorten duration, or raise the limit on purpose ' +
          '(maxMemory; --max-memory on the command line)',
      },
    ]);
  });

  it('names outputInterval for a single run, and lets a caller raise the limit on purpose', () => {
    const fine = scenario({ duration: 10, outputInterval: 0.001 }); // 10 001 samples × 3 × 8 = 240 024 bytes
    expect(() => checkMemoryBudget(fine, 200_000)).toThrow(
      /^Invalid scenario: outputInterval: the results would take 240 kB/,
    );
    expect(checkMemoryBudget(fine, 240_024).bytes).toBe(240_024);
    expect(runScenarioSync(fine, { maxMemory: 240_024 }).runs[0].time.length).toBe(10_001);
    expect(() => runScenarioSync(fine, { maxMemory: 240_023 })).toThrow(ValidationError);
  });

  it('defaults to 1 GiB and prints sizes in decimal units', () => {
    expect(DEFAULT_MAX_MEMORY).toBe(1024 ** 3);
    expect([formatBytes(512), formatBytes(240_024), formatBytes(2.4e9), formatBytes(DEFAULT_MAX_MEMORY)]).toEqual([
      '512 bytes',
      '240 kB',
      '2.4 GB',
      '1.07 GB',
    ]);
  });
});
