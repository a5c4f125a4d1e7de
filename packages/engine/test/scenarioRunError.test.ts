import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ScenarioRunError, simulate, simulateSync, type ModelPlugin } from '../src/index.js';
import { decayModel } from './fixtures/decayModel.js';

/**
 * A is removed at k·1000/(A − floor) per day, a rate that diverges as A falls to the floor: a valid scenario
 * (every value in range) whose run fails in the solver. The CLI's tests run the same manifest file.
 */
const divergingDecay: ModelPlugin = {
  manifest: JSON.parse(readFileSync(new URL('./fixtures/divergingDecay.manifest.json', import.meta.url), 'utf8')),
};

describe('a run that fails in the solver', () => {
  it('is a ScenarioRunError: when, why, and the values that differ from the defaults', () => {
    let error: unknown;
    try {
      simulateSync(divergingDecay, { model: 'diverging-decay', duration: 10, parameters: { k: 20, floor: 600 } });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ScenarioRunError);
    const failure = error as ScenarioRunError;
    expect(failure.message).toMatch(/^the run of "diverging-decay" failed before t = \d+(\.\d+)? \(replicate 0\): /);
    expect(failure.message).toMatch(
      /The values that led to it: parameters k = 20, floor = 600; method ode; solver rtol/,
    );
    expect(failure.cause).toBeInstanceOf(Error);
    expect((failure.cause as Error).message.length).toBeGreaterThan(0);
    // dA/dt = −k·1000/(A − floor) gives (A − floor)² = (A0 − floor)² − 2·k·1000·t: A reaches the floor, where
    // the rate diverges, at t = 400²/(2·20·1000) = 4 days; the sample being computed is the next, at 4.5.
    expect(failure.time).toBe(4.5);
    expect(failure.message).toMatch(/at t = 4\.0000/);
  });

  it('is not raised for a cancelled run: the cancellation stays a cancellation', async () => {
    const controller = new AbortController();
    controller.abort();
    const run = simulate(decayModel, { model: 'decay-test' }, { signal: controller.signal });
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
  });
});

/**
 * Found by fuzzing SBML: A is converted at k·A/(A + 0.5) with k = 2^53 per day. A falls to ~0 at once, after which
 * the rate 2k·A makes the ODE stiff beyond any explicit step: steps of ~4e-16 days.
 */
const saturatingDecay: ModelPlugin = {
  manifest: {
    ...structuredClone(decayModel.manifest),
    id: 'saturating-decay',
    parameters: decayModel.manifest.parameters.map((p) => (p.id === 'k' ? { ...p, max: 2 ** 53 } : p)),
    network: {
      species: [{ id: 'A', label: 'A', unit: 'molecules', initial: 'A0' }],
      reactions: [{ id: 'decay', reactants: { A: 1 }, products: {}, law: 'custom', rate: 'k * A / (A + 0.5)' }],
    },
  },
};

describe('an ODE that needs more than maxSteps steps between two samples', () => {
  it('fails as a ScenarioRunError after 1e6 steps (sampling stepped without a limit, and the run never ended)', () => {
    let error: unknown;
    try {
      simulateSync(saturatingDecay, {
        model: 'saturating-decay',
        parameters: { k: 2 ** 53 },
        duration: 1,
        outputInterval: 0.5,
      });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ScenarioRunError);
    expect((error as ScenarioRunError).time).toBe(0.5);
    expect((error as Error).message).toMatch(
      /Dormand–Prince 5\(4\): exceeded maxSteps = 1000000 while integrating from t = 0 to 0\.5 \(reached t = /,
    );
    // The advice names the scenario's switch, not only the solveOde method name.
    expect((error as Error).message).toContain('solver: { stiff: true }');
  });
});
