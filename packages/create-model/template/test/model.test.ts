import { ModelRegistry, runScenarioSync } from '@immunotwin/engine';
import { describe, expect, it } from 'vitest';
import { plugin } from '../src/model.js';

/** Runs a scenario of the model with the engine, as a kernel or a workbench does. */
function run(scenario: Record<string, unknown>) {
  const registry = new ModelRegistry();
  registry.register(plugin);
  return runScenarioSync(registry.resolve({ model: plugin.manifest.id, ...scenario })).runs[0];
}

describe('the model run by the engine', () => {
  it('halves the antibody every half-life (21 days by default)', () => {
    const { time, observables } = run({ duration: 42, outputInterval: 21 });
    expect([...time]).toEqual([0, 21, 42]);
    // 100 AU/mL, then 50 after one half-life and 25 after two.
    expect(observables.A[1]).toBeCloseTo(50, 9);
    expect(observables.A[2]).toBeCloseTo(25, 9);
  });

  it('adds a booster dose on top of what is left', () => {
    const { observables } = run({
      duration: 21,
      outputInterval: 21,
      interventions: [{ kind: 'boost', start: 0, dose: 300 }],
    });
    // (100 + 300) halved.
    expect(observables.A[1]).toBeCloseTo(200, 9);
  });
});
