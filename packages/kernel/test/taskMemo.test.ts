/**
 * A task's scenario runs once per kernel: a second task on the same scenario (however it is written) reads the first
 * one's run, and a scenario with another seed runs again. Runs are counted at the engine's `runScenario`.
 */
import { describe, expect, it, vi } from 'vitest';
import * as engine from '@immunotwin/engine';
import { builtInRegistry } from '@immunotwin/models';
import type { TaskQuantity } from '../src/lessons/task.js';
import { computeQuantity, type TaskContext } from '../src/twin/check.js';
import { stableJson } from '../src/twin/taskMemo.js';

const runs = vi.hoisted(() => ({ count: 0 }));
vi.mock('@immunotwin/engine', async (importOriginal) => {
  const actual = await importOriginal<typeof engine>();
  return {
    ...actual,
    runScenario: (...args: Parameters<typeof actual.runScenario>) => {
      runs.count += 1;
      return actual.runScenario(...args);
    },
  };
});

const registry = builtInRegistry();
const context: TaskContext = { resolveModel: (id) => registry.get(id)! };
const beta = registry.get('target-cell-limited')!.manifest.parameters.find((p) => p.id === 'beta')!.default;

/** The value of a task of the target-cell-limited model computing `answer`. */
const value = (answer: TaskQuantity) =>
  computeQuantity(
    { id: 'test.memo', model: 'target-cell-limited', question: 'q', unit: '1', answer, tolerance: { absolute: 0 } },
    answer,
    context,
  ) as Promise<number>;

describe('the task memo', () => {
  it('runs a scenario once for every task that reads it, and again for another seed', async () => {
    // Stochastic (tau-leaping, whole counts): the seed changes the runs. A duration no other test here uses.
    const scenario = {
      method: 'tau-leaping' as const,
      replicates: 3,
      seed: 21,
      duration: 3.5,
      parameters: { V0: 100 },
    };
    const before = runs.count;
    const peak = await value({ outcome: { observable: 'V', summary: 'peak' }, scenario });
    expect(runs.count - before).toBe(1);
    // Another quantity of the same scenario, and the same scenario with a default written out and in another order.
    const lowest = await value({ minimum: { observable: 'targetFraction' }, scenario });
    const sameWritten = {
      parameters: { beta, V0: 100 },
      duration: 3.5,
      seed: 21,
      replicates: 3,
      method: 'tau-leaping',
    };
    expect(await value({ outcome: { observable: 'V', summary: 'peak' }, scenario: sameWritten } as TaskQuantity)).toBe(
      peak,
    );
    expect(runs.count - before).toBe(1);
    expect(lowest).toBeLessThan(1);
    // Another seed is another run, with other numbers.
    const otherSeed = await value({
      outcome: { observable: 'V', summary: 'peak' },
      scenario: { ...scenario, seed: 22 },
    });
    expect(runs.count - before).toBe(2);
    expect(otherSeed).not.toBe(peak);
  });

  it('keys on the data, not on the order its keys were written in', () => {
    expect(stableJson({ b: 1, a: { d: [2, { f: 1, e: 0 }], c: 3 } })).toBe('{"a":{"c":3,"d":[2,{"e":0,"f":1}]},"b":1}');
    expect(stableJson({ a: 1, b: 2 })).not.toBe(stableJson({ a: 1, b: 3 }));
  });
});
