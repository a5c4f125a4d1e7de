/**
 * The task quantities the lessons on organ function and on research methods added: the lowest value of an
 * observable, a difference, one index of a sensitivity analysis and a quantile over a virtual cohort — each checked
 * against runs done here one by one, or against what theory says the number must be.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { peakValue, runScenarioSync, type Scenario } from '@immunotwin/engine';
import { builtInDescriptors, builtInRegistry } from '@immunotwin/models';
import { targetCellLimited } from '@immunotwin/model-within-host';
import { createInlinePool, type WorkerPool } from '@immunotwin/worker';
import type { LessonTask, TaskQuantity } from '../src/lessons/task.js';
import { computeQuantity, type TaskContext } from '../src/twin/check.js';
import { createTwinApi } from '../src/twinApi.js';

const registry = builtInRegistry();
const pool: WorkerPool = createInlinePool(builtInDescriptors);
afterAll(() => pool.dispose());

const context: TaskContext = {
  resolveModel: (id) => registry.get(id)!,
  study: () => ({ pool, signal: new AbortController().signal }),
};

/** A task of the target-cell-limited model computing `answer`. */
const taskOf = (answer: TaskQuantity): LessonTask => ({
  id: 'test.quantity',
  model: 'target-cell-limited',
  question: 'a quantity under test',
  unit: '1',
  answer,
  tolerance: { absolute: 0 },
});
const value = (answer: TaskQuantity, on: TaskContext = context) => computeQuantity(taskOf(answer), answer, on);

/** One run of the target-cell-limited model, done here directly. */
const runOf = (scenario: Omit<Scenario, 'model'>) =>
  runScenarioSync(registry.resolve({ model: 'target-cell-limited', ...scenario } as Scenario));

/** The smallest of some samples, by a plain loop. */
function smallest(values: ArrayLike<number>): number {
  let low = Infinity;
  for (let i = 0; i < values.length; i++) low = Math.min(low, values[i]!);
  return low;
}

describe('minimum', () => {
  it('is the lowest sample of the run, and from `after` on the lowest of the later samples', async () => {
    // The virus first falls (the inoculum is cleared while the first cells are in eclipse), then rises to its peak
    // and falls again: its lowest value from day 0 is early, from day 5 it is the last sample.
    const { runs } = runOf({});
    const { time, observables } = runs[0]!;
    expect(await value({ minimum: { observable: 'V' } })).toBe(smallest(observables.V!));
    const afterDay5 = observables.V!.filter((_, i) => time[i]! >= 5);
    expect(await value({ minimum: { observable: 'V' }, after: 5 })).toBe(smallest(afterDay5));
    expect(smallest(afterDay5)).toBe(observables.V!.at(-1));
    // Target cells only decline: their minimum is their final value.
    expect(await value({ minimum: { observable: 'targetFraction' } })).toBe(observables.targetFraction!.at(-1));
  });

  it('is averaged over the replicates of a stochastic scenario, the same for the same seed', async () => {
    // A hundred virions (whole counts for tau-leaping): each replicate infects a different number of cells.
    const scenario = { method: 'tau-leaping' as const, replicates: 4, seed: 7, duration: 4, parameters: { V0: 100 } };
    const { runs } = runOf(scenario);
    const lows = runs.map((run) => smallest(run.observables.targetFraction!));
    // The replicates differ (else the mean would not be tested)…
    expect(new Set(lows).size).toBeGreaterThan(1);
    const quantity: TaskQuantity = { minimum: { observable: 'targetFraction' }, scenario };
    // … and the quantity is their mean.
    expect(await value(quantity)).toBeCloseTo(lows.reduce((a, b) => a + b) / lows.length, 12);
    expect(await value(quantity)).toBe(await value(quantity));
  });

  it('names the observable it cannot find', async () => {
    await expect(value({ minimum: { observable: 'spo2' } })).rejects.toThrow(/no observable "spo2"/);
  });
});

describe('difference', () => {
  it('is the first quantity minus the second', async () => {
    const beta = targetCellLimited.manifest.parameters.find((p) => p.id === 'beta')!.default;
    expect(await value({ difference: [{ expression: '3 * beta' }, { expression: 'beta' }] })).toBeCloseTo(2 * beta, 15);
  });
});

