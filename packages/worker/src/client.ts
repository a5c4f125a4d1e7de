import type { BandSpec, ModelManifest, PluginDescriptor, Scenario } from '@immunotwin/engine';
import * as Comlink from 'comlink';
import { installErrorTransfer } from './errorTransfer.js';
import { WorkerLifeline } from './workerDeath.js';

// What a page needs beside the client to tell a dead worker, without the package's main entry (the engine).
export { isWorkerDiedError, WorkerDiedError, WorkerLifeline, type WorkerDeathCause } from './workerDeath.js';
import type { SessionService } from './expose.js';
import type {
  IBandOptions,
  IBandResult,
  IRunOptions,
  IRunSummary,
  ISessionResult,
  ISessionSnapshot,
  ISessionStatus,
  ITwinSession,
} from './types.js';

/** The comlink proxy of a session served by `exposeSession`. */
export type RemoteSession = Comlink.Remote<SessionService>;

/**
 * A twin session in a worker, with the same API as an in-process `TwinSession`: listeners are wrapped in
 * `Comlink.proxy` for you, frames arrive as Float64Arrays whose buffers were transferred, and errors
 * arrive whole (a ValidationError with its `issues`, a cancelled run as an error named `AbortError`). When the
 * worker dies, every pending and later call rejects with a `WorkerDiedError` (given a lifeline its host reports
 * the death to: `createNodeSession` and the browser session factories do); make a new session to go on.
 */
export class SessionClient implements ITwinSession {
  /** The raw comlink proxy, for anything this class does not wrap. */
  readonly remote: RemoteSession;

  /**
   * @param endpoint the worker (or port) running `exposeSession`
   * @param lifeline where the host reports the worker's death (default: one nobody reports to)
   */
  constructor(
    endpoint: Comlink.Endpoint,
    readonly lifeline: WorkerLifeline = new WorkerLifeline(),
  ) {
    installErrorTransfer();
    this.remote = Comlink.wrap<SessionService>(endpoint);
  }

  /** A remote call, rejected with the worker's `WorkerDiedError` as soon as it dies. */
  private call<T>(reply: Promise<T>): Promise<T> {
    return this.lifeline.guard(reply);
  }

  /** See `TwinSession.addPlugins`. */
  addPlugins(descriptors: readonly PluginDescriptor[]): Promise<void> {
    return this.call(this.remote.addPlugins(descriptors));
  }

  /** See `TwinSession.models`. */
  models(): Promise<ModelManifest[]> {
    return this.call(this.remote.models());
  }

  /** See `TwinSession.manifest`. */
  manifest(id?: string): Promise<ModelManifest> {
    return this.call(this.remote.manifest(id));
  }

  /** See `TwinSession.create`. */
  create(scenario: unknown): Promise<Scenario> {
    return this.call(this.remote.create(scenario));
  }

  /** See `TwinSession.setParameters`. */
  setParameters(parameters: Record<string, number>): Promise<Scenario> {
    return this.call(this.remote.setParameters(parameters));
  }

  /** See `TwinSession.setScenario`. */
  setScenario(partial: Partial<Scenario>): Promise<Scenario> {
    return this.call(this.remote.setScenario(partial));
  }

  /** See `TwinSession.scenario`. */
  scenario(): Promise<Scenario> {
    return this.call(this.remote.scenario());
  }

  /** See `TwinSession.status`. */
  status(): Promise<ISessionStatus> {
    return this.call(this.remote.status());
  }

  /** See `TwinSession.run`; the listeners run on this side, and the worker awaits them (back-pressure). */
  run(options: IRunOptions = {}): Promise<IRunSummary> {
    const { onFrame, onProgress, frameMilliseconds, chunkMilliseconds, tissue } = options;
    return this.call(
      this.remote.run(
        { frameMilliseconds, chunkMilliseconds, tissue },
        onFrame && Comlink.proxy((frame: Parameters<typeof onFrame>[0]) => onFrame(frame)),
        onProgress && Comlink.proxy((progress: Parameters<typeof onProgress>[0]) => onProgress(progress)),
      ),
    );
  }

  /** See `TwinSession.band`; the progress listener runs on this side. */
  band(band: BandSpec, options: IBandOptions = {}): Promise<IBandResult> {
    const { onProgress, chunkMilliseconds } = options;
    return this.call(
      this.remote.band(
        band,
        { chunkMilliseconds },
        onProgress && Comlink.proxy((progress: Parameters<typeof onProgress>[0]) => onProgress(progress)),
      ),
    );
  }

  /** See `TwinSession.pause`. */
  pause(): Promise<void> {
    return this.call(this.remote.pause());
  }

  /** See `TwinSession.resume`. */
  resume(): Promise<void> {
    return this.call(this.remote.resume());
  }

  /** See `TwinSession.cancel`. */
  cancel(): Promise<void> {
    return this.call(this.remote.cancel());
  }

  /** See `TwinSession.snapshot`. */
  snapshot(): Promise<ISessionSnapshot> {
    return this.call(this.remote.snapshot());
  }

  /** See `TwinSession.restore`. */
  restore(snapshot: ISessionSnapshot): Promise<Scenario> {
    return this.call(this.remote.restore(snapshot));
  }

  /** See `TwinSession.result`. */
  result(): Promise<ISessionResult> {
    return this.call(this.remote.result());
  }

  /** Releases the proxy (the worker stops listening on this connection); the client is unusable after. */
  close(): void {
    this.remote[Comlink.releaseProxy]();
  }
}

/** Connects to a session served by `exposeSession` on `endpoint` (a Worker, a MessagePort, …). */
export function connectSession(endpoint: Comlink.Endpoint): SessionClient {
  return new SessionClient(endpoint);
}
export { PatientClient } from './patient/patientClient.js';
