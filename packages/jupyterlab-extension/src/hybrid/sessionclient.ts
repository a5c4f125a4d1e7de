import { SessionAPI, type ServerConnection, type Session } from '@jupyterlab/services';
import { LiteSessionClient, type LiteKernelClient } from '@jupyterlite/services';
import type { HybridKernelClient } from './kernelclient';

type SessionUpdate = Parameters<Session.ISessionAPIClient['update']>[0];

/**
 * The /api/sessions client: a session on an in-browser kernelspec lives in the page, every other on the
 * server; later calls go wherever the session id lives.
 */
export class HybridSessionClient implements Session.ISessionAPIClient {
  /** Creates the client. */
  constructor(options: HybridSessionClient.IOptions) {
    this.serverSettings = options.serverSettings;
    this.kernels = options.kernelClient;
    this.server = new SessionAPI.SessionAPIClient({ serverSettings: options.serverSettings });
    this.browser = new LiteSessionClient({ kernelClient: options.browserClient });
  }

  /** The server settings. */
  readonly serverSettings: ServerConnection.ISettings;

  /** The server's sessions, then the page's. */
  async listRunning(): Promise<Session.IModel[]> {
    const [server, browser] = await Promise.all([this.server.listRunning(), this.browser.listRunning()]);
    return [...server, ...browser];
  }

  /** A session's model. */
  async getModel(id: string): Promise<Session.IModel> {
    return this.clientOf(id).getModel(id);
  }

  /** Starts a session in the page when its kernel is an in-browser kernelspec, else on the server. */
  async startNew(options: Session.ISessionOptions): Promise<Session.IModel> {
    if (!this.kernels.isBrowserSpec(options.kernel?.name)) return this.server.startNew(options);
    const model = await this.browser.startNew(options);
    this.browserIds.add(model.id);
    if (model.kernel) this.kernels.adopt(model.kernel.id);
    return model;
  }

  /** Shuts a session down. */
  async shutdown(id: string): Promise<void> {
    await this.clientOf(id).shutdown(id);
    this.browserIds.delete(id);
  }

  /** Renames a session or changes its kernel (within the side it lives on). */
  async update(model: SessionUpdate): Promise<Session.IModel> {
    const updated = await this.clientOf(model.id).update(model);
    if (this.browserIds.has(model.id) && updated.kernel) this.kernels.adopt(updated.kernel.id);
    return updated;
  }

  private clientOf(id: string): Session.ISessionAPIClient {
    return this.browserIds.has(id) ? this.browser : this.server;
  }

  private readonly kernels: HybridKernelClient;
  private readonly server: Session.ISessionAPIClient;
  private readonly browser: Session.ISessionAPIClient;
  private readonly browserIds = new Set<string>();
}

/** Statics of {@link HybridSessionClient}. */
export namespace HybridSessionClient {
  /** Options of a {@link HybridSessionClient}. */
  export interface IOptions {
    /** Settings for the server's sessions API. */
    readonly serverSettings: ServerConnection.ISettings;
    /** The hybrid kernel client (it must learn the ids of kernels that in-browser sessions start). */
    readonly kernelClient: HybridKernelClient;
    /** The in-browser kernels' client, shared with the hybrid kernel client. */
    readonly browserClient: LiteKernelClient;
  }
}
