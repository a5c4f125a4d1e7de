import {
  ChunkBudget,
  runForecastMembers,
  scenarioTwin,
  type AssimilationSpec,
  type ForecastMembersResult,
  type StateSpaceModel,
  isPlainObject,
  runFitTask,
  scenarioFitProblem,
  type FitProblem,
  outcomeValues,
  runScenario,
  type OutcomeRequest,
  type PluginDescriptor,
  type RunResult,
  type FitTaskResult,
} from '@immunotwin/engine';
import * as Comlink from 'comlink';
import { createAbortError } from '../abortError.js';
import { installErrorTransfer } from '../errorTransfer.js';
import { TwinSession } from '../session.js';
import { transferablesOf } from '../transferables.js';
import type { IFitPoolTask, IFitProblemSpec, IForecastPoolTask, IPoolTask, IPoolWorkerService } from './poolTask.js';

/**
 * A pool worker: runs tasks (replicates of a scenario) with the engine, one at a time, and hands back their
 * results with the arrays' buffers transferred. Models come as descriptors, as for a twin session (whose
 * registry, with lazily loaded code, it uses).
 */
export class PoolWorkerService implements IPoolWorkerService {
  private readonly session = new TwinSession();
  private controller: AbortController | undefined;
  /** One budget for every task: short runs one after another yield every 16 ms, not after each run. */
  private readonly budget = new ChunkBudget();
  /** The last fit problem built, by its spec's JSON: the tasks of one fit share it. */
  private fitProblem: { readonly key: string; readonly problem: FitProblem } | undefined;
  /** The last twin a forecast was run on, by its spec's JSON: the batches of one forecast share it. */
  private forecastTwin: { readonly key: string; readonly model: StateSpaceModel } | undefined;

  /** {@inheritDoc IPoolWorkerService.addPlugins} */
  addPlugins(descriptors: readonly unknown[]): Promise<void> {
    return this.session.addPlugins(descriptors as readonly PluginDescriptor[]);
  }

  /** {@inheritDoc IPoolWorkerService.run} */
  async run(task: IPoolTask): Promise<RunResult[]> {
    const runs = await this.runTask(task);
    return Comlink.transfer(runs, transferablesOf(runs));
  }

  /** {@inheritDoc IPoolWorkerService.outcomes} */
  async outcomes(tasks: readonly IPoolTask[], requests: readonly OutcomeRequest[]): Promise<Float64Array> {
    if (!Array.isArray(tasks)) throw new TypeError('outcomes: tasks must be an array of pool tasks');
    if (!Array.isArray(requests)) throw new TypeError('outcomes: requests must be an array of outcome requests');
    const runs: RunResult[] = [];
    for (const task of tasks) runs.push(...(await this.runTask(task)));
    const values = outcomeValues(runs, requests);
    return Comlink.transfer(values, [values.buffer]);
  }

  private async runTask(task: IPoolTask): Promise<RunResult[]> {
    if (!isPlainObject(task) || !Array.isArray(task.replicates)) {
      throw new TypeError('a pool task is { scenario, replicates: number[] }');
    }
    return this.cancellable(async (signal) => {
      const resolved = await this.session.resolve(task.scenario);
      const { runs } = await runScenario(resolved, { replicateIndices: task.replicates, signal, budget: this.budget });
      return [...runs];
    });
  }

  /** Runs `work` as the task under way: `cancel()` aborts its signal. */
  private async cancellable<T>(work: (signal: AbortSignal) => Promise<T>): Promise<T> {
    const controller = new AbortController();
    this.controller = controller;
    try {
      return await work(controller.signal);
    } finally {
      if (this.controller === controller) this.controller = undefined;
    }
  }

  /** {@inheritDoc IPoolWorkerService.fitTasks} */
  async fitTasks(tasks: readonly IFitPoolTask[]): Promise<FitTaskResult[]> {
    if (!Array.isArray(tasks)) throw new TypeError('fitTasks: tasks must be an array of fit tasks');
    return this.cancellable(async (signal) => {
      const results: FitTaskResult[] = [];
      for (const { problem, task } of tasks) {
        results.push(await runFitTask(await this.fitProblemOf(problem), task, { signal, budget: this.budget }));
      }
      return results;
    });
  }

  private async fitProblemOf(spec: IFitProblemSpec): Promise<FitProblem> {
    const key = JSON.stringify(spec);
    if (this.fitProblem?.key !== key) {
      const { plugin } = await this.session.resolve(spec.experiments[0]?.scenario);
      const problem = scenarioFitProblem({
        plugin,
        experiments: spec.experiments,
        observation: spec.observation,
        parameters: spec.parameters,
      });
      this.fitProblem = { key, problem };
    }
    return this.fitProblem.problem;
  }

  /** {@inheritDoc IPoolWorkerService.forecastMembers} */
  async forecastMembers(tasks: readonly IForecastPoolTask[]): Promise<ForecastMembersResult[]> {
    if (!Array.isArray(tasks)) throw new TypeError('forecastMembers: tasks must be an array of forecast batches');
    const results = await this.cancellable(async (signal) => {
      const done: ForecastMembersResult[] = [];
      for (const { twin, batch } of tasks) {
        const model = await this.forecastModelOf(twin);
        done.push(await runForecastMembers(model, batch, { signal, budget: this.budget }));
      }
      return done;
    });
    return Comlink.transfer(
      results,
      results.flatMap((r) => [r.predicted.buffer, r.finalStates.buffer]),
    );
  }

  private async forecastModelOf(spec: AssimilationSpec): Promise<StateSpaceModel> {
    const key = JSON.stringify(spec);
    if (this.forecastTwin?.key !== key) {
      const { plugin } = await this.session.resolve(spec.scenario);
      this.forecastTwin = { key, model: scenarioTwin(plugin, spec).model };
    }
    return this.forecastTwin.model;
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
