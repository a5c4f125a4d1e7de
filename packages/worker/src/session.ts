import * as engine from '@immunotwin/engine';
import {
  isPlainObject,
  describeValue,
  DEFAULT_CHUNK_MILLISECONDS,
  ModelRegistry,
  checkMemoryBudget,
  ReplicateRun,
  runBand,
  runInChunks,
  sampleTimes,
  scenarioToJson,
  summarizeEnsemble,
  ValidationError,
  type BandSpec,
  type EnsembleSummary,
  type ModelManifest,
  type ModelPlugin,
  type PluginDescriptor,
  type ResolvedScenario,
  type RunProgress,
  type RunResult,
  type Scenario,
  type ValidationIssue,
} from '@immunotwin/engine';
import { createAbortError } from './abortError.js';
import { copyRunResult, copySessionResult } from './copies.js';
import { checkSessionSnapshot, SESSION_SNAPSHOT_FORMAT, SESSION_SNAPSHOT_VERSION } from './sessionSnapshot.js';
import { SessionTissuePictures, TISSUE_PICTURE_MILLISECONDS } from './sessionTissue.js';
import type {
  IBandOptions,
  IBandResult,
  IRunOptions,
  IRunSummary,
  ISessionFrame,
  ISessionResult,
  ISessionSnapshot,
  ISessionStatus,
  ITwinSession,
} from './types.js';

/** Options of the `TwinSession` constructor. */
export interface ITwinSessionOptions {
  /**
   * Model plugins, with their code, to register at once (an in-process session; a session in a worker gets
   * its models as descriptors through `addPlugins`).
   */
  plugins?: readonly ModelPlugin[];
}

/** Work started and not finished: replicates done so far and the one in progress. */
interface IJob {
  /** Aborted by `cancel()`; also handed to the replicates so long stochastic steps stop. */
  readonly controller: AbortController;
  /** Finished replicates, in order. */
  readonly finished: RunResult[];
  /** The replicate in progress (`finished.length`), once started. */
  current: ReplicateRun | undefined;
}

/** The run being driven by a pending `run()` call. */
interface IActiveRun {
  readonly job: IJob;
  paused: boolean;
  /** Wakes a run parked by `pause()`. */
  wake: (() => void) | undefined;
}

/** A finished run of the current scenario. */
interface IFinished {
  readonly runs: readonly RunResult[];
  readonly summary: EnsembleSummary | undefined;
}

function throwIfAborted(signal: AbortSignal): void {
  if (signal.aborted) throw signal.reason ?? createAbortError();
}

/**
 * The fraction of a replicate's simulated time covered by the samples recorded (the time of the last
 * recorded sample over the duration): 1 only once the last sample is in.
 */
function covered(run: ReplicateRun, times: Float64Array, duration: number): number {
  if (run.done) return 1;
  return run.samplesRecorded === 0 ? 0 : times[run.samplesRecorded - 1] / duration;
}

function milliseconds(value: unknown, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new ValidationError('run options', [
      { path: name, message: `must be a number of milliseconds ≥ 0; got ${describeValue(value)}` },
    ]);
  }
  return value;
}

/** The model ids a scenario document names: its model, then each coupling partner's (unchecked: resolve checks). */
function modelsNamedBy(document: unknown): string[] {
  if (!isPlainObject(document)) return [];
  const ids = typeof document.model === 'string' ? [document.model] : [];
  const partners = isPlainObject(document.coupling) ? document.coupling.partners : undefined;
  if (isPlainObject(partners)) {
    for (const partner of Object.values(partners)) {
      if (isPlainObject(partner) && typeof partner.model === 'string') ids.push(partner.model);
    }
  }
  return ids;
}

