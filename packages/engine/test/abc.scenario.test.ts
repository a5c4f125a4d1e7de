import { describe, expect, it } from 'vitest';
import {
  abcSmc,
  logNormalDistribution,
  runScenarioSync,
  scenarioAbcProblem,
  uniformDistribution,
  type RunResult,
} from '@immunotwin/engine';
import { immigrationDeathScenario } from './assimilation/immigrationDeath.js';

/** Mean virions over days 5 … 30 of a run (sampled daily): the summary statistic. */
function meanVirions(run: RunResult): number {
  const V = run.observables.V;
  let sum = 0;
  for (let k = 5; k < V.length; k++) sum += V[k];
  return sum / (V.length - 5);
}

describe('ABC-SMC on an SSA twin scenario', () => {
  const scenario = immigrationDeathScenario({ method: 'ssa', outputInterval: 1, seed: 123 });
  const observed = meanVirions(runScenarioSync(scenario).runs[0]);

  it('concentrates the production rate around the value that made the data', async () => {
    // The data come from p = 20, c = 0.5 (stationary mean p/c = 40). The summary's sampling sd is about
    // √(40/26 · (1 + 2e^{−0.5}/(1 − e^{−0.5}))) ≈ 2.3 virions, i.e. ≈ 1.2 in p: the ABC posterior must hold the truth
    // within 3 of its sds, and be far narrower than the prior (uniform on [1, 100], sd 28.6).
    const problem = scenarioAbcProblem(scenario, {
      parameters: [{ id: 'p', prior: uniformDistribution(1, 100) }],
      distance: (run) => Math.abs(meanVirions(run) - observed),
    });
    for (const seed of [1, 2]) {
      const result = await abcSmc(problem, { seed, particles: 300, maxGenerations: 8 });
      const { particles, weights } = result.posterior;
      let mean = 0;
      particles.forEach((p, i) => (mean += weights[i] * p));
      let variance = 0;
      particles.forEach((p, i) => (variance += weights[i] * (p - mean) ** 2));
      const sd = Math.sqrt(variance);
      expect(Math.abs(mean - 20)).toBeLessThanOrEqual(3 * sd);
      expect(sd).toBeLessThan(28.6 / 5);
    }
  }, 60_000);

  it('refuses a prior outside the parameter range and an unknown parameter, naming them', () => {
    const distance = (): number => 0;
    expect(() =>
      scenarioAbcProblem(scenario, { parameters: [{ id: 'c', prior: logNormalDistribution(0, 1) }], distance }),
    ).toThrow('parameters[0].prior must be inside c\'s range [0.001, 100]; got "support [0, Infinity]"');
    expect(() =>
      scenarioAbcProblem(scenario, { parameters: [{ id: 'q', prior: uniformDistribution(0, 1) }], distance }),
    ).toThrow('parameters[0].id must be a parameter of "immigration-death" (p, c, V0); got "q"');
  });
});
