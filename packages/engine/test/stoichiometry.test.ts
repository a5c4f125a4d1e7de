import { describe, expect, it } from 'vitest';
import { checkPlugin, ModelRegistry, runScenarioSync, ValidationError, type ModelManifest } from '../src/index.js';
import { decayModel } from './fixtures/decayModel.js';

/** The decay test model with the decay reaction consuming `order` A at once. */
function withDecayOrder(order: number): ModelManifest {
  const manifest = structuredClone(decayModel.manifest);
  manifest.network!.reactions[0].reactants = { A: order };
  return manifest;
}

describe('stoichiometric coefficients', () => {
  it('above 100 are refused naming the reaction (fuzzing found 2^53, which crashed the process compiling k·A^n)', () => {
    for (const order of [2 ** 53, 169220804, 101]) {
      let error: unknown;
      try {
        checkPlugin({ manifest: withDecayOrder(order) });
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).issues[0]).toEqual({
        path: 'network.reactions[0].reactants.A',
        message: `must be ≤ 100; got ${order} (how many of the species take part: a whole number from 1 to 100)`,
      });
    }
  });

  it('up to 100 are accepted and run (a 3rd-order decay of A0 = 1000 at k = 0.5 is at 0.183 on day 10)', () => {
    checkPlugin({ manifest: withDecayOrder(100) });
    const registry = new ModelRegistry();
    registry.register({ manifest: withDecayOrder(3) });
    const run = runScenarioSync(registry.resolve({ model: 'decay-test', duration: 10, outputInterval: 10 })).runs[0];
    // dA/dt = −3·k·A³ (three A consumed per event of rate k·A³) ⇒ A(t) = (A0^-2 + 6·k·t)^(-1/2) = 0.1826 at t = 10.
    expect(run.observables.A[1]).toBeCloseTo((1000 ** -2 + 6 * 0.5 * 10) ** -0.5, 6);
  });
});
