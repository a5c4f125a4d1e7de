import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ValidationError } from '@immunotwin/engine';
import { builtInDescriptors, builtInModels } from '@immunotwin/models';
import { TwinSession, type ISessionFrame } from '../src/index.js';
import type { INodeSession } from '../src/node.js';
import {
  engineError,
  expectFramesMatch,
  expectSameResult,
  joinFrames,
  lungScenario,
  lungViewAtEnd,
  odeScenario,
  reference,
  ssaScenario,
  waitFor,
} from './helpers.js';
import { importBuiltNodeEntry } from './builtPackage.js';

// The script below imports the built package (importBuiltNodeEntry builds it first).
const root = fileURLToPath(new URL('../../..', import.meta.url));
const nodeEntry = new URL('../lib/node.js', import.meta.url).href;
const descriptorsEntry = new URL('../../models/lib/descriptors.js', import.meta.url).href;

let node: INodeSession;

beforeAll(async () => {
  const { createNodeSession } = await importBuiltNodeEntry();
  node = createNodeSession();
  await node.session.addPlugins(builtInDescriptors);
}, 120_000);

afterAll(async () => {
  await node?.terminate();
});

describe('a session in a Node worker thread, over comlink', () => {
  it('runs a scenario and streams frames as Float64Arrays with the engine numbers', async () => {
    const { session } = node;
    const explicit = await session.create(ssaScenario);
    expect(explicit.parameters?.P0).toBe(10000);
    const frames: ISessionFrame[] = [];
    const fractions: number[] = [];
    const summary = await session.run({
      chunkMilliseconds: 0,
      onFrame: (frame) => void frames.push(frame),
      onProgress: (p) => void fractions.push(p.fraction),
    });
    const expected = reference(ssaScenario);
    expect(summary).toMatchObject({ model: 'bacteria-innate', replicates: 3, samples: 97 });
    // joinFrames checks each frame's arrays are Float64Arrays and start where the last one ended.
    expect(frames.length).toBe(3 * 97);
    expectFramesMatch(joinFrames(frames), expected.runs);
    expect(fractions.at(-1)).toBe(1);
    expectSameResult(await session.result(), expected);
  });

  it('sends pictures of the space as typed arrays (transferred), the last equal to the engine’s space', async () => {
    const { session } = node;
    await session.create(lungScenario);
    const frames: ISessionFrame[] = [];
    await session.run({ tissue: { milliseconds: 1e9 }, onFrame: (frame) => void frames.push(frame) });
    const pictures = frames.flatMap((frame) => frame.tissue ?? []);
    expect(pictures).toHaveLength(2);
    const last = pictures[1]!;
    expect(last.frame.cells).toBeInstanceOf(Uint8Array);
    expect(last.frame.agentSites).toBeInstanceOf(Int32Array);
    expect(last.frame.field).toBeInstanceOf(Float32Array);
    const view = lungViewAtEnd();
    expect(last.frame.time).toBe(lungScenario.duration);
    expect(last.frame.cells).toEqual(view.cells);
    expect(last.frame.agentSites).toEqual(view.agents.sites);
    expect(last.frame.field).toEqual(view.fields[last.header.field!.id].values);
  });

  it('delivers a ValidationError intact: class, message and issues', async () => {
    const bad = { ...odeScenario, parameters: { beta: 7 }, outputInterval: 0 };
    const expected = engineError({ ...odeScenario, parameters: { beta: 7 } });
    let error: unknown;
    try {
      await node.session.create(bad);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ValidationError);
    const validation = error as ValidationError;
    // outputInterval: 0 fails the schema before the model checks run.
    expect(validation.message).toBe(
      'Invalid scenario: outputInterval: must be > 0; got 0 (time between recorded samples)',
    );
    expect(validation.name).toBe('ValidationError');
    expect(validation.issues).toEqual([
      { path: 'outputInterval', message: 'must be > 0; got 0 (time between recorded samples)' },
    ]);
    // The failed create left the session as it was; a bad parameter on a good scenario fails the same way.
    await node.session.create(odeScenario);
    await expect(node.session.setParameters({ beta: 7 })).rejects.toThrow(expected.message);
  });

  it('cancels a run with an AbortError; the next run works', async () => {
    const { session } = node;
    await session.create(odeScenario);
    let frames = 0;
    const running = session.run({ chunkMilliseconds: 0, onFrame: () => void frames++ });
    await waitFor(() => frames >= 3, 'three frames');
    await session.cancel();
    const error = await running.then(
      () => undefined,
      (e: unknown) => e as Error,
    );
    expect(error?.name).toBe('AbortError');
    expect(error?.message).toBe('The run was cancelled.');
    expect(frames).toBeLessThan(201);
    expect((await session.status()).state).toBe('ready');
    await session.run();
    expectSameResult(await session.result(), reference(odeScenario));
  });

  it('computes a band in the worker and sends back only its summary, with the in-process numbers', async () => {
    const { session } = node;
    const scenario = { model: 'target-cell-limited', duration: 6, seed: 9 };
    const band = { kind: 'cohort', size: 6, spread: 0.4 } as const;
    await session.create(scenario);
    const fractions: number[] = [];
    const result = await session.band(band, { onProgress: (p) => void fractions.push(p.fraction) });
    expect(Object.keys(result).sort()).toEqual(['band', 'scenario', 'summary', 'time']);
    expect(result.time).toBeInstanceOf(Float64Array);
    expect(result.summary.observables.V.median).toBeInstanceOf(Float64Array);
    const local = new TwinSession({ plugins: builtInModels });
    await local.create(scenario);
    const expected = await local.band(band);
    expect(result.summary).toEqual(expected.summary);
    expect(result.time).toEqual(expected.time);
    await waitFor(() => fractions.at(-1) === 1, 'the last progress report');
  });

  it('hands a mid-run snapshot to an in-process session that finishes it bit-identically', async () => {
    const { session } = node;
    await session.create(ssaScenario);
    let frames = 0;
    const running = session.run({
      chunkMilliseconds: 0,
      onFrame: () => {
        if (++frames === 120) void session.pause();
      },
    });
    await waitFor(async () => (await session.status()).state === 'paused', 'the run to pause');
    const snapshot = await session.snapshot();
    expect(snapshot.current?.columns[0]).toBeInstanceOf(Float64Array);
    const local = new TwinSession({ plugins: builtInModels });
    await local.restore(snapshot);
    await local.run();
    expectSameResult(await local.result(), reference(ssaScenario));
    await session.cancel();
    await expect(running).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('ends its thread on terminate(), letting the process exit', async () => {
    // A separate process (started as `node --input-type=module -e`, whose flag the worker must not
    // inherit) that starts a session, runs with listeners, cancels one run and terminates: it
    // must exit by itself (no port or thread left open).
    const script = `
      const { createNodeSession } = await import(${JSON.stringify(nodeEntry)});
      const { builtInDescriptors } = await import(${JSON.stringify(descriptorsEntry)});
      const { session, worker, terminate } = createNodeSession();
      await session.addPlugins(builtInDescriptors);
      await session.create(${JSON.stringify(ssaScenario)});
      await session.run({ onFrame() {}, onProgress() {} });
      const running = session.run({ chunkMilliseconds: 0, onFrame() {} });
      await session.cancel();
      await running.catch((e) => console.log(e.name));
      await terminate();
      console.log('exited', worker.threadId);
    `;
    const output = await new Promise<string>((resolve, reject) =>
      execFile(
        process.execPath,
        ['--input-type=module', '-e', script],
        { cwd: root, timeout: 10_000 },
        (error, stdout, stderr) => (error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve(stdout)),
      ),
    );
    expect(output.trim().split('\n')).toEqual(['AbortError', 'exited -1']);
  });
});

describe('the shared worker of this file', () => {
  it('is terminated by terminate()', async () => {
    const exited = new Promise<number>((resolve) => node.worker.once('exit', resolve));
    await node.terminate();
    await exited;
    expect(node.worker.threadId).toBe(-1);
  });
});
