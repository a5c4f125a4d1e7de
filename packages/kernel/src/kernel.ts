import type { KernelMessage } from '@jupyterlab/services';
import type { IKernel } from '@jupyterlite/services';
// The deep path: the package's index re-exports with extensionless specifiers Node's ESM loader rejects.
import { BaseKernel } from '@jupyterlite/services/lib/kernel/base.js';
import type { PluginDescriptor } from '@immunotwin/engine';
import type { WorkerDiedError, WorkerLifeline } from '@immunotwin/worker/client';
import * as Comlink from 'comlink';
import { kernelInfo } from './kernelInfo.js';
import type { IKernelWorkerRemote, IWorkerExecuteReply, IWorkerOutput } from './worker/protocol.js';

/** The kernel's worker as the kernel needs it: a comlink endpoint that can be stopped, and may report its death. */
export interface IKernelWorkerEndpoint extends Comlink.Endpoint {
  /** Stops the worker at once (a browser `Worker` has it; `createNodeKernelWorker` adds it). */
  terminate(): void;
  /**
   * Where the host reports the worker's death (out of memory, killed, crashed): the kernel then answers the
   * running cell with the error and starts a new worker. Without it, a cell whose worker died waits forever.
   */
  readonly lifeline?: Pick<WorkerLifeline, 'died' | 'guard'>;
}

/** Options of a {@link TwinKernel}. */
export interface ITwinKernelOptions extends IKernel.IOptions {
  /** Starts the executor's worker (default: a module Web Worker running `worker/browserWorker.js`). */
  createWorker?: () => IKernelWorkerEndpoint;
  /** Model id of `twin` in cells (default: the first model with a `kernel` section). */
  model?: string;
  /**
   * The models the kernel's worker knows, as descriptors (read each time a worker starts, so a restarted
   * worker sees models registered since). The worker imports their code itself.
   */
  plugins?: () => readonly PluginDescriptor[];
  /** How long an interrupted cell may take to stop before the worker is restarted (ms, default 2000). */
  interruptTimeout?: number;
  /**
   * Whether to share an interrupt flag with the worker when SharedArrayBuffer is available (default true):
   * it stops a simulation even inside a long chunk. Without it, interrupts travel as messages only.
   */
  sharedInterrupt?: boolean;
}

/** The message shown when an unresponsive cell costs the worker. */
export const WORKER_RESTART_MESSAGE =
  "The kernel's worker was restarted: a cell did not respond to the interrupt; variables from earlier cells are lost.\n";

/** What the user reads when the kernel's worker died and was replaced. */
export function workerDiedMessage(error: WorkerDiedError): string {
  return `The kernel's worker died and was restarted; variables from earlier cells are lost. ${error.message}\n`;
}

type ExecuteReplyContent = KernelMessage.IExecuteReplyMsg['content'];

/** A started worker: its endpoint, remote API, interrupt flag and initialisation. */
interface IWorkerHandle {
  readonly endpoint: IKernelWorkerEndpoint;
  readonly remote: Comlink.Remote<IKernelWorkerRemote>;
  readonly flag: Int32Array | undefined;
  readonly ready: Promise<void>;
}

// The host's Worker, declared here so that this file also compiles against Node's typings; bundlers
// (webpack, rspack) recognise `new Worker(new URL(…, import.meta.url))` and bundle the worker entry.
declare const Worker: new (url: URL, options: { type: 'module' }) => IKernelWorkerEndpoint;

/** The default worker: this package's browser worker entry, as a module worker. */
function browserWorker(): IKernelWorkerEndpoint {
  return new Worker(new URL('./worker/browserWorker.js', import.meta.url), { type: 'module' });
}

