/**
 * Fits on the worker pool: the starts, profiles and bootstrap replicates of a fit of the target-cell-limited twin run
 * as pool tasks and give, to the bit, what the same fit gives in this thread, with 1 worker and with 2.
 */
import { describe, expect, it } from 'vitest';
import { estimateParameters, runScenarioSync, scenarioFitProblem, resolveScenario } from '@immunotwin/engine';
import { targetCellLimited } from '@immunotwin/model-within-host';
import { poolTaskRunner } from '../src/pool/fitTaskRunner.js';
import type { IFitProblemSpec } from '../src/pool/poolTask.js';
import { builtNodePools } from './builtPackage.js';

const pools = builtNodePools();

const scenario = { model: 'target-cell-limited', duration: 6, outputInterval: 1 };
/** log10 V of the twin at its defaults on days 1–6, shifted by a fixed pattern (a stand-in for noise). */
const values = Array.from(runScenarioSync(resolveScenario(targetCellLimited, scenario)).runs[0]!.observables.V!)
  .slice(1)
  .map((v, i) => Math.log10(v) + 0.2 * ((i % 3) - 1));
const spec: IFitProblemSpec = {
  experiments: [
    {
      scenario,
      data: [
        {
          name: 'synthetic',
          source: 'the twin at its defaults',
          observable: 'log10V',
          unit: 'log10 TCID50/mL',
          time: [1, 2, 3, 4, 5, 6],
          values,
        },
      ],
    },
  ],
  observation: {
    observations: [{ observable: 'log10V', expression: 'log10(V)', noise: { kind: 'gaussian', sigma: 0.3 } }],
  },
  parameters: [
    { id: 'beta', lower: 1e-6, upper: 1e-4, scale: 'log' },
    { id: 'p', lower: 1e-3, upper: 1, scale: 'log' },
  ],
};

describe('multi-start fits on the worker pool', () => {
  it('give the same starts, profiles and bootstrap, to the bit, as in this thread, with 1 and 2 workers', async () => {
    const problem = scenarioFitProblem({ plugin: targetCellLimited, ...spec });
    const options = { starts: 4, seed: 5, bootstrap: 3 };
    const inThread = await estimateParameters(problem, options);
    expect(inThread.starts.results.every((s) => s.converged)).toBe(true);
    for (const size of [1, 2]) {
      const pool = pools.pool(size);
      const stages: string[] = [];
      const onPool = await estimateParameters(problem, {
        ...options,
        runTasks: poolTaskRunner(pool, spec),
        onProgress: (p) => stages.push(`${p.stage} ${p.done}/${p.total}`),
      });
      expect(onPool).toEqual(inThread);
      expect(stages).toContain('starts 4/4');
      expect(stages).toContain('profiles 2/2');
      expect(stages.at(-1)).toBe('bootstrap 3/3');
    }
  });

  it('cancel: the fit rejects with the reason', async () => {
    const pool = pools.pool(2);
    const controller = new AbortController();
    const starts = [
      [1e-5, 0.01],
      [2e-5, 0.1],
      [5e-5, 0.5],
    ].map((start) => ({ kind: 'start' as const, start, options: {} }));
    const run = pool.fitTasks(spec, starts, { signal: controller.signal });
    controller.abort(new Error('stopped by the user'));
    await expect(run).rejects.toThrow('stopped by the user');
  });
});
