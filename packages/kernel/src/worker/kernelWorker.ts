import { ModelRegistry, type ModelPlugin } from '@immunotwin/engine';
import { builtInModels } from '@immunotwin/models';
import * as Comlink from 'comlink';
import type { CompleteReply } from '../completion.js';
import type { DocsRegistry } from '../docs.js';
import { CellExecutor } from '../executor.js';
import type { InspectReply } from '../inspection.js';
import type { IsCompleteReply } from '../isComplete.js';
import { createModelsApi, type ModelsApi } from '../models.js';
import { createTwinApi, type TwinApi } from '../twinApi.js';
import { twinDocs } from '../twinDocs.js';
import type {
  IKernelWorkerOptions,
  IKernelWorkerRemote,
  IOutputCallbacks,
  IWorkerExecuteReply,
  IWorkerOutput,
} from './protocol.js';

/** How often a running cell polls the shared interrupt flag (ms). */
const FLAG_POLL_MS = 50;

/**
 * The kernel's executor as served from its worker: a {@link CellExecutor} whose globals are `twin` (one
 * model), `models` (the registry), `display` and `console`. DOM-free and Node-free.
 */
export class KernelWorker implements IKernelWorkerRemote {
  private readonly registry = new ModelRegistry();
  private readonly executor = new CellExecutor();
  private docs: DocsRegistry | undefined;
  private plugin: ModelPlugin | undefined;
  private flag: Int32Array | undefined;
  private controller: AbortController | undefined;
  private twin: TwinApi | undefined;
  private readonly models: ModelsApi;

  /** @param plugins the models the registry holds (default: the built-in models) */
  constructor(plugins: readonly ModelPlugin[] = builtInModels) {
    for (const plugin of plugins) this.registry.register(plugin);
    this.models = createModelsApi(this.registry);
  }

  /** {@inheritDoc IKernelWorkerRemote.initialize} */
  initialize(options: IKernelWorkerOptions = {}): { id: string; title: string } {
    const plugins = this.registry.list();
    this.plugin = options.model
      ? this.registry.get(options.model)
      : (plugins.find((p) => p.manifest.kernel) ?? plugins[0]);
    this.flag = options.interruptFlag;
    this.docs = twinDocs(this.plugin.manifest);
    // One twin per worker: its parameters and interventions persist across cells; each run follows the
    // signal of the cell running it.
    this.twin = createTwinApi(this.plugin, {
      signal: () => this.controller?.signal,
      interrupted: () => this.interruptFlagSet(),
      resolveModel: (id) => this.registry.get(id),
    });
    return { id: this.plugin.manifest.id, title: this.plugin.manifest.title };
  }

  /** {@inheritDoc IKernelWorkerRemote.execute} */
  async execute(code: string, executionCount: number, callbacks: IOutputCallbacks): Promise<IWorkerExecuteReply> {
    if (!this.twin) this.initialize();
    const controller = new AbortController();
    this.controller = controller;
    let seq = 0;
    const send = (event: IWorkerOutput): void => {
      // Fire and forget: the kernel orders outputs by `seq` and waits for all of them before the reply.
      void Promise.resolve(callbacks.output(event)).catch(() => undefined);
    };
    const poll = setInterval(() => {
      if (this.interruptFlagSet()) controller.abort();
    }, FLAG_POLL_MS);
    try {
      const outcome = await this.executor.execute(code, {
        executionCount,
        signal: controller.signal,
        display: (bundle) => send({ seq: seq++, kind: 'display', bundle }),
        stream: (name, text) => send({ seq: seq++, kind: 'stream', name, text }),
        globals: { twin: this.twin, models: this.models },
      });
      return { ...outcome, outputs: seq };
    } finally {
      clearInterval(poll);
      if (this.controller === controller) this.controller = undefined;
      if (typeof (callbacks as Partial<Comlink.ProxyMethods>)[Comlink.releaseProxy] === 'function') {
        (callbacks as unknown as Comlink.ProxyMethods)[Comlink.releaseProxy]();
      }
    }
  }

  /** {@inheritDoc IKernelWorkerRemote.complete} */
  complete(code: string, cursorPos: number): CompleteReply {
    return this.executor.complete(code, cursorPos, this.docsOrInit());
  }

  /** {@inheritDoc IKernelWorkerRemote.inspect} */
  inspect(code: string, cursorPos: number, detailLevel = 0): InspectReply {
    return this.executor.inspect(code, cursorPos, this.docsOrInit(), detailLevel);
  }

  /** {@inheritDoc IKernelWorkerRemote.isComplete} */
  isComplete(code: string): IsCompleteReply {
    return this.executor.isComplete(code);
  }

  /** {@inheritDoc IKernelWorkerRemote.interrupt} */
  interrupt(): void {
    this.controller?.abort();
  }

  private docsOrInit(): DocsRegistry {
    if (!this.docs) this.initialize();
    return this.docs!;
  }

  private interruptFlagSet(): boolean {
    return this.flag !== undefined && Atomics.load(this.flag, 0) === 1;
  }
}

/** Serves a {@link KernelWorker} on a comlink endpoint (a worker's global scope, or a Node port). */
export function exposeKernelWorker(endpoint: Comlink.Endpoint, worker = new KernelWorker()): KernelWorker {
  Comlink.expose(worker, endpoint);
  return worker;
}
