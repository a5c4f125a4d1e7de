/**
 * A fit over a region where the model's run fails: the diverging-decay test model (removal rate k·1000/(A − floor),
 * which reaches the floor, and fails in the solver, within the 3 days of the run when k > 125/3 ≈ 41.7).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  estimateParameters,
  resolveScenario,
  runScenarioSync,
  scenarioFitProblem,
  ScenarioRunError,
  type ModelPlugin,
} from '../src/index.js';

const plugin: ModelPlugin = {
  manifest: JSON.parse(readFileSync(new URL('./fixtures/divergingDecay.manifest.json', import.meta.url), 'utf8')),
};
const scenario = { model: 'diverging-decay', duration: 3, parameters: { k: 0.5, floor: 500 } };
const A = runScenarioSync(resolveScenario(plugin, { ...scenario, outputInterval: 1 })).runs[0]!.observables.A!;
const problem = scenarioFitProblem({
  plugin,
  experiments: [
    {
      scenario,
      data: [
        {
          name: 'A',
          source: 'k = 0.5',
          observable: 'A',
          unit: 'molecules',
          time: [1, 2, 3],
          values: Array.from(A.slice(1)),
        },
      ],
    },
  ],
  observation: { observations: [{ observable: 'A', noise: { kind: 'gaussian', sigma: 1 } }] },
  parameters: [{ id: 'k', lower: 0.01, upper: 100, scale: 'log', initial: 80 }],
});

describe('a fit where the model fails in part of the box', () => {
  it('counts a failed run as infinitely unlikely: the start there is reported, the others find k', async () => {
    expect(() => problem.evaluate(Float64Array.of(80))).toThrow(ScenarioRunError);
    const fit = await estimateParameters(problem, { starts: 4, seed: 2 });
    const [failed] = fit.starts.results;
    expect(failed!.start).toEqual([80]);
    expect(failed!.negLogLikelihood).toBeNull();
    expect(failed!.converged).toBe(false);
    expect(failed!.message).toMatch(/^the likelihood is not finite at the start: the run of "diverging-decay" failed/);
    // Noise-free data: the optimum is the truth up to the solver's tolerance.
    expect(Math.abs(fit.parameters[0]!.estimate / 0.5 - 1)).toBeLessThan(1e-6);
    expect(fit.parameters[0]!.profile!.upperReason).toBe('threshold');
  });
});
