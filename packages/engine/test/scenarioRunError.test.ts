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
