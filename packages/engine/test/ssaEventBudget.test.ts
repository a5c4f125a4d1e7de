import { describe, expect, it } from 'vitest';
import { innateAdaptive } from '@immunotwin/model-within-host';
import { ModelRegistry, runScenarioSync, ValidationError, type Scenario } from '../src/index.js';

const registry = new ModelRegistry();
registry.register(innateAdaptive);

/** The small SSA scenario the fuzz tests start from: 200 target cells, 5 virions, 10 T and 10 B cells. */
const small: Scenario = {
  model: 'virus-innate-adaptive',
  method: 'ssa',
  parameters: { U0: 200, V0: 5, T0: 10, B0: 10 },
  duration: 1,
  outputInterval: 0.25,
  seed: 3,
};

describe('the exact SSA event budget', () => {
  it('refuses, as a ValidationError instead of a ScenarioRunError after 1e8 events, a run found by fuzzing: initial.I = 1723751546 infected cells', () => {
    // δ·I = 5.2/day × 1.72e9 cells ≈ 9.0e9 deaths per day over the 1-day run, far above the 1e8 events a
    // replicate may fire (the direct method used to stop at 1e8 events in the first interval after ~25 s of work).
    const scenario = registry.resolve({ ...small, initial: { I: 1723751546 } });
    let error: unknown;
    try {
      runScenarioSync(scenario);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ValidationError);
    const issue = (error as ValidationError).issues[0];
    expect(issue.path).toBe('method');
    expect(issue.message).toMatch(
      /^exact SSA would fire about 9\.0e\+9 reaction events over the run \(1 day\) at the starting amounts/,
    );
    expect(issue.message).toContain('mostly "infectedDeath"');
    expect(issue.message).toContain('allowed: at most 100000000 per replicate');
    expect(issue.message).toContain('Use method "tau-leaping" or "ode"');
  });

  it('refuses a large antibody pool (initial.A = 2147483635, found by fuzzing: it ran ~20 s before)', () => {
    // Neutralisation k_A·V·A = 0.01 × 5 × 2.15e9 ≈ 1.07e8 and decay d_A·A = 0.033 × 2.15e9 ≈ 7.1e7 events per day:
    // ≈ 1.8e8 over the 1-day run, above 1e8.
    const scenario = registry.resolve({ ...small, initial: { A: 2147483635 } });
    expect(() => runScenarioSync(scenario)).toThrow(
      /about 1\.8e\+8 reaction events over the run \(1 day\) at the starting amounts, mostly "neutralisation"/,
    );
  });

  it('still runs the small scenario (its starting rates fire a few hundred events per interval)', () => {
    const result = runScenarioSync(registry.resolve(small));
    expect(result.runs[0].time.length).toBe(5);
    expect(result.runs[0].work).toBeGreaterThan(0);
    expect(result.runs[0].work).toBeLessThan(1e5);
  });
});
