import { describe, expect, it } from 'vitest';
import { ModelRegistry, ReplicateRun, resolveScenario, runScenarioSync, simulateSync } from '../src/index.js';
import { decayModel } from './fixtures/decayModel.js';
import { dyingAgentsModel } from './fixtures/dyingAgents.js';

const scenario = { model: 'dying-agents-test', method: 'agent' } as const;

describe('stepped (agent-based) models', () => {
  it('register without a reaction network when they only offer the agent method', () => {
    new ModelRegistry().register(dyingAgentsModel);
  });

  it('are stepped with steps no longer than their dt and land exactly on every sample time', () => {
    const { runs } = simulateSync(dyingAgentsModel, { ...scenario, duration: 2, outputInterval: 0.5 });
    // dt = 0.3 does not divide 0.5: steps are shortened to hit 0.5, 1.0, … and the clock sums them.
    const clock = Array.from(runs[0].observables.clock);
    expect(clock.map((t, i) => Math.abs(t - runs[0].time[i]) < 1e-12)).toEqual(clock.map(() => true));
    expect(runs[0].work).toBe(8); // per interval of 0.5: steps of 0.3 and 0.2
  });

  it('average to the exponential survival law N0·e^(−kt) over replicates', () => {
    const result = simulateSync(dyingAgentsModel, {
      ...scenario,
      duration: 3,
      outputInterval: 1,
      replicates: 20,
      seed: 3,
    });
    const p = Math.exp(-0.4 * 3);
    const se = Math.sqrt((2000 * p * (1 - p)) / 20);
    expect(Math.abs(result.summary!.observables.alive.mean[3] - 2000 * p)).toBeLessThan(5 * se);
  });

  it('receive lasting interventions at their start and stop, and one-off ones once', () => {
    const { runs } = simulateSync(dyingAgentsModel, {
      ...scenario,
      duration: 5,
      outputInterval: 0.5,
      interventions: [
        { kind: 'protect', start: 1, stop: 3 },
        { kind: 'cull', start: 4, fraction: 1 },
      ],
    });
    const alive = Array.from(runs[0].observables.alive);
    expect(new Set(alive.slice(2, 7)).size).toBe(1); // t = 1 … 3: nobody dies
    expect(alive[7]).toBeLessThan(alive[6]); // deaths resume after the stop
    expect(alive.slice(8)).toEqual([0, 0, 0]); // culled completely at t = 4
  });

  it('are reproducible per (seed, replicate) whatever order the replicates run in', () => {
    const resolved = resolveScenario(dyingAgentsModel, { ...scenario, replicates: 3, seed: 8 });
    const forward = runScenarioSync(resolved);
    const backward = runScenarioSync(resolved, { replicateIndices: [2, 1, 0] });
    for (const run of backward.runs) {
      expect(Array.from(run.observables.alive)).toEqual(
        Array.from(forward.runs[run.metadata.replicate].observables.alive),
      );
    }
    expect(Array.from(forward.runs[0].observables.alive)).not.toEqual(Array.from(forward.runs[1].observables.alive));
  });

  it('refuse reaction-network initial conditions, naming where their state comes from', () => {
    expect(() => resolveScenario(dyingAgentsModel, { ...scenario, initial: { alive: 5 } })).toThrow(
      /initial\.alive: model "dying-agents-test" takes its initial state from its parameters/,
    );
  });
});

describe('a replicate run of a model with space', () => {
  it('shows the model at the last recorded sample, as copies, and nothing for a model without space', () => {
    const resolved = resolveScenario(dyingAgentsModel, { ...scenario, duration: 2, outputInterval: 0.5, seed: 4 });
    const run = new ReplicateRun(resolved, 0);
    expect(run.time).toBeUndefined();
    run.step();
    run.step();
    run.step();
    expect(run.time).toBe(1);
    const view = run.view()!;
    const alive = run.frame(0).observables.alive;
    expect(view.cells.reduce((sum, state) => sum + state, 0)).toBe(alive[alive.length - 1]);
    expect(view.fields.clock.values[0]).toBeCloseTo(1, 6);
    view.cells.fill(0); // a copy: the model is untouched
    expect(run.view()!.cells.reduce((sum, state) => sum + state, 0)).toBe(alive[alive.length - 1]);
    const ode = new ReplicateRun(resolveScenario(decayModel, { model: 'decay-test' }), 0);
    ode.step();
    expect(ode.view()).toBeUndefined();
  });
});
