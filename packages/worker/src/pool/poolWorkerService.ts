import { isPlainObject, runScenario, type PluginDescriptor, type RunResult } from '@immunotwin/engine';
import * as Comlink from 'comlink';
import { createAbortError } from '../abortError.js';
import { installErrorTransfer } from '../errorTransfer.js';
import { TwinSession } from '../session.js';
import { transferablesOf } from '../transferables.js';
import type { IPoolTask, IPoolWorkerService } from './poolTask.js';

/**
 * A pool worker: runs tasks (replicates of a scenario) with the engine, one at a time, and hands back their
 * results with the arrays' buffers transferred. Models come as descriptors, as for a twin session (whose
 * registry, with lazily loaded code, it uses).
 */
export class PoolWorkerService implements IPoolWorkerService {
  private readonly session = new TwinSession();
  private controller: AbortController | undefined;

  /** {@inheritDoc IPoolWorkerService.addPlugins} */
  addPlugins(descriptors: readonly unknown[]): Promise<void> {
    return this.session.addPlugins(descriptors as readonly PluginDescriptor[]);
  }

  /** {@inheritDoc IPoolWorkerService.run} */
  async run(task: IPoolTask): Promise<RunResult[]> {
    if (!isPlainObject(task) || !Array.isArray(task.replicates)) {
      throw new TypeError('a pool task is { scenario, replicates: number[] }');
    }
    const controller = new AbortController();
    this.controller = controller;
    try {
      const resolved = await this.session.resolve(task.scenario);
      const { runs } = await runScenario(resolved, { replicateIndices: task.replicates, signal: controller.signal });
      return Comlink.transfer([...runs], transferablesOf(runs));
    } finally {
      if (this.controller === controller) this.controller = undefined;
    }
  }

  /** {@inheritDoc IPoolWorkerService.cancel} */
  async cancel(): Promise<void> {
    this.controller?.abort(createAbortError());
  }
}

/** Serves a pool worker on `endpoint` (a browser worker's global scope, or a Node worker's parent port). */
export function exposePoolWorker(endpoint: Comlink.Endpoint): PoolWorkerService {
  installErrorTransfer();
  const service = new PoolWorkerService();
  Comlink.expose(service, endpoint);
  return service;
}
