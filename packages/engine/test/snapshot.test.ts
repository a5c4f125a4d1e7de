import { describe, expect, it } from 'vitest';
import { ReplicateRun, resolveScenario, type ModelPlugin, type RunResult } from '../src/index.js';
import { decayModel } from './fixtures/decayModel.js';
import { dyingAgentsModel } from './fixtures/dyingAgents.js';

const columns = (result: RunResult): number[][] => Object.values(result.observables).map((c) => Array.from(c));

/** Runs `scenario` straight through, and again stopping after `at` samples to snapshot and restore. */
function straightAndRestored(plugin: ModelPlugin, scenario: unknown, at: number): [RunResult, RunResult] {
  const resolved = resolveScenario(plugin, scenario);
  const straight = new ReplicateRun(resolved, 1).runToEnd();
  const first = new ReplicateRun(resolved, 1);
  for (let i = 0; i < at; i++) first.step();
  // A structured clone stands in for the trip to another worker (or a saved file).
  const snapshot = structuredClone(first.snapshot());
  first.runToEnd(); // the original may go on; the snapshot must not share its arrays
  const restored = ReplicateRun.restore(resolved, snapshot).runToEnd();
  return [straight, restored];
}

const interventions = [
  { kind: 'slowdown', start: 1.3, stop: 3.7, factor: 0.3 },
  { kind: 'dose', start: 2.05, amount: 400 },
];

describe('run snapshots', () => {
  it.each([
    ['ode (Dormand–Prince)', { method: 'ode' }],
    ['ode (Rosenbrock)', { method: 'ode', solver: { stiff: true } }],
    ['ssa', { method: 'ssa', seed: 4 }],
    ['tau-leaping', { method: 'tau-leaping', seed: 4, parameters: { A0: 1e6, s: 1e5 } }],
  ])('continue a %s run bit-identically, mid-intervention included', (_, extra) => {
    for (const at of [1, 7, 12]) {
      const scenario = { model: 'decay-test', duration: 6, outputInterval: 0.25, interventions, ...extra };
      const [straight, restored] = straightAndRestored(decayModel, scenario, at);
      expect(columns(restored)).toEqual(columns(straight));
      expect(restored.work).toBe(straight.work);
    }
  });

  it('continue a stepped (agent) run bit-identically, including its random stream', () => {
    const scenario = {
      model: 'dying-agents-test',
      method: 'agent',
      duration: 4,
      outputInterval: 0.5,
      interventions: [{ kind: 'protect', start: 1, stop: 2.2 }],
    };
    const [straight, restored] = straightAndRestored(dyingAgentsModel, scenario, 3);
    expect(columns(restored)).toEqual(columns(straight));
  });

  it('refuse a snapshot of another scenario with a clear message', () => {
    const run = new ReplicateRun(resolveScenario(decayModel, { model: 'decay-test', duration: 2 }), 0);
    run.step();
    const other = resolveScenario(decayModel, { model: 'decay-test', duration: 3 });
    expect(() => ReplicateRun.restore(other, run.snapshot())).toThrow(
      /snapshot is of model "decay-test" with 5 samples; the scenario is of "decay-test" with 7/,
    );
  });
});

describe('run progress', () => {
  it('counts recorded samples: 0 before the first, 1 only once the last is in', () => {
    const run = new ReplicateRun(
      resolveScenario(decayModel, { model: 'decay-test', duration: 2, outputInterval: 0.5 }),
      0,
    );
    const seen = [run.progress];
    while (!run.done) {
      run.step();
      seen.push(run.progress);
    }
    expect(seen).toEqual([0, 0, 0.25, 0.5, 0.75, 1]);
  });
});

describe('run frames', () => {
  it('stream the samples recorded since the last frame, as copies', () => {
    const resolved = resolveScenario(decayModel, { model: 'decay-test', duration: 2, outputInterval: 0.5 });
    const run = new ReplicateRun(resolved, 0);
    run.step();
    run.step();
    const first = run.frame(0);
    expect(first.start).toBe(0);
    expect(Array.from(first.time)).toEqual([0, 0.5]);
    run.step();
    const second = run.frame(run.samplesRecorded - 1);
    expect(second.start).toBe(2);
    expect(Array.from(second.time)).toEqual([1]);
    const result = run.runToEnd();
    expect(Array.from(first.observables.A)).toEqual(Array.from(result.observables.A.slice(0, 2)));
    first.observables.A[0] = -1; // a copy: the run's own columns are untouched
    expect(result.observables.A[0]).toBe(1000);
    expect(run.frame(99).time.length).toBe(0);
  });
});
