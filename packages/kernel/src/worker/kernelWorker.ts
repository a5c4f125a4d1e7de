import * as engine from '@immunotwin/engine';
import { ModelRegistry, SUITE_PROVIDER, type ModelPlugin, type PluginDescriptor } from '@immunotwin/engine';
import { createInlinePool, type WorkerPool } from '@immunotwin/worker';
import * as Comlink from 'comlink';
import type { CompleteReply } from '../completion.js';
import type { DocsRegistry } from '../docs.js';
import { CellExecutor } from '../executor.js';
import type { InspectReply } from '../inspection.js';
import type { IsCompleteReply } from '../isComplete.js';
import { createModelsApi, type CellPlugins, type ModelsApi } from '../models.js';
import { createTwinApi, type TwinApi } from '../twinApi.js';
import { twinDocs } from '../twinDocs.js';
import type { UpdatableOutput } from '../twin/progressOutput.js';
import type {
  IKernelWorkerOptions,
  IKernelWorkerRemote,
  IOutputCallbacks,
  IWorkerExecuteReply,
  IWorkerOutput,
} from './protocol.js';

const errorMessage = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** Starts the pool of workers that run a kernel's studies, given every model as a descriptor. */
export type PoolFactory = (plugins: readonly PluginDescriptor[]) => WorkerPool;