/** A shared interrupt flag when the host allows shared memory (cross-origin isolated pages, Node). */
function sharedFlag(): Int32Array | undefined {
  try {
    return typeof SharedArrayBuffer === 'function' ? new Int32Array(new SharedArrayBuffer(4)) : undefined;
  } catch {
    return undefined;
  }
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The ImmunoTwin Jupyter kernel (a JupyterLite `BaseKernel`): cells run in a worker against the twin API;
 * their console output, displays, results and errors are published in the order they happen.
 *
 * Interrupts ({@link interrupt}) set a shared flag and ask the worker to abort the running cell: a cell
 * awaiting a simulation stops within a chunk and the kernel keeps its state. A cell that does not stop
 * within `interruptTimeout` (an endless loop) costs the worker: it is replaced, the user is told that
 * state was lost, and the hung execute_request is answered with an error.
 */
export class TwinKernel extends BaseKernel {
  private readonly createWorker: () => IKernelWorkerEndpoint;
  private readonly model: string | undefined;
  private readonly plugins: () => readonly PluginDescriptor[];
  private readonly interruptTimeout: number;
  private readonly sharedInterrupt: boolean;
  private worker: IWorkerHandle;
  private modelInfo: { id: string; title: string } | undefined;
  private running: { done: Promise<unknown>; abandon: (reply: IWorkerExecuteReply) => void } | undefined;

  constructor(options: ITwinKernelOptions) {
    super(options);
    this.createWorker = options.createWorker ?? browserWorker;
    this.model = options.model;
    this.plugins = options.plugins ?? (() => []);
    this.interruptTimeout = options.interruptTimeout ?? 2000;
    this.sharedInterrupt = options.sharedInterrupt ?? true;
    this.worker = this.startWorker();
  }

  /** Resolves when the worker is up. */
  override get ready(): Promise<void> {
    return this.worker.ready;
  }

  /** Stops the worker. */
  override dispose(): void {
    if (this.isDisposed) return;
    this.worker.endpoint.terminate();
    super.dispose();
  }

  /**
   * Interrupts the running cell, if any: resolves when it has stopped (its execute_reply is a
   * KeyboardInterrupt error), or, when it did not stop within `interruptTimeout`, after the worker was
   * restarted.
   */
  async interrupt(): Promise<void> {
    const running = this.running;
    if (!running) return;
    const { remote, flag } = this.worker;
    if (flag) Atomics.store(flag, 0, 1);
    remote.interrupt().catch(() => undefined);
    const stopped = await Promise.race([running.done.then(() => true), sleep(this.interruptTimeout).then(() => false)]);
    if (!stopped && this.running === running) this.restartWorker(running);
  }

  /** {@inheritDoc BaseKernel.kernelInfoRequest} */
  async kernelInfoRequest(): Promise<KernelMessage.IInfoReplyMsg['content']> {
    await this.worker.ready.catch(() => undefined);
    return kernelInfo(this.modelInfo);
  }

  /** Runs a cell in the worker, publishing its outputs in order, then its result or error. */
  async executeRequest(content: KernelMessage.IExecuteRequestMsg['content']): Promise<ExecuteReplyContent> {
    const executionCount = this.executionCount;
    const parentHeader = this.parentHeader;
    const worker = this.worker;
    try {
      await worker.ready;
    } catch (error) {
      // The worker could not start (e.g. an unknown model id): answer with that error.
      const evalue = error instanceof Error ? error.message : String(error);
      const ename = error instanceof Error ? error.name : 'Error';
      this.publishExecuteError({ ename, evalue, traceback: [`${ename}: ${evalue}`] }, parentHeader);
      return { status: 'error', execution_count: executionCount, ename, evalue, traceback: [`${ename}: ${evalue}`] };
    }
    if (worker.flag) Atomics.store(worker.flag, 0, 0);

    // Outputs arrive through a proxy's own channel, the reply through the worker's: order them by `seq`.
    const pending = new Map<number, IWorkerOutput>();
    let next = 0;
    let allArrived: { count: number; resolve: () => void } | undefined;
    const publish = (event: IWorkerOutput): void => {
      if (event.kind === 'stream') {
        this.stream({ name: event.name, text: event.text }, parentHeader);
        return;
      }
      const content = {
        data: event.bundle.data as never,
        metadata: event.bundle.metadata as never,
        ...(event.displayId === undefined ? {} : { transient: { display_id: event.displayId } }),
      };
      if (event.update) this.updateDisplayData(content as never, parentHeader);
      else this.displayData(content, parentHeader);
    };
    const output = (event: IWorkerOutput): void => {
      if (this.worker !== worker) return;
      pending.set(event.seq, event);
      while (pending.has(next)) {
        publish(pending.get(next)!);
        pending.delete(next++);
      }
      if (allArrived && next >= allArrived.count) allArrived.resolve();
    };

    let abandon!: (reply: IWorkerExecuteReply) => void;
    const abandoned = new Promise<IWorkerExecuteReply>((resolve) => (abandon = resolve));
    const execution = worker.remote.execute(content.code, executionCount, Comlink.proxy({ output }));
    const running = { done: execution.catch(() => undefined), abandon };
    this.running = running;
    let reply: IWorkerExecuteReply;
    try {
      reply = await Promise.race([execution, abandoned]);
    } catch (error) {
      reply = { status: 'error', ename: 'KernelError', evalue: String(error), traceback: [String(error)], outputs: 0 };
    } finally {
      if (this.running === running) this.running = undefined;
    }
    if (this.worker === worker && next < reply.outputs) {
      // Outputs still in flight: wait for them (bounded, in case the proxy channel was lost).
      await Promise.race([
        new Promise<void>((resolve) => (allArrived = { count: reply.outputs, resolve })),
        sleep(1000),
      ]);
    }

    if (reply.status === 'ok') {
      if (reply.result) {
        this.publishExecuteResult(
          {
            execution_count: executionCount,
            data: reply.result.data as never,
            metadata: reply.result.metadata as never,
          },
          parentHeader,
        );
      }
      return { status: 'ok', execution_count: executionCount, user_expressions: {} };
    }
    const { ename, evalue, traceback } = reply;
    this.publishExecuteError({ ename, evalue, traceback }, parentHeader);
    return { status: 'error', execution_count: executionCount, ename, evalue, traceback };
  }

  /** Completion from the worker's live scope and the twin API's docs. */
  async completeRequest(
    content: KernelMessage.ICompleteRequestMsg['content'],
  ): Promise<KernelMessage.ICompleteReplyMsg['content']> {
    const reply = await this.worker.remote.complete(content.code, content.cursor_pos);
    return reply as unknown as KernelMessage.ICompleteReplyMsg['content'];
  }

  /** Documentation of the name at the cursor (twin methods, model parameters with units, ranges, sources). */
  async inspectRequest(
    content: KernelMessage.IInspectRequestMsg['content'],
  ): Promise<KernelMessage.IInspectReplyMsg['content']> {
    const reply = await this.worker.remote.inspect(content.code, content.cursor_pos, content.detail_level);
    return reply as unknown as KernelMessage.IInspectReplyMsg['content'];
  }

  /** Whether a console cell is complete. */
  async isCompleteRequest(
    content: KernelMessage.IIsCompleteRequestMsg['content'],
  ): Promise<KernelMessage.IIsCompleteReplyMsg['content']> {
    const reply = await this.worker.remote.isComplete(content.code);
    return reply as KernelMessage.IIsCompleteReplyMsg['content'];
  }

  /** No comms yet: the workbench widgets talk to their own worker sessions. */
  async commInfoRequest(
    _content: KernelMessage.ICommInfoRequestMsg['content'],
  ): Promise<KernelMessage.ICommInfoReplyMsg['content']> {
    return { status: 'ok', comms: {} };
  }

  /** `input()` is not supported: nothing to do. */
  inputReply(_content: KernelMessage.IInputReplyMsg['content']): void {}

  /** Comms are not supported: ignored. */
  async commOpen(_msg: KernelMessage.ICommOpenMsg): Promise<void> {}

  /** Comms are not supported: ignored. */
  async commMsg(_msg: KernelMessage.ICommMsgMsg): Promise<void> {}

  /** Comms are not supported: ignored. */
  async commClose(_msg: KernelMessage.ICommCloseMsg): Promise<void> {}

  private startWorker(): IWorkerHandle {
    const endpoint = this.createWorker();
    const remote = Comlink.wrap<IKernelWorkerRemote>(endpoint);
    const flag = this.sharedInterrupt ? sharedFlag() : undefined;
    const plugins = [...this.plugins()];
    const initialized = Promise.resolve(remote.initialize({ model: this.model, plugins, interruptFlag: flag })).then(
      (model) => {
        this.modelInfo = model;
      },
    );
    const ready = endpoint.lifeline ? endpoint.lifeline.guard(initialized) : initialized;
    ready.catch(() => undefined); // awaited by requests; a worker that dies while none waits must not leave it unhandled
    const handle: IWorkerHandle = { endpoint, remote, flag, ready };
    void endpoint.lifeline?.died.then((error) => this.replaceDeadWorker(handle, error));
    return handle;
  }

  /**
   * The worker died (out of memory, killed, crashed): a new one takes its place, the user is told state was lost,
   * and the cell it was running is answered with the error. Nothing to do for a worker already replaced.
   */
  private replaceDeadWorker(handle: IWorkerHandle, error: WorkerDiedError): void {
    if (this.isDisposed || this.worker !== handle) return;
    const running = this.running;
    this.worker = this.startWorker();
    this.running = undefined;
    this.stream({ name: 'stderr', text: workerDiedMessage(error) });
    running?.abandon({
      status: 'error',
      ename: error.name,
      evalue: error.message,
      traceback: [`${error.name}: ${error.message}`],
      outputs: 0,
    });
  }

  /** Replaces a worker stuck in a cell, tells the user, and answers the stuck execute with an error. */
  private restartWorker(running: { abandon: (reply: IWorkerExecuteReply) => void }): void {
    this.worker.endpoint.terminate();
    this.worker = this.startWorker();
    this.running = undefined;
    this.stream({ name: 'stderr', text: WORKER_RESTART_MESSAGE });
    running.abandon({
      status: 'error',
      ename: 'WorkerRestarted',
      evalue: 'the cell did not respond to the interrupt; the worker was restarted',
      traceback: ['WorkerRestarted: the cell did not respond to the interrupt; the worker was restarted'],
      outputs: 0,
    });
  }
}
