import type { BandSpec, ModelManifest, PluginDescriptor, Scenario } from '@immunotwin/engine';
import * as Comlink from 'comlink';
import { installErrorTransfer } from './errorTransfer.js';
import { TwinSession } from './session.js';
import { transferablesOf } from './transferables.js';
import type {
  FrameListener,
  IBandOptions,
  IBandResult,
  IRunOptions,
  IRunSummary,
  IRunTiming,
  ISessionFrame,
  ISessionResult,
  ISessionSnapshot,
  ISessionStatus,
  ProgressListener,
} from './types.js';

/**
 * A listener passed across the worker boundary: wrapped in `Comlink.proxy` by the caller, a comlink proxy
 * (whose calls return promises) on the session's side.
 */
export type RemoteListener<F> = F & Comlink.ProxyMarked;

function release(listener: unknown): void {
  const remote = listener as Partial<Comlink.ProxyMethods> | undefined;
  if (typeof remote?.[Comlink.releaseProxy] === 'function') remote[Comlink.releaseProxy]();
}

/**
 * The TwinSession API as served over comlink. Listeners are separate arguments (comlink proxies only
 * top-level arguments); frames and results travel as transferred ArrayBuffers, not copies.
 */
export class SessionService {
  /** @param session the session served */
  constructor(private readonly session: TwinSession) {}

  /** See `TwinSession.addPlugins`. */
  addPlugins(descriptors: readonly PluginDescriptor[]): Promise<void> {
    return this.session.addPlugins(descriptors);
  }

  /** See `TwinSession.models`. */
  models(): Promise<ModelManifest[]> {
    return this.session.models();
  }

  /** See `TwinSession.manifest`. */
  manifest(id?: string): Promise<ModelManifest> {
    return this.session.manifest(id);
  }

  /** See `TwinSession.create`. */
  create(scenario: unknown): Promise<Scenario> {
    return this.session.create(scenario);
  }

  /** See `TwinSession.setParameters`. */
  setParameters(parameters: Record<string, number>): Promise<Scenario> {
    return this.session.setParameters(parameters);
  }

  /** See `TwinSession.setScenario`. */
  setScenario(partial: Partial<Scenario>): Promise<Scenario> {
    return this.session.setScenario(partial);
  }

  /** See `TwinSession.scenario`. */
  scenario(): Promise<Scenario> {
    return this.session.scenario();
  }

  /** See `TwinSession.status`. */
  status(): Promise<ISessionStatus> {
    return this.session.status();
  }

  /**
   * See `TwinSession.run`. Frames are sent with their buffers transferred; the listener proxies are
   * released when the run settles.
   */
  async run(
    timing: IRunTiming & Pick<IRunOptions, 'tissue'> = {},
    onFrame?: RemoteListener<FrameListener>,
    onProgress?: RemoteListener<ProgressListener>,
  ): Promise<IRunSummary> {
    try {
      return await this.session.run({
        frameMilliseconds: timing.frameMilliseconds,
        chunkMilliseconds: timing.chunkMilliseconds,
        tissue: timing.tissue,
        onFrame: onFrame && ((frame: ISessionFrame) => onFrame(Comlink.transfer(frame, transferablesOf(frame)))),
        onProgress: onProgress && ((progress) => onProgress(progress)),
      });
    } finally {
      release(onFrame);
      release(onProgress);
    }
  }

  /**
   * See `TwinSession.band`. Only the summary comes back, its buffers transferred; the listener proxy is released
   * when the band settles.
   */
  async band(
    band: BandSpec,
    timing: Pick<IBandOptions, 'chunkMilliseconds'> = {},
    onProgress?: RemoteListener<ProgressListener>,
  ): Promise<IBandResult> {
    try {
      const result = await this.session.band(band, {
        chunkMilliseconds: timing.chunkMilliseconds,
        onProgress: onProgress && ((progress) => onProgress(progress)),
      });
      return Comlink.transfer(result, transferablesOf(result));
    } finally {
      release(onProgress);
    }
  }

  /** See `TwinSession.pause`. */
  pause(): Promise<void> {
    return this.session.pause();
  }

  /** See `TwinSession.resume`. */
  resume(): Promise<void> {
    return this.session.resume();
  }

  /** See `TwinSession.cancel`. */
  cancel(): Promise<void> {
    return this.session.cancel();
  }

  /** See `TwinSession.snapshot`; the finished replicates' buffers are transferred. */
  async snapshot(): Promise<ISessionSnapshot> {
    const snapshot = await this.session.snapshot();
    return Comlink.transfer(snapshot, transferablesOf(snapshot.finished));
  }

  /** See `TwinSession.restore`. */
  restore(snapshot: ISessionSnapshot): Promise<Scenario> {
    return this.session.restore(snapshot);
  }

  /** See `TwinSession.result`; every buffer is transferred. */
  async result(): Promise<ISessionResult> {
    const result = await this.session.result();
    return Comlink.transfer(result, transferablesOf(result));
  }
}

/**
 * Serves a twin session on a comlink endpoint: a Worker's global scope, a MessagePort, or a Node
 * `worker_threads` port wrapped with comlink's node adapter. Thrown errors arrive whole on the other side
 * (ValidationError with its `issues`). Returns the session, which the host may also use directly.
 */
export function exposeSession(endpoint: Comlink.Endpoint, session: TwinSession = new TwinSession()): TwinSession {
  installErrorTransfer();
  Comlink.expose(new SessionService(session), endpoint);
  return session;
}