/** Options of a {@link KernelWorker}. */
export interface KernelWorkerOptions {
  /**
   * Starts the pool `twin.sweep` and `twin.sensitivity` run on (a browser worker's nested workers, Node worker
   * threads); default: one member in this thread (`createInlinePool`).
   */
  createPool?: PoolFactory;
}

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
  /** Models registered from cells, with what their workbench outputs carry. */
  private readonly cellPlugins: CellPlugins = new Map();
  /** Models whose code failed to load, with why (the rest of the kernel works without them). */
  private readonly unavailable = new Map<string, string>();
  /** Who provides each model that came as a descriptor from outside the suite. */
  private readonly providers = new Map<string, string>();
  /** The models as `initialize` got them, for the study pool's workers. */
  private descriptors: readonly PluginDescriptor[] = [];
  /** The study pool, and the models it was started with (a cell that registers a model starts a new one). */
  private pool: { readonly pool: WorkerPool; readonly sources: readonly object[] } | undefined;
  /** The running cell's display and update of a progress line. */
  private progressOutput: UpdatableOutput | undefined;

  /**
   * @param plugins models with their code to hold from the start (a host in the same thread); others come as descriptors to `initialize`
   * @param options how studies get their pool of workers
   */
  constructor(
    plugins: readonly ModelPlugin[] = [],
    private readonly options: KernelWorkerOptions = {},
  ) {
    for (const plugin of plugins) this.registry.register(plugin);
    this.models = createModelsApi(this.registry, this.cellPlugins);
  }

  /**
   * The pool for studies, with every model this kernel knows as a descriptor: those it started with, and those
   * registered in cells (their manifest and, for code, the module of the cell). Restarted when a cell adds one.
   */
  private studyPool(): WorkerPool {
    // The models the pool must know, by the objects they come from: the same objects, the same pool.
    const sources = [...this.descriptors, ...this.cellPlugins.values()];
    if (
      this.pool &&
      this.pool.sources.length === sources.length &&
      this.pool.sources.every((d, i) => d === sources[i])
    ) {
      return this.pool.pool;
    }
    this.pool?.pool.dispose();
    const cells = [...this.cellPlugins.values()].flatMap((p) =>
      p.manifest ? [{ manifest: p.manifest, ...(p.module ? { module: p.module } : {}) } as PluginDescriptor] : [],
    );
    const pool = (this.options.createPool ?? createInlinePool)([...this.descriptors, ...cells]);
    this.pool = { pool, sources };
    return pool;
  }

  /** {@inheritDoc IKernelWorkerRemote.initialize} */
  async initialize(options: IKernelWorkerOptions = {}): Promise<{ id: string; title: string }> {
    this.descriptors = options.plugins ?? [];
    const descriptors = this.descriptors.filter((d) => !this.registry.has(d.manifest.id));
    // One by one, so that a plugin whose code fails to load costs only its own model, not every twin kernel.
    // The host's engine goes to modules whose default export is a function of it (code from a notebook cell).
    const loaded = await Promise.allSettled(
      descriptors.map((descriptor) => this.registry.registerDescriptors([descriptor], { host: engine })),
    );
    loaded.forEach((outcome, i) => {
      const { manifest, provider } = descriptors[i]!;
      if (outcome.status === 'rejected') this.unavailable.set(manifest.id, errorMessage(outcome.reason));
      if (provider && provider !== SUITE_PROVIDER) this.providers.set(manifest.id, provider);
    });
    const plugins = this.registry.list();
    const wanted = options.model;
    if (wanted !== undefined && this.unavailable.has(wanted)) {
      throw new Error(`the model of this kernel could not be loaded: ${this.unavailable.get(wanted)}`);
    }
    if (plugins.length === 0) throw new Error('the twin kernel was started with no models');
    this.plugin = wanted ? this.registry.get(wanted) : (plugins.find((p) => p.manifest.kernel) ?? plugins[0]);
    this.flag = options.interruptFlag;
    this.docs = twinDocs(this.plugin.manifest);
    // One twin per worker: its parameters and interventions persist across cells; each run follows the
    // signal of the cell running it.
    this.twin = createTwinApi(this.plugin, {
      signal: () => this.controller?.signal,
      interrupted: () => this.interruptFlagSet(),
      resolveModel: (id) => {
        const failure = this.unavailable.get(id);
        if (failure !== undefined) throw new Error(`twin.create: ${failure}`);
        return this.registry.get(id);
      },
      pluginOf: (id) => {
        const provider = this.providers.get(id);
        return this.cellPlugins.get(id) ?? (provider ? { provider } : undefined);
      },
      pool: () => this.studyPool(),
      progressOutput: () => this.progressOutput,
    });
    return { id: this.plugin.manifest.id, title: this.plugin.manifest.title };
  }

  /** {@inheritDoc IKernelWorkerRemote.execute} */
  async execute(code: string, executionCount: number, callbacks: IOutputCallbacks): Promise<IWorkerExecuteReply> {
    if (!this.twin) await this.initialize();
    const controller = new AbortController();
    this.controller = controller;
    let seq = 0;
    const send = (event: IWorkerOutput): void => {
      // Fire and forget: the kernel orders outputs by `seq` and waits for all of them before the reply.
      void Promise.resolve(callbacks.output(event)).catch(() => undefined);
    };
    this.progressOutput = {
      show: (bundle, displayId) => send({ seq: seq++, kind: 'display', bundle, displayId }),
      update: (bundle, displayId) => send({ seq: seq++, kind: 'display', bundle, displayId, update: true }),
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
        globals: { twin: this.twin, models: this.models, engine, defineModel: engine.defineModel },
      });
      return { ...outcome, outputs: seq };
    } finally {
      clearInterval(poll);
      this.progressOutput = undefined;
      if (this.controller === controller) this.controller = undefined;
      if (typeof (callbacks as Partial<Comlink.ProxyMethods>)[Comlink.releaseProxy] === 'function') {
        (callbacks as unknown as Comlink.ProxyMethods)[Comlink.releaseProxy]();
      }
    }
  }

  /** {@inheritDoc IKernelWorkerRemote.complete} */
  async complete(code: string, cursorPos: number): Promise<CompleteReply> {
    return this.executor.complete(code, cursorPos, await this.docsOrInit());
  }

  /** {@inheritDoc IKernelWorkerRemote.inspect} */
  async inspect(code: string, cursorPos: number, detailLevel = 0): Promise<InspectReply> {
    return this.executor.inspect(code, cursorPos, await this.docsOrInit(), detailLevel);
  }

  /** {@inheritDoc IKernelWorkerRemote.isComplete} */
  isComplete(code: string): IsCompleteReply {
    return this.executor.isComplete(code);
  }

  /** {@inheritDoc IKernelWorkerRemote.interrupt} */
  interrupt(): void {
    this.controller?.abort();
  }

  private async docsOrInit(): Promise<DocsRegistry> {
    if (!this.docs) await this.initialize();
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
