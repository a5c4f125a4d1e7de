import { describe, expect, it } from 'vitest';
import { ValidationError, type RunProgress } from '@immunotwin/engine';
import { builtInDescriptors, builtInModels } from '@immunotwin/models';
import { TwinSession, type ISessionFrame, type ISessionSnapshot } from '../src/index.js';
import {
  engineError,
  expectFramesMatch,
  expectSameResult,
  expectSameRuns,
  joinFrames,
  odeScenario,
  reference,
  ssaScenario,
  turns,
  rejection,
  waitFor,
} from './helpers.js';

describe('TwinSession: runs', () => {
  it.each([
    ['an SSA ensemble', ssaScenario],
    ['an ODE run with an intervention', odeScenario],
  ])('gives the numbers simulateSync gives for %s, bit for bit', async (_, scenario) => {
    const session = new TwinSession({ plugins: builtInModels });
    await session.create(scenario);
    const summary = await session.run();
    const expected = reference(scenario);
    expect(summary.replicates).toBe(expected.runs.length);
    expect(summary.samples).toBe(expected.runs[0].time.length);
    expect(summary.work).toBe(expected.runs.reduce((sum, run) => sum + run.work, 0));
    const result = await session.result();
    expectSameResult(result, expected);
    expect(result.scenario.parameters).toEqual(expected.scenario.parameters);
  });

  it('streams frames of only the new samples that, joined, equal the final result', async () => {
    const session = new TwinSession({ plugins: builtInModels });
    await session.create(ssaScenario);
    const frames: ISessionFrame[] = [];
    await session.run({ chunkMilliseconds: 0, onFrame: (frame) => void frames.push(frame) });
    const { runs } = await session.result();
    // One sample per chunk and a frame per chunk: every sample arrives exactly once, in order.
    expect(frames.length).toBe(runs.length * runs[0].time.length);
    expectFramesMatch(joinFrames(frames), runs);
    expectSameRuns(runs, reference(ssaScenario).runs);
  });

  it('sends fewer, larger frames under frameMilliseconds, still covering every sample', async () => {
    const session = new TwinSession({ plugins: builtInModels });
    await session.create(ssaScenario);
    const frames: ISessionFrame[] = [];
    await session.run({ chunkMilliseconds: 0, frameMilliseconds: 1e9, onFrame: (frame) => void frames.push(frame) });
    const { runs } = await session.result();
    // The first chunk of each replicate is sent at once, the rest when the replicate ends.
    expect(frames.length).toBe(2 * runs.length);
    expectFramesMatch(joinFrames(frames), runs);
  });

  it('reports progress that never falls and ends at exactly 1', async () => {
    const session = new TwinSession({ plugins: builtInModels });
    await session.create(ssaScenario);
    const seen: RunProgress[] = [];
    await session.run({ chunkMilliseconds: 0, onProgress: (p) => void seen.push(p) });
    expect(seen.length).toBeGreaterThan(10);
    for (let i = 1; i < seen.length; i++) expect(seen[i].fraction).toBeGreaterThanOrEqual(seen[i - 1].fraction);
    expect(seen[0]).toEqual({ fraction: 0, replicate: 0, replicates: 3, time: 0 }); // the sample at t = 0
    expect(seen.at(-1)).toMatchObject({ fraction: 1, replicates: 3, replicate: 2, time: 24 });
    expect(seen.filter((p) => p.fraction === 1)).toHaveLength(1);
    expect(await session.status()).toEqual({ state: 'ready', progress: 1, hasResult: true });
  });

  it('rejects bad run options naming the option', async () => {
    const session = new TwinSession({ plugins: builtInModels });
    await session.create(ssaScenario);
    const error = await rejection(session.run({ chunkMilliseconds: -1 }));
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.message).toBe('Invalid run options: chunkMilliseconds: must be a number of milliseconds ≥ 0; got -1');
  });

  it('refuses to run before a scenario exists, and reports no result before a run', async () => {
    const session = new TwinSession({ plugins: builtInModels });
    expect((await rejection(session.run())).message).toMatch(/no scenario yet: call create/);
    await session.create(ssaScenario);
    expect((await rejection(session.result())).message).toMatch(/no finished run/);
    expect(await session.status()).toEqual({ state: 'ready', progress: 0, hasResult: false });
  });
});

