import { describe, expect, it } from 'vitest';
import { ModelRegistry, outcome, runScenarioSync, type OutcomeRequest, type RunResult } from '@immunotwin/engine';
import { builtInModels } from '@immunotwin/models';
import type { WorkerPool } from '../src/pool/workerPool.js';
import { builtNodePools } from './builtPackage.js';
import { ssaScenario } from './helpers.js';

const pools = builtNodePools();

function pool(size: number): WorkerPool {
  return pools.pool(size);
}

/** An SSA ensemble of the bacteria model: each replicate its own random stream. */
const ensemble = { ...ssaScenario, seed: 11, replicates: 6 };
const oneReplicateTasks = Array.from({ length: ensemble.replicates }, (_, r) => ({
  scenario: ensemble,
  replicates: [r],
}));

/** The same replicates computed in this thread, one after another. */
function reference(): RunResult[] {
  const registry = new ModelRegistry();
  for (const plugin of builtInModels) registry.register(plugin);
  return [...runScenarioSync(registry.resolve(ensemble)).runs];
}

function expectBitIdentical(actual: readonly RunResult[], expected: readonly RunResult[]): void {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((run, i) => {
    expect(run.metadata.replicate).toBe(expected[i]!.metadata.replicate);
    for (const [id, values] of Object.entries(expected[i]!.observables)) {
      expect(Buffer.from(run.observables[id]!.buffer).equals(Buffer.from(values.buffer)), `replicate ${i} ${id}`).toBe(
        true,
      );
    }
  });
}

describe('WorkerPool (Node worker threads)', () => {
  it('gives the same bits with 1 worker and with 2 as one thread does, in task order', async () => {
    const expected = reference();
    for (const size of [1, 2]) {
      const results = await pool(size).run(oneReplicateTasks);
      expectBitIdentical(results.flat(), expected);
    }
    // Tasks of several replicates each, in a different split: still the same runs.
    const split = await pool(2).run([
      { scenario: ensemble, replicates: [0, 1, 2, 3] },
      { scenario: ensemble, replicates: [4, 5] },
    ]);
    expectBitIdentical(split.flat(), expected);
  });

  it('waits for a slow consumer: never more tasks under way than workers, progress rising to 1', async () => {
    const twoWorkers = pool(2);
    let started = 0;
    let consumed = 0;
    let mostAhead = 0;
    const fractions: number[] = [];
    const tasks = oneReplicateTasks.map((task) => ({
      ...task,
      get scenario() {
        started++;
        return ensemble;
      },
    }));
    await twoWorkers.run(tasks, {
      onResult: async () => {
        mostAhead = Math.max(mostAhead, started - consumed);
        await new Promise((resolve) => setTimeout(resolve, 20));
        consumed++;
      },
      onProgress: ({ fraction }) => fractions.push(fraction),
    });
    expect(mostAhead).toBeLessThanOrEqual(2);
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
    expect(fractions.at(-1)).toBe(1);
  });

  it('cancels: the run rejects with the signal’s reason, and the pool runs again afterwards', async () => {
    const twoWorkers = pool(2);
    const controller = new AbortController();
    const long = { ...ensemble, duration: 2400, outputInterval: 1 };
    const running = twoWorkers.run(
      Array.from({ length: 4 }, (_, r) => ({ scenario: long, replicates: [r] })),
      { signal: controller.signal },
    );
    setTimeout(() => controller.abort(new Error('stopped by the test')), 200);
    await expect(running).rejects.toThrow('stopped by the test');
    expectBitIdentical((await twoWorkers.run(oneReplicateTasks)).flat(), reference());
  });

  it('reports a bad scenario with the engine’s message, naming the field', async () => {
    await expect(pool(1).run([{ scenario: { ...ensemble, seed: -1 }, replicates: [0] }])).rejects.toThrow(/seed/);
  });

  it('keeps only the outcomes when asked: the same numbers as the runs give, whatever the batching', async () => {
    const ssaObservable = 'P';
    const requests: OutcomeRequest[] = [
      { observable: ssaObservable, summary: 'peak' },
      { observable: ssaObservable, summary: 'auc', log10: true },
    ];
    const expected = reference();
    // 6 tasks of 2 replicates and 60 of one (batched several to a worker): a row per replicate, a column per request.
    const pairs = [0, 2, 4].map((r) => ({ scenario: ensemble, replicates: [r, r + 1] }));
    const many = Array.from({ length: 60 }, (_, k) => ({ scenario: ensemble, replicates: [k % 6] }));
    for (const [tasks, replicateOf] of [
      [pairs, (k: number, row: number) => 2 * k + row],
      [many, (k: number) => k % 6],
    ] as const) {
      const values = await pool(2).outcomes(tasks, requests);
      expect(values).toHaveLength(tasks.length);
      values.forEach((rows, k) => {
        expect(rows).toHaveLength(tasks[k]!.replicates.length * requests.length);
        tasks[k]!.replicates.forEach((_, row) => {
          const run = expected[replicateOf(k, row)]!;
          requests.forEach((request, j) =>
            expect(rows[row * requests.length + j]).toBe(outcome(request.summary, run, request.observable, request)),
          );
        });
      });
    }
  });

  it('hands results over in task order when asked, keeping none when told to discard them', async () => {
    // Tasks of very different lengths, so that on 2 workers they finish out of order.
    const tasks = [2400, 24, 24, 24, 1200, 24].map((duration, r) => ({
      scenario: { ...ensemble, duration, outputInterval: 1 },
      replicates: [r],
    }));
    const seen: number[] = [];
    const kept = await pool(2).run(tasks, { ordered: true, discard: true, onResult: (index) => void seen.push(index) });
    expect(seen).toEqual([0, 1, 2, 3, 4, 5]);
    expect(kept).toEqual([]);
  });
});