describe('sensitivity', () => {
  // Without an eclipse phase the eclipse exit rate k acts on nothing: its total index is exactly 0, and p, the only
  // parameter left that acts, explains all the variance (first-order and total indices near 1: the estimators are
  // exact only as n grows, so within 0.1 at n = 64).
  const options = {
    parameters: { p: { range: [0.015, 0.15] as [number, number] }, k: { range: [1, 8] as [number, number] } },
    n: 64,
    outcomes: ['V.peak'],
  };
  const scenario = { parameters: { eclipse: 0 } };

  it("gives Sobol' indices that theory fixes: 0 for a parameter that acts on nothing, near 1 for the only one that acts", async () => {
    const index = (parameter: string, kind: 'firstOrder' | 'total') =>
      value({ sensitivity: { options, parameter, index: kind }, scenario });
    expect(await index('k', 'total')).toBe(0);
    expect(await index('p', 'total')).toBeGreaterThan(0.9);
    expect(await index('p', 'firstOrder')).toBeGreaterThan(0.9);
  });

  it('is the index twin.sensitivity gives for the same options, to the bit', async () => {
    const twin = createTwinApi(targetCellLimited, { pool: () => pool });
    twin.set({ eclipse: 0 });
    const study = await twin.sensitivity(options);
    expect(await value({ sensitivity: { options, parameter: 'p', index: 'firstOrder' }, scenario })).toBe(
      study.sensitivity[0]!.method === 'sobol' ? study.sensitivity[0]!.indices.firstOrder[0] : NaN,
    );
  });

  it('reads a PRCC coefficient of a PRCC study, and refuses to mix the two', async () => {
    const prcc = { ...options, analysis: 'prcc' as const, n: 40, seed: 3 };
    // The peak rises with p at every k: a rank correlation near +1.
    expect(await value({ sensitivity: { options: prcc, parameter: 'p', index: 'prcc' }, scenario })).toBeGreaterThan(
      0.95,
    );
    await expect(value({ sensitivity: { options: prcc, parameter: 'p', index: 'total' }, scenario })).rejects.toThrow(
      /PRCC study has index "prcc" only/,
    );
    await expect(value({ sensitivity: { options, parameter: 'beta', index: 'total' }, scenario })).rejects.toThrow(
      /no parameter "beta" in the study; allowed: p, k/,
    );
    await expect(
      value({ sensitivity: { options, parameter: 'p', index: 'total', outcome: 'V.final' }, scenario }),
    ).rejects.toThrow(/no outcome "V.final"; allowed: V.peak/);
  });

  it('needs a worker pool, and says so', async () => {
    const noPool = { resolveModel: context.resolveModel };
    await expect(value({ sensitivity: { options, parameter: 'p', index: 'total' } }, noPool)).rejects.toThrow(
      /runs a study, and no worker pool is here/,
    );
  });
});

describe('cohortQuantile', () => {
  it('is the quantile of the outcome over the runs (type 7), each run done here giving the same peak', async () => {
    // Five values of p: the peak rises with p, so the runs' peaks in order are the quantiles 0, ¼, ½, ¾ and 1
    // (type 7: h = (5 − 1)·q), and q = 0.375 lies halfway between the second and the third.
    const values = [0.02, 0.03, 0.046, 0.07, 0.1];
    const options = { parameters: { p: { values } }, design: { kind: 'grid' as const }, outcomes: ['V.peak'] };
    const peaks = values.map((p) => {
      const run = runOf({ parameters: { p } }).runs[0]!;
      return peakValue(run.time, run.observables.V!);
    });
    expect(await value({ cohortQuantile: { options, q: 0.5 } })).toBe(peaks[2]);
    expect(await value({ cohortQuantile: { options, q: 0.25 } })).toBe(peaks[1]);
    expect(await value({ cohortQuantile: { options, q: 0.375 } })).toBeCloseTo((peaks[1]! + peaks[2]!) / 2, 6);
    expect(await value({ cohortQuantile: { options, q: 0 } })).toBe(peaks[0]);
    expect(await value({ cohortQuantile: { options, q: 1 } })).toBe(peaks[4]);
    await expect(value({ cohortQuantile: { options, q: 1.5 } })).rejects.toThrow(
      /q is 1.5; allowed: a number from 0 to 1/,
    );
  });

  it('of a seeded cohort is the same every time', async () => {
    const options = {
      parameters: {
        p: {
          distribution: {
            kind: 'log-normal' as const,
            mu: Math.log(0.046),
            sigma: 0.5,
            truncate: { lower: 1e-3, upper: 1 },
          },
        },
      },
      design: { kind: 'lhs' as const, n: 20, seed: 4 },
      outcomes: ['V.timeToPeak'],
    };
    const first = await value({ cohortQuantile: { options, q: 0.5 } });
    expect(await value({ cohortQuantile: { options, q: 0.5 } })).toBe(first);
    // A later peak for a lower p: the cohort's median day lies within the range of its 20 patients' days.
    expect(first).toBeGreaterThan(1);
    expect(first).toBeLessThan(6);
  });
});
