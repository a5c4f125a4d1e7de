import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { KernelMessage } from '@jupyterlab/services';
import type { PluginDescriptor } from '@immunotwin/engine';
import { builtInDescriptors } from '@immunotwin/models';
// @ts-expect-error: the worker package's plain JavaScript test model (worker threads import it by URL), untyped
import { hungryModel } from '../../worker/test/fixtures/hungryModel.mjs';
import { buildKernelPackage, execute, outputs, startKernel, type KernelUnderTest } from './kernelHarness.js';

type Content = Record<string, unknown>;
const content = (m: KernelMessage.IMessage): Content => m.content as Content;
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

const hungry: PluginDescriptor = {
  manifest: hungryModel.manifest,
  module: new URL('../../worker/test/fixtures/hungryModel.mjs', import.meta.url).href,
};

let k: KernelUnderTest | undefined;
beforeAll(() => buildKernelPackage(), 120_000);
afterEach(() => k?.kernel.dispose());

describe('TwinKernel whose worker dies', () => {
  it('answers a cell whose worker was killed mid-run with WorkerDiedError, and the next cells run', async () => {
    k = startKernel();
    await k.request('execute_request', execute('const lost = 1;\ntwin.set({ U0: 1e7, V0: 10 });'));
    // Thousands of stochastic replicates: seconds of work, killed after half a second.
    const pending = k.request(
      'execute_request',
      execute("const r = await twin.run({ method: 'ssa', duration: 10, replicates: 3000 });"),
    );
    await sleep(500);
    k.workers[0]!.terminate(); // from outside the kernel, as a crash would
    const { reply, iopub } = await pending;
    expect(content(reply)).toMatchObject({
      status: 'error',
      ename: 'WorkerDiedError',
      evalue: 'The worker stopped: exit code 1.',
    });
    const published = outputs(iopub);
    expect(published.map((m) => m.header.msg_type)).toEqual(['stream', 'error']);
    expect(content(published[0]!)).toMatchObject({
      name: 'stderr',
      text: "The kernel's worker died and was restarted; variables from earlier cells are lost. The worker stopped: exit code 1.\n",
    });
    expect(k.workersStarted()).toBe(2);

    // The new worker runs twin calls (with the model's defaults again: the old worker's twin.set went with it).
    const next = await k.request('execute_request', execute('(await twin.run()).runs.length'));
    expect(content(next.reply)).toMatchObject({ status: 'ok' });
    expect(content(outputs(next.iopub)[0]!).data).toMatchObject({ 'text/plain': '1' });
    const gone = await k.request('execute_request', execute('lost'));
    expect(content(gone.reply)).toMatchObject({ status: 'error', ename: 'ReferenceError' });
  });

  it('tells the user a twin run ran out of memory (under resourceLimits), then runs the next cell', async () => {
    k = startKernel({
      model: 'hungry-test-model',
      plugins: () => [...builtInDescriptors, hungry],
      resourceLimits: { maxOldGenerationSizeMb: 96, maxYoungGenerationSizeMb: 8 },
    });
    const { reply, iopub } = await k.request('execute_request', execute('await twin.run();'));
    expect(content(reply)).toMatchObject({ status: 'error', ename: 'WorkerDiedError' });
    expect(String(content(reply).evalue)).toMatch(/^The worker ran out of memory and was stopped: /);
    expect(String(content(outputs(iopub)[0]!).text)).toContain('The worker ran out of memory');
    const next = await k.request('execute_request', execute('1 + 1'));
    expect(content(outputs(next.iopub)[0]!).data).toMatchObject({ 'text/plain': '2' });
    expect(k.workersStarted()).toBe(2);
  });
});