/**
 * One twin: a scenario of a registered model, and runs of it that can be streamed, paused, cancelled,
 * snapshotted and continued elsewhere. Pure logic with no worker API, so it runs the same on a page, in
 * a browser Worker, in a Node `worker_threads` worker or in a test; `exposeSession` serves it over comlink.
 *
 * Every method returns a promise, so the in-process object and a remote one have the same shape. Bad
 * input rejects with the engine's ValidationError (naming the field, the value and what is allowed) and
 * changes nothing.
 */
export class TwinSession implements ITwinSession {
  private readonly registry = new ModelRegistry();
  /** Code plugins added but not loaded yet, by id: their module is imported when a scenario first needs it. */
  private readonly pending = new Map<string, PluginDescriptor>();
  private document: Scenario | undefined;
  private resolved: ResolvedScenario | undefined;
  /** The current scenario's sample times. */
  private times: Float64Array = new Float64Array(0);
  private job: IJob | undefined;
  private active: IActiveRun | undefined;
  private finished: IFinished | undefined;
  /** The band being computed, with the fraction of it done. */
  private banding: { readonly controller: AbortController; fraction: number } | undefined;

  /** @param options the models the session knows from the start (by default none: see `addPlugins`). */
  constructor(options: ITwinSessionOptions = {}) {
    for (const plugin of options.plugins ?? []) this.registry.register(plugin);
  }

  /**
   * Adds models by descriptor (plain data, so it crosses a worker boundary). A data plugin (a reaction
   * network) is validated and registered at once; a code plugin's module is imported in the session's own
   * thread when a scenario first names it, so a workbench loads only the code it runs. Rejects with
   * ValidationError, adding none, when an id is taken (by a registered model or by another descriptor).
   */
  async addPlugins(descriptors: readonly PluginDescriptor[]): Promise<void> {
    const seen = new Set<string>();
    const issues: ValidationIssue[] = [];
    descriptors.forEach(({ manifest }, i) => {
      const id = manifest?.id;
      if (this.registry.has(id) || this.pending.has(id) || seen.has(id)) {
        issues.push({ path: `[${i}].manifest.id`, message: `a model "${id}" is already registered` });
      }
      seen.add(id);
    });
    if (issues.length > 0) throw new ValidationError('model registration', issues);
    await this.registry.registerDescriptors(descriptors.filter((d) => d.module === undefined));
    for (const descriptor of descriptors) {
      if (descriptor.module !== undefined) this.pending.set(descriptor.manifest.id, descriptor);
    }
  }

  /** Manifests of every model the session knows (loaded or not), sorted by id (copies). */
  async models(): Promise<ModelManifest[]> {
    const manifests = [...this.registry.list(), ...this.pending.values()].map((entry) => entry.manifest);
    return manifests.sort((a, b) => (a.id < b.id ? -1 : 1)).map((manifest) => structuredClone(manifest));
  }

  /** The manifest of model `id`, or of the current scenario's model when no id is given (a copy). */
  async manifest(id?: string): Promise<ModelManifest> {
    if (id !== undefined && this.pending.has(id)) return structuredClone(this.pending.get(id)!.manifest);
    const plugin = id === undefined ? this.requireScenario().plugin : this.registry.get(id);
    return structuredClone(plugin.manifest);
  }

  /**
   * Validates a scenario document against its model and makes it the session's scenario, dropping any
   * pending or finished run. Resolves to the explicit scenario (every parameter spelled out).
   */
  async create(scenario: unknown): Promise<Scenario> {
    this.requireIdle('create a scenario');
    await this.loadModelOf(scenario);
    const resolved = this.registry.resolve(scenario);
    return this.commit(structuredClone(scenario as Scenario), resolved);
  }

  /**
   * Validates a scenario document against its model (importing the model's code first if it came by
   * descriptor) and resolves it, without making it the session's scenario. Rejects with ValidationError.
   */
  async resolve(scenario: unknown): Promise<ResolvedScenario> {
    await this.loadModelOf(scenario);
    return this.registry.resolve(scenario);
  }