describe('TwinSession: scenarios and parameters', () => {
  it('rejects an invalid scenario with the engine ValidationError, message and issues intact', async () => {
    const bad = { ...ssaScenario, duration: 10, interventions: [{ kind: 'antibiotic', start: 50 }] };
    const error = await rejection(new TwinSession({ plugins: builtInModels }).create(bad));
    const expected = engineError(bad);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.message).toBe(expected.message);
    expect(error.message).toMatch(/^Invalid scenario: interventions\[0\]\.start: 50 is after the end of the run/);
    expect((error as ValidationError).issues).toEqual((expected as ValidationError).issues);
  });

  it('names an unknown model and lists the registered ones', async () => {
    const error = await rejection(new TwinSession({ plugins: builtInModels }).create({ model: 'no-such-model' }));
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.message).toBe(
      'Invalid scenario: model: unknown model "no-such-model"; known models: bacteria-innate, immune-system, influenza-resistance, lung, target-cell-limited, virus-innate-adaptive',
    );
  });

  it('rejects an out-of-range parameter with the engine message and keeps the old scenario', async () => {
    const session = new TwinSession({ plugins: builtInModels });
    await session.create(ssaScenario);
    const before = await session.scenario();
    const error = await rejection(session.setParameters({ P0: -5 }));
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.message).toBe(engineError({ ...ssaScenario, parameters: { P0: -5 } }).message);
    expect(error.message).toMatch(/^Invalid scenario: parameters\.P0: -5 is out of range; allowed: /);
    expect((await rejection(session.setParameters({ nope: 1 }))).message).toMatch(
      /^Invalid scenario: parameters\.nope: unknown parameter for model "bacteria-innate"/,
    );
    expect(await session.scenario()).toEqual(before);
    await session.run();
    expectSameRuns((await session.result()).runs, reference(ssaScenario).runs);
  });

  it('applies new parameter values to the next run', async () => {
    const session = new TwinSession({ plugins: builtInModels });
    await session.create(ssaScenario);
    await session.run();
    const first = await session.result();
    const explicit = await session.setParameters({ P0: 3000, dN: 0.5 });
    expect(explicit.parameters).toMatchObject({ P0: 3000, dN: 0.5 });
    await expect(session.result()).rejects.toThrow(/no finished run/);
    await session.run();
    const second = await session.result();
    const changed = { ...ssaScenario, parameters: { P0: 3000, dN: 0.5 } };
    expectSameResult(second, reference(changed));
    expect(second.runs[0].observables.P[0]).toBe(3000);
    expect(first.runs[0].observables.P[0]).toBe(10000);
  });

  it('merges top-level fields with setScenario and validates them', async () => {
    const session = new TwinSession({ plugins: builtInModels });
    await session.create(ssaScenario);
    await session.setScenario({ replicates: 2, duration: 12 });
    await session.run();
    expectSameResult(await session.result(), reference({ ...ssaScenario, replicates: 2, duration: 12 }));
    const error = await rejection(session.setScenario({ outputInterval: 100 }));
    expect(error.message).toMatch(/^Invalid scenario: outputInterval: 100 is longer than the run/);
  });

  it('lists its models and the current manifest', async () => {
    const session = new TwinSession({ plugins: builtInModels });
    expect((await session.models()).map((m) => m.id)).toEqual([
      'bacteria-innate',
      'immune-system',
      'influenza-resistance',
      'lung',
      'target-cell-limited',
      'virus-innate-adaptive',
    ]);
    await session.create(odeScenario);
    expect((await session.manifest()).id).toBe('virus-innate-adaptive');
    expect((await session.manifest('bacteria-innate')).title).toBeTruthy();
    const duplicate = await rejection(session.addPlugins([{ manifest: builtInModels[0]!.manifest }]));
    expect(duplicate).toBeInstanceOf(ValidationError);
    expect(duplicate.message).toMatch(
      /^Invalid model registration: \[0\]\.manifest\.id: a model "target-cell-limited" is already registered$/,
    );
    expect(await rejection(session.manifest('nope'))).toBeInstanceOf(ValidationError);
  });
});

