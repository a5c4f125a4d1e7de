import { expect } from 'vitest';
import {
  ModelRegistry,
  ReplicateRun,
  resolveScenario,
  simulateSync,
  type RunResult,
  type Scenario,
  type ScenarioResult,
  type TissueView,
} from '@immunotwin/engine';
import { builtInModels } from '@immunotwin/models';
import { withinHostModels } from '@immunotwin/model-within-host';
import type { ISessionFrame, ISessionResult } from '../src/index.js';

const registry = new ModelRegistry();
for (const plugin of withinHostModels) registry.register(plugin);

/** A seeded SSA ensemble: three replicates of the bacteria model near its clearance threshold (~50 ms). */
export const ssaScenario = {
  model: 'bacteria-innate',
  method: 'ssa',
  seed: 7,
  duration: 24,
  outputInterval: 0.25,
  replicates: 3,
  parameters: { P0: 10000 },
} as const;

/** An ODE run with a lasting intervention, so a snapshot can fall between its start and stop. */
export const odeScenario = {
  model: 'virus-innate-adaptive',
  duration: 10,
  outputInterval: 0.05,
  interventions: [{ kind: 'antiviral', start: 3, stop: 6, efficacy: 0.8 }],
} as const;

/** The engine's own synchronous run of a scenario, the reference every session run must reproduce. */
export function reference(scenario: unknown): ScenarioResult {
  const model = (scenario as { model: string }).model;
  return simulateSync(registry.get(model), scenario);
}

/** The engine's error for an invalid scenario (to compare messages with). */
export function engineError(scenario: unknown): Error {
  const model = (scenario as { model: string }).model;
  try {
    resolveScenario(registry.get(model), scenario);
  } catch (error) {
    return error as Error;
  }
  throw new Error('the scenario is valid');
}

/** Asserts two arrays hold the same float64 values bit for bit (Object.is per element). */
export function expectBitIdentical(actual: ArrayLike<number>, expected: ArrayLike<number>, label: string): void {
  expect(actual.length, `${label}: length`).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) {
    if (!Object.is(actual[i], expected[i])) {
      expect.fail(`${label}[${i}]: got ${actual[i]}, expected ${expected[i]}`);
    }
  }
}

/** Asserts two lists of runs have bit-identical times and observables and equal metadata. */
export function expectSameRuns(actual: readonly RunResult[], expected: readonly RunResult[]): void {
  expect(actual.length).toBe(expected.length);
  expected.forEach((run, r) => {
    expect(actual[r].time).toBeInstanceOf(Float64Array);
    expectBitIdentical(actual[r].time, run.time, `run ${r} time`);
    expect(Object.keys(actual[r].observables)).toEqual(Object.keys(run.observables));
    for (const [id, values] of Object.entries(run.observables)) {
      expect(actual[r].observables[id]).toBeInstanceOf(Float64Array);
      expectBitIdentical(actual[r].observables[id], values, `run ${r} ${id}`);
    }
    expect(actual[r].metadata).toEqual(run.metadata);
    expect(actual[r].work).toBe(run.work);
  });
}

/** Asserts a session result equals the engine's reference result, summary bands included. */
export function expectSameResult(actual: ISessionResult, expected: ScenarioResult): void {
  expectSameRuns(actual.runs, expected.runs);
  if (!expected.summary) {
    expect(actual.summary).toBeUndefined();
    return;
  }
  expect(actual.summary?.quantiles).toEqual(expected.summary.quantiles);
  for (const [id, s] of Object.entries(expected.summary.observables)) {
    const got = actual.summary!.observables[id];
    expectBitIdentical(got.mean, s.mean, `mean ${id}`);
    expectBitIdentical(got.median, s.median, `median ${id}`);
    s.bands.forEach((band, i) => expectBitIdentical(got.bands[i], band, `band ${i} ${id}`));
  }
}

/**
 * Joins frames into one series per replicate, checking that each frame starts where the previous one of
 * its replicate ended (frames carry only new samples) and is not empty.
 */
export function joinFrames(frames: readonly ISessionFrame[], firstStart = 0): Map<number, RunResult> {
  const joined = new Map<number, { time: number[]; observables: Record<string, number[]> }>();
  for (const frame of frames) {
    let series = joined.get(frame.replicate);
    if (!series) {
      series = { time: [], observables: {} };
      joined.set(frame.replicate, series);
      expect(frame.start, `first frame of replicate ${frame.replicate}`).toBe(firstStart);
    } else expect(frame.start, `frame of replicate ${frame.replicate}`).toBe(series.time.length);
    expect(frame.time.length).toBeGreaterThan(0);
    expect(frame.time).toBeInstanceOf(Float64Array);
    series.time.push(...frame.time);
    for (const [id, values] of Object.entries(frame.observables)) {
      expect(values).toBeInstanceOf(Float64Array);
      expect(values.length).toBe(frame.time.length);
      (series.observables[id] ??= []).push(...values);
    }
  }
  return new Map(
    [...joined].map(([r, s]) => [
      r,
      {
        time: Float64Array.from(s.time),
        observables: Object.fromEntries(Object.entries(s.observables).map(([id, v]) => [id, Float64Array.from(v)])),
      } as RunResult,
    ]),
  );
}

/** Asserts joined frames equal the runs' series bit for bit (runs[i] is replicate firstReplicate + i). */
export function expectFramesMatch(
  joined: Map<number, RunResult>,
  runs: readonly RunResult[],
  firstReplicate = 0,
): void {
  expect([...joined.keys()].sort()).toEqual(runs.map((_, i) => firstReplicate + i));
  runs.forEach((run, i) => {
    const r = firstReplicate + i;
    const got = joined.get(r)!;
    expectBitIdentical(got.time, run.time, `frames of run ${r}: time`);
    for (const [id, values] of Object.entries(run.observables)) {
      expectBitIdentical(got.observables[id], values, `frames of run ${r}: ${id}`);
    }
  });
}

/** Resolves after `n` turns of the event loop (macrotasks), with no wall-clock assumption. */
export async function turns(n: number): Promise<void> {
  for (let i = 0; i < n; i++) await new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Waits, a turn of the event loop at a time, until `condition()` holds; fails after `maxTurns` turns
 * (so a broken pause or cancel fails fast instead of at the test timeout).
 */
export async function waitFor(
  condition: () => boolean | Promise<boolean>,
  what: string,
  maxTurns = 2000,
): Promise<void> {
  for (let i = 0; i < maxTurns; i++) {
    if (await condition()) return;
    await turns(1);
  }
  expect.fail(`gave up waiting for ${what} after ${maxTurns} turns of the event loop`);
}

/** Awaits a promise expected to reject, returning the error (of the type the caller expects). */
export async function rejection<E extends Error = Error>(promise: Promise<unknown>): Promise<E> {
  try {
    await promise;
  } catch (error) {
    return error as E;
  }
  throw new Error('expected the promise to reject');
}

/** A small lung section, one day: a few hundred ms of work. */
export const lungScenario: Scenario = { model: 'lung', seed: 7, duration: 1, parameters: { latticeSize: 40 } };

/** The lung's space at the end of the scenario, from a run of its own (the engine's, no session). */
export function lungViewAtEnd(): TissueView {
  const registry = new ModelRegistry();
  for (const plugin of builtInModels) registry.register(plugin);
  const run = new ReplicateRun(registry.resolve(lungScenario), 0);
  while (!run.done) run.step();
  return run.view()!;
}