  /**
   * Changes parameter values (merged into the scenario's `parameters`) for the next run. Invalid values
   * reject with the engine's message and leave the session as it was.
   */
  async setParameters(parameters: Record<string, number>): Promise<Scenario> {
    const document = this.requireDocument();
    this.requireIdle('change parameters');
    if (!isPlainObject(parameters)) {
      throw new ValidationError('parameters', [
        { path: '', message: `must be an object of parameter id → number; got ${describeValue(parameters)}` },
      ]);
    }
    const next: Scenario = { ...document, parameters: { ...document.parameters, ...parameters } };
    const resolved = this.registry.resolve(next);
    return this.commit(structuredClone(next), resolved);
  }

  /**
   * Changes top-level scenario fields (a shallow merge: a given `parameters`, `interventions` or `solver`
   * replaces the old one whole) for the next run. Invalid input rejects and changes nothing.
   */
  async setScenario(partial: Partial<Scenario>): Promise<Scenario> {
    const document = this.requireDocument();
    this.requireIdle('change the scenario');
    if (!isPlainObject(partial)) {
      throw new ValidationError('scenario', [
        { path: '', message: `must be an object of scenario fields; got ${describeValue(partial)}` },
      ]);
    }
    const next = { ...document, ...partial } as Scenario;
    const resolved = this.registry.resolve(next);
    return this.commit(structuredClone(next), resolved);
  }

  /** The current scenario, explicit (every parameter spelled out). */
  async scenario(): Promise<Scenario> {
    return scenarioToJson(this.requireScenario());
  }

  /** Where the session is and how far its pending work has come. */
  async status(): Promise<ISessionStatus> {
    const state = !this.resolved
      ? 'empty'
      : this.active
        ? this.active.paused
          ? 'paused'
          : 'running'
        : this.banding
          ? 'running'
          : 'ready';
    // A band under way reports its own progress; otherwise the pending (or last) run's.
    let progress = this.banding ? this.banding.fraction : this.finished ? 1 : 0;
    if (this.job && this.resolved) {
      const { current } = this.job;
      const partial = current ? covered(current, this.times, this.resolved.duration) : 0;
      progress = (this.job.finished.length + partial) / this.resolved.replicates;
    }
    return { state, progress, hasResult: this.finished !== undefined };
  }

  /**
   * Runs every replicate of the scenario in chunks that yield to the event loop (so pause, cancel and
   * other calls get through), streaming the samples recorded since the previous frame and the progress.
   * Continues pending work (a restored snapshot) if there is some. Listeners are awaited, which gives
   * back-pressure when they are remote. Rejects with an `AbortError` when cancelled, and with the
   * listener's or the model's error if one throws; either way nothing stays pending and the session can
   * run again.
   */
  async run(options: IRunOptions = {}): Promise<IRunSummary> {
    const resolved = this.requireScenario();
    checkMemoryBudget(resolved, options.maxMemory);
    if (this.active) {
      throw new Error(
        `a run is already ${this.active.paused ? 'paused' : 'in progress'} in this session; resume or cancel it first`,
      );
    }
    if (this.banding) throw new Error('a band is being computed in this session; await or cancel it first');
    const chunkMilliseconds = milliseconds(options.chunkMilliseconds, 'chunkMilliseconds', DEFAULT_CHUNK_MILLISECONDS);
    const frameMilliseconds = milliseconds(options.frameMilliseconds, 'frameMilliseconds', 0);
    const started = Date.now();
    this.finished = undefined;
    const job = (this.job ??= { controller: new AbortController(), finished: [], current: undefined });
    const active: IActiveRun = { job, paused: false, wake: undefined };
    this.active = active;
    try {
      const runs = await this.drive(resolved, active, options, chunkMilliseconds, frameMilliseconds);
      const summary = runs.length > 1 ? summarizeEnsemble(runs, resolved.quantiles) : undefined;
      this.finished = { runs, summary };
      this.job = undefined;
      return {
        model: resolved.plugin.manifest.id,
        replicates: runs.length,
        samples: runs[0].time.length,
        work: runs.reduce((sum, run) => sum + run.work, 0),
        elapsedMilliseconds: Date.now() - started,
      };
    } catch (error) {
      if (this.job === job) this.job = undefined;
      throw error;
    } finally {
      if (this.active === active) this.active = undefined;
    }
  }

