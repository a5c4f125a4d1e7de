import { KernelAPI, type Kernel, type ServerConnection } from '@jupyterlab/services';
import type { IKernelSpecs, LiteKernelClient } from '@jupyterlite/services';

/** A kernel that can be interrupted (a `TwinKernel`); the lite kernel client does not do it by itself. */
interface IInterruptible {
  interrupt(): Promise<void>;
}

const isInterruptible = (kernel: unknown): kernel is IInterruptible =>
  typeof (kernel as Partial<IInterruptible> | undefined)?.interrupt === 'function';

/**
 * The /api/kernels client of a JupyterLab whose kernels run on the server and in the browser: kernels
 * whose name is an in-browser kernelspec start in the page (through the lite kernel client), all others
 * on the server; later calls go wherever the kernel id lives.
 */
export class HybridKernelClient implements Kernel.IKernelAPIClient {
  /** Creates the client. */
  constructor(options: HybridKernelClient.IOptions) {
    this.serverSettings = options.serverSettings;
    this.server = new KernelAPI.KernelAPIClient({ serverSettings: options.serverSettings });
    this.browser = options.browserClient;
    this.browserSpecs = options.browserSpecs;
  }

  /** The server settings (their WebSocket routes in-browser kernels to the page). */
  readonly serverSettings: ServerConnection.ISettings;

  /** Whether a kernel id is one of the in-browser kernels. */
  isBrowserKernel(id: string): boolean {
    return this.browserIds.has(id);
  }

  /** Records the id of an in-browser kernel started elsewhere (by an in-browser session). */
  adopt(id: string): void {
    this.browserIds.add(id);
  }

  /** Whether a kernel name is an in-browser kernelspec. */
  isBrowserSpec(name: string | undefined): boolean {
    return name !== undefined && this.browserSpecs.factories.has(name);
  }

  /** The server's running kernels, then the page's. */
  async listRunning(): Promise<Kernel.IModel[]> {
    const [server, browser] = await Promise.all([this.server.listRunning(), this.browser.listRunning()]);
    return [...server, ...browser];
  }

  /** A running kernel's model. */
  async getModel(id: string): Promise<Kernel.IModel | undefined> {
    if (!this.isBrowserKernel(id)) return this.server.getModel(id);
    const kernel = await this.browser.getModel(id);
    return kernel ? { id: kernel.id, name: kernel.name } : undefined;
  }

  /** Starts a kernel in the page when its name is an in-browser kernelspec, else on the server. */
  async startNew(options: Kernel.IKernelOptions = {}): Promise<Kernel.IModel> {
    if (!this.isBrowserSpec(options.name)) return this.server.startNew(options);
    const model = await this.browser.startNew(options);
    this.browserIds.add(model.id);
    return model;
  }

  /** Restarts a kernel. */
  async restart(id: string): Promise<void> {
    return this.isBrowserKernel(id) ? this.browser.restart(id) : this.server.restart(id);
  }

  /** Interrupts a kernel; an in-browser kernel's own `interrupt()` is called when it has one. */
  async interrupt(id: string): Promise<void> {
    if (!this.isBrowserKernel(id)) return this.server.interrupt(id);
    const kernel = await this.browser.getModel(id);
    if (isInterruptible(kernel)) return kernel.interrupt();
    return this.browser.interrupt(id);
  }

  /** Shuts a kernel down. */
  async shutdown(id: string): Promise<void> {
    if (!this.isBrowserKernel(id)) return this.server.shutdown(id);
    await this.browser.shutdown(id);
    this.browserIds.delete(id);
  }

  private readonly server: Kernel.IKernelAPIClient;
  private readonly browser: LiteKernelClient;
  private readonly browserSpecs: IKernelSpecs;
  private readonly browserIds = new Set<string>();
}

/** Statics of {@link HybridKernelClient}. */
export namespace HybridKernelClient {
  /** Options of a {@link HybridKernelClient}. */
  export interface IOptions {
    /** Settings for the server's kernels API. */
    readonly serverSettings: ServerConnection.ISettings;
    /** The in-browser kernels' client. */
    readonly browserClient: LiteKernelClient;
    /** The in-browser kernelspecs. */
    readonly browserSpecs: IKernelSpecs;
  }
}
