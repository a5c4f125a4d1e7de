import { KernelSpecAPI, type KernelSpec, type ServerConnection } from '@jupyterlab/services';
import { LiteKernelSpecClient, type IKernelSpecs } from '@jupyterlite/services';

/** The /api/kernelspecs client: the server's kernelspecs (and default) plus the in-browser ones. */
export class HybridKernelSpecClient implements KernelSpec.IKernelSpecAPIClient {
  /** Creates the client. */
  constructor(options: HybridKernelSpecClient.IOptions) {
    this.serverSettings = options.serverSettings;
    this.server = new KernelSpecAPI.KernelSpecAPIClient({ serverSettings: options.serverSettings });
    this.browser = new LiteKernelSpecClient({ kernelSpecs: options.browserSpecs });
  }

  /** The server settings. */
  readonly serverSettings: ServerConnection.ISettings;

  /**
   * Both sets of kernelspecs; the server's default stays the default. Where both have a name (the Python package
   * installs a headless twin kernel under each in-browser kernel's name, for nbconvert, nbgrader and VS Code), the
   * in-browser kernelspec is listed: a notebook naming it opens in the page, as `HybridKernelClient` starts it there.
   */
  async get(): Promise<KernelSpec.ISpecModels> {
    const server = await this.server.get();
    // Read after the server has answered, so a kernelspec registered meanwhile (a plugin's model, registered as
    // its extension activates) is in this listing: a refresh asked for during this one may be merged into it.
    const browser = await this.browser.get();
    return {
      default: server.default || browser.default,
      kernelspecs: { ...server.kernelspecs, ...browser.kernelspecs },
    };
  }

  private readonly server: KernelSpec.IKernelSpecAPIClient;
  private readonly browser: KernelSpec.IKernelSpecAPIClient;
}

/** Statics of {@link HybridKernelSpecClient}. */
export namespace HybridKernelSpecClient {
  /** Options of a {@link HybridKernelSpecClient}. */
  export interface IOptions {
    /** Settings for the server's kernelspecs API. */
    readonly serverSettings: ServerConnection.ISettings;
    /** The in-browser kernelspecs. */
    readonly browserSpecs: IKernelSpecs;
  }
}