describe('TwinSession: pause, resume and cancel', () => {
  it('sends no frame while paused, and finishes with the full result after resume', async () => {
    const session = new TwinSession({ plugins: builtInModels });
    await session.create(ssaScenario);
    const frames: ISessionFrame[] = [];
    let settled = false;
    const running = session
      .run({
        chunkMilliseconds: 0,
        onFrame: (frame) => {
          frames.push(frame);
          if (frames.length === 5) void session.pause();
        },
      })
      .finally(() => (settled = true));
    await waitFor(() => frames.length >= 5, 'five frames');
    // Unpaused, each of these turns would have brought another one-sample frame.
    await turns(25);
    expect(frames).toHaveLength(5);
    expect(settled).toBe(false);
    expect((await session.status()).state).toBe('paused');
    await expect(session.setParameters({ P0: 2000 })).rejects.toThrow(/while a run is paused; cancel it first/);
    await expect(session.run()).rejects.toThrow(/already paused/);
    await session.resume();
    await running;
    const { runs } = await session.result();
    expect(frames.length).toBe(runs.length * runs[0].time.length);
    expectFramesMatch(joinFrames(frames), runs);
    expectSameRuns(runs, reference(ssaScenario).runs);
  });

  it('cancels a running run with an AbortError, and the next run works', async () => {
    const session = new TwinSession({ plugins: builtInModels });
    await session.create(ssaScenario);
    let frames = 0;
    const running = session.run({
      chunkMilliseconds: 0,
      onFrame: () => {
        if (++frames === 3) void session.cancel();
      },
    });
    const error = await rejection(running);
    expect(error.name).toBe('AbortError');
    expect(frames).toBe(3);
    expect(await session.status()).toEqual({ state: 'ready', progress: 0, hasResult: false });
    await session.run();
    expectSameResult(await session.result(), reference(ssaScenario));
  });

  it('cancels a paused run, from outside any listener', async () => {
    const session = new TwinSession({ plugins: builtInModels });
    await session.create(odeScenario);
    let frames = 0;
    const running = session.run({
      chunkMilliseconds: 0,
      onFrame: () => {
        if (++frames === 2) void session.pause();
      },
    });
    await waitFor(async () => (await session.status()).state === 'paused', 'the run to pause');
    await session.cancel();
    expect((await rejection(running)).name).toBe('AbortError');
    // Usable at once: a parameter change and a new run.
    await session.setParameters({ beta: 1e-5 });
    await session.run();
    expectSameResult(await session.result(), reference({ ...odeScenario, parameters: { beta: 1e-5 } }));
  });
});

