import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { KernelMessage } from '@jupyterlab/services';
import { builtInDescriptors } from '@immunotwin/models';
import type { PluginDescriptor } from '@immunotwin/engine';
import type { ResourceLimits } from 'node:worker_threads';
import { TwinKernel, type IKernelWorkerEndpoint } from '../src/kernel.js';
import { createNodeKernelWorker } from '../src/node.js';

const root = fileURLToPath(new URL('../../..', import.meta.url));
/** The built worker entry (a worker thread cannot load TypeScript). */
export const workerUrl = new URL('../lib/worker/nodeWorker.js', import.meta.url);

const lockDir = fileURLToPath(new URL('../lib/.test-build-lock', import.meta.url));

/** Sleeps synchronously (the build runs in a synchronous beforeAll). */
function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Builds packages/kernel (and what it references), so that the worker thread runs current code. Test
 * files run in parallel threads: a lock directory keeps two builds from rewriting `lib/` at once.
 */
export function buildKernelPackage(): void {
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  mkdirSync(dirname(lockDir), { recursive: true });
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      mkdirSync(lockDir);
      break;
    } catch {
      // A lock older than the deadline is left over from a killed run.
      if (Date.now() > deadline) rmSync(lockDir, { recursive: true, force: true });
      sleepSync(100);
    }
  }
  try {
    execFileSync(process.execPath, [tsc, '-b', 'packages/kernel'], { cwd: root, stdio: 'pipe' });
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: Buffer; stderr?: Buffer };
    throw new Error(`building packages/kernel failed:\n${String(stdout ?? '')}${String(stderr ?? '')}`);
  } finally {
    rmSync(lockDir, { recursive: true, force: true });
  }
}

/** A TwinKernel on a real worker thread, with every message it sends recorded in order. */
export interface KernelUnderTest {
  readonly kernel: TwinKernel;
  /** Every message sent, in order. */
  readonly sent: KernelMessage.IMessage[];
  /** How many workers were started (restarts add one). */
  workersStarted(): number;
  /** The workers started, in order (the last one is the kernel's current worker). */
  readonly workers: readonly IKernelWorkerEndpoint[];
  /** Sends a request through `handleMessage`; resolves with the reply and the iopub messages it caused. */
  request<T extends KernelMessage.ShellMessageType>(
    msgType: T,
    content: Record<string, unknown>,
  ): Promise<{ reply: KernelMessage.IMessage; iopub: KernelMessage.IMessage[] }>;
}

let counter = 0;

/** Starts a kernel whose worker is a Node worker thread running the built worker entry. */
export function startKernel(
  options: {
    model?: string;
    interruptTimeout?: number;
    sharedInterrupt?: boolean;
    plugins?: () => readonly PluginDescriptor[];
    /** Memory limits of each worker thread. */
    resourceLimits?: ResourceLimits;
  } = {},
): KernelUnderTest {
  const sent: KernelMessage.IMessage[] = [];
  const workers: IKernelWorkerEndpoint[] = [];
  const { resourceLimits, ...kernelOptions } = options;
  const kernel = new TwinKernel({
    id: `kernel-${++counter}`,
    name: 'immunotwin',
    location: '',
    sendMessage: (msg) => void sent.push(msg),
    createWorker: () => {
      const worker = createNodeKernelWorker({ workerUrl, resourceLimits });
      workers.push(worker);
      return worker;
    },
    model: 'target-cell-limited',
    plugins: () => builtInDescriptors,
    ...kernelOptions,
  });
  return {
    kernel,
    sent,
    workers,
    workersStarted: () => workers.length,
    async request(msgType, content) {
      const msg = KernelMessage.createMessage({
        channel: 'shell',
        msgType,
        session: 'test-session',
        content: content as never,
      } as never) as KernelMessage.IMessage;
      await kernel.handleMessage(msg);
      const related = sent.filter(
        (m) => m.parent_header && 'msg_id' in m.parent_header && m.parent_header.msg_id === msg.header.msg_id,
      );
      const reply = related.find((m) => m.channel === 'shell');
      if (!reply) throw new Error(`no reply to ${msgType}`);
      return { reply, iopub: related.filter((m) => m.channel === 'iopub') };
    },
  };
}

/** Content of an execute_request. */
export function execute(code: string): Record<string, unknown> {
  return { code, silent: false, store_history: true, user_expressions: {}, allow_stdin: false, stop_on_error: true };
}

/** The iopub messages of a request that carry output (status and execute_input left out). */
export function outputs(iopub: readonly KernelMessage.IMessage[]): KernelMessage.IMessage[] {
  return iopub.filter((m) => !['status', 'execute_input'].includes(m.header.msg_type));
}