  /**
   * Runs a band of the current scenario — replicates, or a virtual cohort around its parameter values (the
   * engine's `runBand`: one member after the other with `runScenario` on its replicate index, folded into an
   * `EnsembleAggregate`) — in chunks that yield to the event loop, so `cancel()` gets through. Resolves to the
   * median and quantile bands only. Rejects with the engine's ValidationError ("Invalid band: …") when the band
   * does not fit the scenario, and with an `AbortError` when cancelled. The session's scenario and finished run
   * are left as they were.
   */
  async band(band: BandSpec, options: IBandOptions = {}): Promise<IBandResult> {
    const resolved = this.requireScenario();
    this.requireIdle('compute a band');
    const chunkMilliseconds = milliseconds(options.chunkMilliseconds, 'chunkMilliseconds', DEFAULT_CHUNK_MILLISECONDS);
    const banding = { controller: new AbortController(), fraction: 0 };
    this.banding = banding;
    const { onProgress } = options;
    try {
      const result = await runBand(resolved, band, {
        signal: banding.controller.signal,
        chunkMilliseconds,
        onProgress: (progress) => {
          banding.fraction = progress.fraction;
          // Not awaited (progress is small and at most one a chunk); a listener's failure must not stop the band.
          if (onProgress)
            void Promise.resolve(progress)
              .then(onProgress)
              .catch(() => undefined);
        },
      });
      return { scenario: scenarioToJson(resolved), ...result };
    } finally {
      if (this.banding === banding) this.banding = undefined;
    }
  }

  /**
   * Pauses the run at the next chunk boundary (immediately when called from a listener): the samples
   * recorded so far are sent as a frame, then nothing more arrives until `resume()`. No-op when no run
   * is under way. Do not await a remote `pause()` inside a listener the run awaits.
   */
  async pause(): Promise<void> {
    if (this.active) this.active.paused = true;
  }

  /** Continues a paused run. No-op when none is paused. */
  async resume(): Promise<void> {
    const active = this.active;
    if (!active || !active.paused) return;
    active.paused = false;
    active.wake?.();
  }

  /**
   * Cancels the run under way (running or paused) or the band being computed, and drops any pending work: the
   * pending `run()` or `band()` rejects with an error named `AbortError`. The session is ready for the next call at once.
   */
  async cancel(): Promise<void> {
    const { job, active, banding } = this;
    this.job = undefined;
    this.active = undefined;
    this.banding = undefined;
    job?.controller.abort(createAbortError());
    banding?.controller.abort(createAbortError());
    active?.wake?.();
  }

  /**
   * A structured-cloneable copy of the session: its scenario, the finished replicates and the state of
   * the replicate in progress. Allowed at any time, also while running (it captures the last chunk
   * boundary); `restore` continues it, in this or another session, with results bit-identical to an
   * uninterrupted run.
   */
  async snapshot(): Promise<ISessionSnapshot> {
    const document = this.requireDocument();
    const finished = this.job?.finished ?? this.finished?.runs ?? [];
    return {
      format: SESSION_SNAPSHOT_FORMAT,
      version: SESSION_SNAPSHOT_VERSION,
      scenario: structuredClone(document),
      finished: finished.map(copyRunResult),
      current: this.job?.current?.snapshot(),
    };
  }