describe('TwinSession: snapshot and restore', () => {
  /** Runs `scenario` until `pauseAt` frames have arrived, pauses, and returns the snapshot and the paused run. */
  async function pausedSnapshot(scenario: unknown, pauseAt: number) {
    const session = new TwinSession({ plugins: builtInModels });
    await session.create(scenario);
    let frames = 0;
    const running = session.run({
      chunkMilliseconds: 0,
      onFrame: () => {
        if (++frames === pauseAt) void session.pause();
      },
    });
    await waitFor(async () => (await session.status()).state === 'paused', 'the run to pause');
    const snapshot = structuredClone(await session.snapshot()); // as if it crossed a worker boundary
    return { session, running, snapshot };
  }

  it.each([
    // Replicate 1 of 3, 30 of 97 samples in: one finished replicate and a stochastic state mid-way.
    ['an SSA ensemble (seeded)', ssaScenario, 97 + 30],
    // t = 4.5, between the antiviral's start (3) and stop (6).
    ['an ODE run with an intervention', odeScenario, 91],
  ])('continues %s in a new session, bit-identical to an uninterrupted run', async (_, scenario, pauseAt) => {
    const { session, running, snapshot } = await pausedSnapshot(scenario, pauseAt);
    const expected = reference(scenario);
    const samples = expected.runs[0].time.length;
    expect(snapshot.finished).toHaveLength(Math.floor(pauseAt / samples));
    expect(snapshot.current?.nextSample).toBe(pauseAt % samples);

    const restored = new TwinSession({ plugins: builtInModels });
    await restored.restore(snapshot);
    const covered = expected.runs[0].time[(pauseAt % samples) - 1] / expected.runs[0].time[samples - 1];
    expect((await restored.status()).progress).toBe((snapshot.finished.length + covered) / expected.runs.length);
    const frames: ISessionFrame[] = [];
    await restored.run({ onFrame: (frame) => void frames.push(frame) });
    expectSameResult(await restored.result(), expected);
    // The first frame after a restore carries the replicate in progress from its start.
    const current = snapshot.finished.length;
    expect(frames[0]).toMatchObject({ replicate: current, start: 0 });
    expectFramesMatch(joinFrames(frames), expected.runs.slice(current), current);

    // The original, resumed, finishes the same way.
    await session.resume();
    await running;
    expectSameResult(await session.result(), expected);
  });

  it('restores a finished run as a result', async () => {
    const session = new TwinSession({ plugins: builtInModels });
    await session.create(ssaScenario);
    await session.run();
    const restored = new TwinSession({ plugins: builtInModels });
    await restored.restore(await session.snapshot());
    expect(await restored.status()).toEqual({ state: 'ready', progress: 1, hasResult: true });
    expectSameResult(await restored.result(), reference(ssaScenario));
  });

  it('rejects a snapshot that does not fit, naming the field, and keeps its own state', async () => {
    const session = new TwinSession({ plugins: builtInModels });
    await session.create(odeScenario);
    const good = await session.snapshot();
    const wrongVersion = { ...good, version: 2 } as unknown as ISessionSnapshot;
    const error = await rejection(session.restore(wrongVersion));
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.message).toBe('Invalid session snapshot: version: must be 1 (the version this package reads); got 2');
    const { snapshot } = await pausedSnapshot(ssaScenario, 10);
    const mismatched = { ...snapshot, scenario: { ...snapshot.scenario, duration: 12 } };
    const misfit = await rejection(session.restore(mismatched));
    expect(misfit).toBeInstanceOf(ValidationError);
    expect(misfit.message).toMatch(/^Invalid session snapshot: current: /);
    expect((await session.scenario()).model).toBe('virus-innate-adaptive');
  });
});

describe('TwinSession: models added by descriptor', () => {
  it('lists them at once, loads a code model only when a scenario names it, and runs it as in process', async () => {
    const session = new TwinSession();
    await session.addPlugins(builtInDescriptors);
    expect((await session.models()).map((m) => m.id)).toEqual([
      'bacteria-innate',
      'immune-system',
      'influenza-resistance',
      'lung',
      'target-cell-limited',
      'virus-innate-adaptive',
    ]);
    // The manifest is there before the code: what a workbench needs to draw its controls.
    expect((await session.manifest('immune-system')).methods).toEqual(['agent']);
    const scenario = { model: 'immune-system', seed: 3, duration: 1, parameters: { latticeSize: 24 } };
    await session.create(scenario);
    await session.run();
    const inProcess = new TwinSession({ plugins: builtInModels });
    await inProcess.create(scenario);
    await inProcess.run();
    expectSameRuns((await session.result()).runs, (await inProcess.result()).runs);
  });

  it('refuses a second descriptor with a taken id, adding none of the batch', async () => {
    const session = new TwinSession();
    const [first] = builtInDescriptors;
    const error = await rejection(
      session.addPlugins([first!, { manifest: { ...first!.manifest, id: 'other' } }, first!]),
    );
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues).toEqual([
      { path: '[2].manifest.id', message: 'a model "target-cell-limited" is already registered' },
    ]);
    expect(await session.models()).toEqual([]);
  });

  it('names the model, the module and the provider when a code model cannot be loaded', async () => {
    const session = new TwinSession();
    const [first] = builtInDescriptors;
    await session.addPlugins([
      {
        manifest: { ...first!.manifest, id: 'lost-model' },
        module: '@immunotwin/no-such-package',
        provider: 'lost-plugin',
      },
    ]);
    const error = await rejection(session.create({ model: 'lost-model' }));
    expect(error.message).toMatch(
      /^could not load the code of model "lost-model" \(code at @immunotwin\/no-such-package, provided by lost-plugin\): /,
    );
  });
});
