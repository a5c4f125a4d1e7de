/**
 * The chunked run driver: results bit-identical to `runToEnd()`, yields between chunks, cancellation at a
 * boundary that leaves the run resumable, early stops at the exact sample, awaited hooks (back-pressure,
 * parking). Nothing here depends on wall-clock durations: budgets are 0 (one sample a chunk) or Infinity.
 */
import { describe, expect, it } from 'vitest';
import { ChunkBudget, ReplicateRun, resolveScenario, runInChunks } from '../src/index.js';
import { decayModel } from './fixtures/decayModel.js';

const scenario = resolveScenario(decayModel, {
  model: 'decay-test',
  method: 'ssa',
  parameters: { s: 50, k: 0.5 },
  duration: 5,
  outputInterval: 0.25,
  seed: 42,
});
const SAMPLES = 21;

const newRun = (): ReplicateRun => new ReplicateRun(scenario, 0);
const reference = (): Float64Array => newRun().runToEnd().observables.A;

/** Resolves after `n` turns of the event loop (macrotasks). */
async function turns(n: number): Promise<void> {
  for (let i = 0; i < n; i++) await new Promise((resolve) => setTimeout(resolve, 0));
}

describe('runInChunks', () => {
  it('runs to the end bit-identical to runToEnd, whatever the budget', async () => {
    for (const chunkMilliseconds of [0, Infinity, undefined]) {
      const run = newRun();
      await runInChunks(run, { chunkMilliseconds });
      expect(run.done).toBe(true);
      expect(run.result().observables.A).toEqual(reference());
    }
  });

  it('records at least one sample per chunk: with a budget of 0, exactly one', async () => {
    const run = newRun();
    const recordedAfterChunk: number[] = [];
    await runInChunks(run, {
      chunkMilliseconds: 0,
      afterChunk: (r) => void recordedAfterChunk.push(r.samplesRecorded),
    });
    expect(recordedAfterChunk).toEqual(Array.from({ length: SAMPLES }, (_, i) => i + 1));
  });

  it('yields to the event loop between chunks: a timer set before the run fires before it ends', async () => {
    const run = newRun();
    let recordedWhenTimerFired: number | undefined;
    setTimeout(() => (recordedWhenTimerFired = run.samplesRecorded), 0);
    await runInChunks(run, { chunkMilliseconds: 0 });
    expect(recordedWhenTimerFired).toBeGreaterThan(0);
    expect(recordedWhenTimerFired).toBeLessThan(SAMPLES);
  });

  it('rejects with the signal’s reason at a chunk boundary and leaves the run resumable', async () => {
    const controller = new AbortController();
    const reason = new Error('stop please');
    const run = newRun();
    let chunks = 0;
    const driving = runInChunks(run, {
      chunkMilliseconds: 0,
      signal: controller.signal,
      afterChunk: () => void (++chunks === 3 && controller.abort(reason)),
    });
    await expect(driving).rejects.toBe(reason);
    expect(run.samplesRecorded).toBe(3);
    expect(run.done).toBe(false);
    // Driven again (no signal), it finishes exactly as an uninterrupted run.
    await runInChunks(run, { chunkMilliseconds: 0 });
    expect(run.result().observables.A).toEqual(reference());
  });

  it('does not step a run whose signal is already aborted', async () => {
    const controller = new AbortController();
    controller.abort(new Error('already'));
    const run = newRun();
    await expect(runInChunks(run, { signal: controller.signal })).rejects.toThrow('already');
    expect(run.samplesRecorded).toBe(0);
  });

  it('stops at the first sample where `until` holds, even inside one long chunk, seeing every sample once', async () => {
    const run = newRun();
    const seen: number[] = [];
    await runInChunks(run, {
      chunkMilliseconds: Infinity,
      afterStep: (r) => void seen.push(r.time!),
      until: (r) => r.time !== undefined && r.time >= 1.1,
    });
    expect(run.time).toBe(1.25);
    expect(run.samplesRecorded).toBe(6);
    expect(seen).toEqual([0, 0.25, 0.5, 0.75, 1, 1.25]);
    expect(Array.from(run.frame(0).observables.A)).toEqual(Array.from(reference().subarray(0, 6)));
  });

  it('steps nothing when `until` already holds', async () => {
    const run = newRun();
    let chunks = 0;
    await runInChunks(run, { until: () => true, afterChunk: () => void chunks++ });
    expect(run.samplesRecorded).toBe(0);
    expect(chunks).toBe(0);
  });

  it('awaits afterChunk before stepping on (back-pressure)', async () => {
    const run = newRun();
    let release: (() => void) | undefined;
    const driving = runInChunks(run, {
      chunkMilliseconds: 0,
      afterChunk: (r) => (r.samplesRecorded === 2 ? new Promise<void>((resolve) => (release = resolve)) : undefined),
    });
    await turns(20);
    expect(run.samplesRecorded).toBe(2);
    release!();
    await driving;
    expect(run.result().observables.A).toEqual(reference());
  });

  it('awaits beforeChunk before each chunk, so a run can park there; an abort while parked rejects', async () => {
    const controller = new AbortController();
    const run = newRun();
    let wake: (() => void) | undefined;
    const driving = runInChunks(run, {
      chunkMilliseconds: 0,
      signal: controller.signal,
      beforeChunk: (r) => (r.samplesRecorded === 4 ? new Promise<void>((resolve) => (wake = resolve)) : undefined),
    });
    await turns(20);
    expect(run.samplesRecorded).toBe(4);
    controller.abort(new Error('cancelled while parked'));
    wake!();
    await expect(driving).rejects.toThrow('cancelled while parked');
    expect(run.samplesRecorded).toBe(4);
  });

  it('calls beforeChunk after the yield: what happened there is seen before another chunk runs', async () => {
    const run = newRun();
    let recordedAtEvent: number | undefined;
    let recordedWhenSeen: number | undefined;
    setTimeout(() => (recordedAtEvent = run.samplesRecorded), 0);
    await runInChunks(run, {
      chunkMilliseconds: 0,
      beforeChunk: (r) => void (recordedAtEvent !== undefined && (recordedWhenSeen ??= r.samplesRecorded)),
    });
    expect(recordedAtEvent).toBeDefined();
    expect(recordedWhenSeen).toBe(recordedAtEvent);
  });

  it('calls afterChunk synchronously after the chunk, before anything is awaited', async () => {
    const run = newRun();
    let recordedAtFirstChunk: number | undefined;
    const driving = runInChunks(run, {
      chunkMilliseconds: 0,
      afterChunk: (r) => void (recordedAtFirstChunk ??= r.samplesRecorded),
    });
    // The first chunk and its afterChunk ran within the call itself.
    expect(recordedAtFirstChunk).toBe(1);
    await driving;
  });

  it('refuses a budget that is not a number of milliseconds ≥ 0, naming the value', async () => {
    for (const bad of [-1, Number.NaN]) {
      await expect(runInChunks(newRun(), { chunkMilliseconds: bad })).rejects.toThrow(
        /chunkMilliseconds must be a number of milliseconds ≥ 0; got/,
      );
    }
  });

  it('with a shared budget, runs one after another yield only once it is spent, not after every run', async () => {
    let timerFired = false;
    setTimeout(() => (timerFired = true), 0);
    const unspent = new ChunkBudget(Infinity);
    for (let i = 0; i < 5; i++) await runInChunks(newRun(), { budget: unspent });
    expect(timerFired).toBe(false); // five whole runs and not one turn of the event loop

    let turnsTaken = 0;
    const count = (): void => void setTimeout(() => turnsTaken++, 0);
    count();
    const spent = new ChunkBudget(0);
    const run = newRun();
    await runInChunks(run, { budget: spent, afterChunk: count });
    expect(run.result().observables.A).toEqual(reference());
    // A spent budget yields after every chunk (of one sample): the timer set before the run and the one set after
    // each chunk have all fired by the end.
    expect(turnsTaken).toBe(1 + SAMPLES);
  });

  it('without a shared budget yields after the last chunk too', async () => {
    let timerFired = false;
    setTimeout(() => (timerFired = true), 0);
    await runInChunks(newRun(), { chunkMilliseconds: Infinity });
    expect(timerFired).toBe(true);
  });
});