  /**
   * Makes a snapshot's scenario and work the session's own: `run()` then continues where the snapshot
   * was taken (its first frame carries every sample of the replicate in progress), and a snapshot of a
   * finished run gives its result back. Rejects with ValidationError if the snapshot does not fit.
   */
  async restore(snapshot: ISessionSnapshot): Promise<Scenario> {
    this.requireIdle('restore a snapshot');
    const checked = checkSessionSnapshot(snapshot);
    await this.loadModelOf(checked.scenario);
    const resolved = this.registry.resolve(checked.scenario);
    const samples = sampleTimes(resolved.duration, resolved.outputInterval).length; // this.times is the old scenario's
    const issues: ValidationIssue[] = [];
    if (checked.finished.length > resolved.replicates) {
      issues.push({
        path: 'finished',
        message: `has ${checked.finished.length} runs but the scenario has ${resolved.replicates} replicate(s)`,
      });
    }
    checked.finished.forEach((run, i) => {
      if (run.time.length !== samples) {
        issues.push({
          path: `finished[${i}].time`,
          message: `has ${run.time.length} samples; the scenario has ${samples}`,
        });
      }
    });
    if (checked.current && checked.finished.length >= resolved.replicates) {
      issues.push({ path: 'current', message: 'must be absent when every replicate has finished' });
    }
    if (issues.length > 0) throw new ValidationError('session snapshot', issues);
    const job: IJob = {
      controller: new AbortController(),
      finished: checked.finished.map(copyRunResult),
      current: undefined,
    };
    if (checked.current) {
      try {
        job.current = ReplicateRun.restore(resolved, checked.current, job.controller.signal);
      } catch (error) {
        throw new ValidationError('session snapshot', [{ path: 'current', message: (error as Error).message }]);
      }
    }
    const explicit = this.commit(structuredClone(checked.scenario), resolved);
    if (job.finished.length === resolved.replicates) {
      const summary = job.finished.length > 1 ? summarizeEnsemble(job.finished, resolved.quantiles) : undefined;
      this.finished = { runs: job.finished, summary };
    } else if (job.finished.length > 0 || job.current) this.job = job;
    return explicit;
  }

  /** The finished run as plain data with fresh arrays (safe to transfer). Rejects if no run has finished. */
  async result(): Promise<ISessionResult> {
    const resolved = this.requireScenario();
    if (!this.finished) {
      throw new Error(
        this.active
          ? 'the run has not finished yet; await run() first'
          : 'no finished run: call run() first (changing the scenario drops the last result)',
      );
    }
    return copySessionResult({ scenario: scenarioToJson(resolved), ...this.finished });
  }

