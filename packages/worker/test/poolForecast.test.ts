/**
 * Forecasts on the worker pool: the members of a forecast and of both arms of a counterfactual run as pool tasks and
 * give, to the bit, what they give in this thread, with 1 worker and with 2.
 */
import { describe, expect, it } from 'vitest';
import {
  assimilateScenario,
  counterfactual,
  forecastEnsemble,
  resolveScenario,
  runScenarioSync,
  scenarioTwin,
  type AssimilationSpec,
} from '@immunotwin/engine';
import { targetCellLimited } from '@immunotwin/model-within-host';
import { poolForecastRunner } from '../src/pool/forecastRunner.js';
import { builtNodePools } from './builtPackage.js';

const pools = builtNodePools();

const scenario = { model: 'target-cell-limited', duration: 6, outputInterval: 1 };
/** log10 V of the twin at its defaults on days 1–3, shifted by a fixed pattern (a stand-in for noise). */
const values = Array.from(runScenarioSync(resolveScenario(targetCellLimited, scenario)).runs[0]!.observables.V!)
  .slice(1, 4)
  .map((v, i) => Math.log10(v) + 0.2 * ((i % 3) - 1));
const spec: AssimilationSpec = {
  scenario,
  observation: {
    observations: [{ observable: 'log10V', expression: 'log10(V)', noise: { kind: 'gaussian', sigma: 0.3 } }],
  },
  estimate: { beta: 1, c: 0.5 },
};
const data = [
  { name: 'synthetic', source: 'test', observable: 'log10V', unit: 'log10 TCID50/mL', time: [1, 2, 3], values },
];

describe('forecasts on the worker pool', () => {
  it('give the same forecast and counterfactual, to the bit, as in this thread, with 1 and 2 workers', async () => {
    // 50 members: 4 batches (16, 16, 16, 2), so 2 workers share them out and a short last batch is included.
    const run = await assimilateScenario(targetCellLimited, spec, data, { members: 50, seed: 3 });
    const treatment = { kind: 'oseltamivir', start: 3, stop: 6, dose: 75 };
    const treated = scenarioTwin(targetCellLimited, { ...run.spec, treatment }).model;
    const times = Array.from({ length: 13 }, (_, k) => 3 + k * 0.25);
    const options = { seed: 3, times };
    const inThread = await forecastEnsemble(run.twin.model, run.ensemble, options);
    const arms = { baseline: run.twin.model, treated };
    const effectInThread = await counterfactual(run.ensemble, arms, options);
    // The drug acts: a real difference to compare, not two copies of the same course.
    expect(effectInThread.effect.observables.log10V!.median[12]).toBeLessThan(-0.5);
    for (const size of [1, 2]) {
      const pool = pools.pool(size);
      const done: number[] = [];
      const onPool = await forecastEnsemble(run.twin.model, run.ensemble, {
        ...options,
        runMembers: poolForecastRunner(pool, run.spec),
        onProgress: (n) => done.push(n),
      });
      expect(onPool).toEqual(inThread);
      expect(done.at(-1)).toBe(50);
      const effect = await counterfactual(run.ensemble, arms, {
        ...options,
        runMembers: {
          baseline: poolForecastRunner(pool, run.spec),
          treated: poolForecastRunner(pool, { ...run.spec, treatment }),
        },
      });
      expect(effect).toEqual(effectInThread);
    }
  });

  it('cancel: the forecast rejects with the reason', async () => {
    const run = await assimilateScenario(targetCellLimited, spec, data, { members: 64, seed: 3 });
    const pool = pools.pool(2);
    const controller = new AbortController();
    const forecast = forecastEnsemble(run.twin.model, run.ensemble, {
      seed: 1,
      times: [3, 6],
      runMembers: poolForecastRunner(pool, run.spec),
      signal: controller.signal,
    });
    controller.abort(new Error('stop'));
    await expect(forecast).rejects.toThrow('stop');
  });
});
