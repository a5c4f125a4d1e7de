import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { KernelMessage } from '@jupyterlab/services';
import { WORKER_RESTART_MESSAGE } from '../src/kernel.js';
import { buildKernelPackage, execute, outputs, startKernel, type KernelUnderTest } from './kernelHarness.js';

type Content = Record<string, unknown>;
const content = (m: KernelMessage.IMessage): Content => m.content as Content;
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

let k: KernelUnderTest | undefined;
beforeAll(() => buildKernelPackage(), 120_000);
afterEach(() => k?.kernel.dispose());

/** Starts `code`, interrupts it after `after` ms, and returns the reply and how long the interrupt took. */
async function interruptCell(kernel: KernelUnderTest, code: string, after = 700) {
  const pending = kernel.request('execute_request', execute(code));
  await sleep(after);
  const started = Date.now();
  await kernel.kernel.interrupt();
  const result = await pending;
  return { ...result, elapsed: Date.now() - started };
}

describe('TwinKernel interrupts', () => {
  it('stops a simulation inside a long stochastic chunk within a second (shared flag) and keeps state', async () => {
    k = startKernel();
    await k.request('execute_request', execute("const kept = 'still here';\ntwin.set({ U0: 1e8, V0: 10 });"));
    // About 300 million reactions (tens of seconds), in chunks of seconds that do not yield.
    const { reply, iopub, elapsed } = await interruptCell(
      k,
      "const r = await twin.run({ method: 'ssa', duration: 4 });",
    );
    expect(elapsed).toBeLessThan(1000);
    expect(content(reply)).toMatchObject({ status: 'error', ename: 'KeyboardInterrupt' });
    expect(outputs(iopub).map((m) => m.header.msg_type)).toEqual(['error']);
    const next = await k.request('execute_request', execute('kept'));
    expect(content(outputs(next.iopub)[0]).data).toMatchObject({ 'text/plain': "'still here'" });
    expect(k.workersStarted()).toBe(1);
  });

  it('without the shared flag, that never-yielding run costs a worker restart (what the flag prevents)', async () => {
    k = startKernel({ sharedInterrupt: false });
    await k.request('execute_request', execute('twin.set({ U0: 1e8, V0: 10 });'));
    const { reply } = await interruptCell(k, "await twin.run({ method: 'ssa', duration: 4, outputInterval: 4 });");
    expect(content(reply)).toMatchObject({ status: 'error', ename: 'WorkerRestarted' });
    expect(k.workersStarted()).toBe(2);
  });

  it('stops a many-replicate run through the interrupt message alone (no shared memory) and keeps state', async () => {
    k = startKernel({ sharedInterrupt: false });
    await k.request('execute_request', execute('let kept = 41;\ntwin.set({ U0: 1e7, V0: 10 });'));
    const { reply, elapsed } = await interruptCell(
      k,
      "kept++;\nconst r = await twin.run({ method: 'ssa', duration: 10, replicates: 3000 });",
    );
    expect(elapsed).toBeLessThan(1000);
    expect(content(reply)).toMatchObject({ status: 'error', ename: 'KeyboardInterrupt' });
    expect((content(reply).traceback as string[]).join('\n')).toContain('twin.run');
    const next = await k.request('execute_request', execute('kept'));
    expect(content(outputs(next.iopub)[0]).data).toMatchObject({ 'text/plain': '42' });
    expect(k.workersStarted()).toBe(1);
  });

  it('recovers from an endless loop by restarting the worker, telling the user state was lost', async () => {
    k = startKernel();
    await k.request('execute_request', execute('const lost = 1;'));
    const { reply, iopub, elapsed } = await interruptCell(k, 'while (true) {}', 300);
    expect(elapsed).toBeGreaterThanOrEqual(1900);
    expect(elapsed).toBeLessThan(4000);
    expect(content(reply)).toMatchObject({ status: 'error', ename: 'WorkerRestarted', execution_count: 2 });
    const published = outputs(iopub);
    expect(published.map((m) => m.header.msg_type)).toEqual(['stream', 'error']);
    expect(content(published[0])).toMatchObject({ name: 'stderr', text: WORKER_RESTART_MESSAGE });
    expect(k.workersStarted()).toBe(2);

    const next = await k.request('execute_request', execute('1 + 1'));
    expect(content(next.reply)).toMatchObject({ status: 'ok', execution_count: 3 });
    expect(content(outputs(next.iopub)[0]).data).toMatchObject({ 'text/plain': '2' });
    const gone = await k.request('execute_request', execute('lost'));
    expect(content(gone.reply)).toMatchObject({ status: 'error', ename: 'ReferenceError' });
  });
});
