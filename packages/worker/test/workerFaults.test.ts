import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PluginDescriptor } from '@immunotwin/engine';
import { builtInDescriptors } from '@immunotwin/models';
import { isWorkerDiedError, WorkerPool, type IPoolEndpoint, type WorkerDiedError } from '../src/index.js';
import type { INodeSession } from '../src/node.js';
import { importBuiltNodeEntry } from './builtPackage.js';
// @ts-expect-error: a plain JavaScript fixture (the worker threads import it by URL), without typings
import { exitingModel, hungryModel } from './fixtures/hungryModel.mjs';
import { expectSameResult, expectSameRuns, reference, rejection, ssaScenario } from './helpers.js';

const fixtureModule = new URL('./fixtures/hungryModel.mjs', import.meta.url).href;
const hungry: PluginDescriptor = { manifest: hungryModel.manifest, module: fixtureModule };
const exiting: PluginDescriptor = { manifest: exitingModel.manifest, module: fixtureModule };
/** Far more heap than the small scenarios need, far less than the hungry model takes in 1000 steps of 4 MB. */
const smallHeap = { maxOldGenerationSizeMb: 48, maxYoungGenerationSizeMb: 8 };
/** Long enough (about a second of SSA) that a kill lands mid-run. */
const longRun = { ...ssaScenario, replicates: 200 };

let node: typeof import('../src/node.js');
const started: INodeSession[] = [];

beforeAll(async () => {
  node = await importBuiltNodeEntry();
}, 120_000);

afterAll(async () => {
  await Promise.all(started.map((s) => s.terminate()));
});

async function session(options: Parameters<typeof node.createNodeSession>[0] = {}): Promise<INodeSession> {
  const made = node.createNodeSession(options);
  started.push(made);
  await made.session.addPlugins([...builtInDescriptors, hungry, exiting]);
  return made;
}

describe('a session whose Node worker dies', () => {
  it('rejects the run under way when the worker is killed mid-run, and every later call; a new session runs', async () => {
    const killed = await session();
    await killed.session.create(longRun);
    let frames = 0;
    const run = killed.session.run({
      onFrame: () => {
        // Killed from outside (not the session's own terminate) after the first frame: mid-run.
        if (++frames === 1) void killed.worker.terminate();
      },
    });
    const error = await rejection<WorkerDiedError>(run);
    expect(isWorkerDiedError(error)).toBe(true);
    expect(error.deathCause).toBe('stopped');
    expect(error.message).toBe('The worker stopped: exit code 1.');
    expect(frames).toBeGreaterThanOrEqual(1);
    expect(frames).toBeLessThan(200 * 97); // it did not finish
    // The session knows it is dead: later calls reject at once with the same error.
    await expect(killed.session.status()).rejects.toBe(error);
    expect(killed.session.lifeline.dead).toBe(error);

    // Restart: a new worker, the same API, the engine's numbers.
    const fresh = await session();
    await fresh.session.create(ssaScenario);
    await fresh.session.run();
    expectSameResult(await fresh.session.result(), reference(ssaScenario));
  });

  it('reports a worker that ends itself with process.exit, with its exit code', async () => {
    const exited = await session();
    await exited.session.create({ model: 'exiting-test-model', method: 'agent', duration: 5 });
    const error = await rejection<WorkerDiedError>(exited.session.run());
    expect(error.name).toBe('WorkerDiedError');
    expect(error.deathCause).toBe('stopped');
    expect(error.message).toBe('The worker stopped: exit code 3.');
  });

  it('reports a worker that runs out of memory under resourceLimits as out of memory', async () => {
    const limited = await session({ resourceLimits: smallHeap });
    // The same small heap runs the built-in models.
    await limited.session.create(ssaScenario);
    await limited.session.run();
    expectSameResult(await limited.session.result(), reference(ssaScenario));

    await limited.session.create({ model: 'hungry-test-model', method: 'agent', parameters: { megabytes: 4 } });
    const error = await rejection<WorkerDiedError>(limited.session.run());
    expect(error.deathCause).toBe('out-of-memory');
    expect(error.message).toMatch(/^The worker ran out of memory and was stopped: .*out of memory/i);
    await expect(limited.session.scenario()).rejects.toBe(error);
  });
});

describe('a pool whose worker dies', () => {
  it('fails the task that was on it, replaces that worker alone, and runs the next tasks', async () => {
    let starts = 0;
    const pool = new WorkerPool({
      size: 2,
      plugins: [...builtInDescriptors, hungry],
      createWorker: (): IPoolEndpoint => {
        starts++;
        const thread = node.startNodeThread(new URL('../lib/poolNodeWorker.js', import.meta.url), {
          resourceLimits: smallHeap,
        });
        return Object.assign(thread.endpoint, {
          lifeline: thread.lifeline,
          terminate: () => void thread.worker.terminate(),
        });
      },
    });
    try {
      const ssa = (replicate: number) => ({ scenario: ssaScenario, replicates: [replicate] });
      const tasks = [ssa(0), { scenario: { model: 'hungry-test-model', method: 'agent' }, replicates: [0] }, ssa(1)];
      const error = await rejection<WorkerDiedError>(pool.run(tasks));
      expect(error.deathCause).toBe('out-of-memory');
      expect(starts).toBe(3); // two at the start, one in place of the worker that died

      const runs = await pool.run([0, 1, 2].map(ssa));
      expect(starts).toBe(3); // the pool did not need another
      expectSameRuns(runs.flat(), reference(ssaScenario).runs);
    } finally {
      pool.dispose();
    }
  });
});