  /** Drives the active run until every replicate is done (see `run`). */
  private async drive(
    resolved: ResolvedScenario,
    active: IActiveRun,
    options: IRunOptions,
    chunkMilliseconds: number,
    frameMilliseconds: number,
  ): Promise<RunResult[]> {
    const { job } = active;
    const { signal } = job.controller;
    const { onFrame, onProgress, tissue } = options;
    const replicates = resolved.replicates;
    let cursor = 0; // the first frame of a continued replicate carries everything recorded before
    let lastFrameAt = -Infinity;
    let lastFraction = -1;
    const pictures = tissue
      ? new SessionTissuePictures(
          resolved.plugin.manifest,
          tissue.field,
          milliseconds(tissue.milliseconds, 'tissue.milliseconds', TISSUE_PICTURE_MILLISECONDS),
          tissue.unknownField,
        )
      : undefined;
    /** Samples since the last frame, with pictures of replicate 0's space when asked for (always: the last state). */
    const takeFrame = (run: ReplicateRun, replicate: number, always = run.done): ISessionFrame | undefined => {
      const tissue = replicate === 0 ? pictures?.take(run, always) : undefined;
      // At a pause a frame may carry no new sample, only the picture of the state reached.
      if (run.samplesRecorded <= cursor && !tissue?.length) return undefined;
      const frame: ISessionFrame = { replicate, ...run.frame(cursor), ...(tissue?.length && { tissue }) };
      cursor = run.samplesRecorded;
      lastFrameAt = Date.now();
      return frame;
    };
    const send = async (frame: ISessionFrame | undefined): Promise<void> => {
      if (!frame || !onFrame) return;
      await onFrame(frame);
      throwIfAborted(signal);
    };
    const report = async (progress: RunProgress): Promise<void> => {
      lastFraction = progress.fraction;
      if (!onProgress) return;
      await onProgress(progress);
      throwIfAborted(signal);
    };

    /** Where a paused run parks (before a chunk, after the yield): the samples so far go out first. */
    const pausePoint = (): Promise<void> | undefined => (active.paused ? park() : undefined);
    const park = async (): Promise<void> => {
      if (job.current) await send(takeFrame(job.current, job.finished.length, true));
      while (active.paused && !signal.aborted) await new Promise<void>((resolve) => (active.wake = resolve));
      active.wake = undefined;
    };
    const afterChunk = async (run: ReplicateRun): Promise<void> => {
      const replicate = job.finished.length;
      // Bookkeeping before any await, so that a snapshot taken meanwhile is consistent.
      const frame = run.done || Date.now() - lastFrameAt >= frameMilliseconds ? takeFrame(run, replicate) : undefined;
      const fraction = covered(run, this.times, resolved.duration);
      const progress: RunProgress = {
        fraction: (replicate + fraction) / replicates,
        replicate,
        replicates,
        time: fraction * resolved.duration,
      };
      if (run.done) {
        job.finished.push(run.result());
        job.current = undefined;
        cursor = 0;
        lastFrameAt = -Infinity;
      } else job.current = run;
      await send(frame);
      await report(progress);
    };

    while (job.finished.length < replicates) {
      const run = job.current ?? new ReplicateRun(resolved, job.finished.length, signal);
      // A restored replicate may have every sample already: it only needs its bookkeeping.
      const afterStep = job.finished.length === 0 ? pictures?.afterStep.bind(pictures) : undefined;
      if (run.done) await afterChunk(run);
      else await runInChunks(run, { chunkMilliseconds, signal, beforeChunk: pausePoint, afterStep, afterChunk });
    }
    throwIfAborted(signal);
    if (lastFraction !== 1) {
      await report({ fraction: 1, replicate: replicates - 1, replicates, time: resolved.duration });
    }
    return job.finished;
  }

  /**
   * Imports the code of the models a scenario document names — its model and its coupling partners' — that were
   * added by descriptor and not loaded yet (the host's engine API goes to a module whose default export is a
   * function of it).
   */
  private async loadModelOf(document: unknown): Promise<void> {
    for (const id of modelsNamedBy(document)) {
      const descriptor = this.pending.get(id);
      if (!descriptor) continue;
      await this.registry.registerDescriptors([descriptor], { host: engine });
      this.pending.delete(id);
    }
  }

  /** Makes a resolved scenario current, dropping pending and finished work. */
  private commit(document: Scenario, resolved: ResolvedScenario): Scenario {
    this.document = document;
    this.resolved = resolved;
    this.times = sampleTimes(resolved.duration, resolved.outputInterval);
    this.job = undefined;
    this.finished = undefined;
    return scenarioToJson(resolved);
  }

  private requireDocument(): Scenario {
    if (!this.document) throw new Error('the session has no scenario yet: call create(scenario) first');
    return this.document;
  }

  private requireScenario(): ResolvedScenario {
    if (!this.resolved) throw new Error('the session has no scenario yet: call create(scenario) first');
    return this.resolved;
  }

  private requireIdle(what: string): void {
    if (this.active) {
      throw new Error(
        `cannot ${what} while a run is ${this.active.paused ? 'paused' : 'in progress'}; cancel it first (or await it)`,
      );
    }
    if (this.banding) throw new Error(`cannot ${what} while a band is being computed; cancel it first (or await it)`);
  }
}
