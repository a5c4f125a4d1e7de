import {
  IKernelManager,
  IKernelSpecManager,
  IServerSettings,
  ISessionManager,
  Kernel,
  KernelManager,
  KernelSpec,
  KernelSpecManager,
  ServerConnection,
  Session,
  SessionManager,
  type ServiceManagerPlugin,
} from '@jupyterlab/services';
import { IKernelClient, IKernelSpecs, KernelSpecs, LiteKernelClient } from '@jupyterlite/services';
import { HybridKernelClient } from './hybrid/kernelclient';
import { HybridKernelSpecClient } from './hybrid/kernelspecclient';
import { HybridSessionClient } from './hybrid/sessionclient';
import { routingWebSocket } from './hybrid/socket';
import { registerTwinKernels } from './kernelspecs';
import { IModelRegistry } from './tokens';

/**
 * The service-manager plugins that let in-browser kernels live beside the server's kernels in a server
 * JupyterLab (4.4+): the in-browser kernelspecs and kernel client of JupyterLite, and kernel, kernelspec and
 * session managers whose API clients send each call to the page or to the server.
 */

/** The in-browser kernelspecs, holding the twin kernels from the start. */
export const browserKernelSpecsPlugin: ServiceManagerPlugin<IKernelSpecs> = {
  id: '@immunotwin/jupyterlab-extension:browser-kernelspecs',
  description: 'Provides the registry of in-browser kernelspecs, with a twin kernel for every model that asks for one.',
  autoStart: true,
  provides: IKernelSpecs,
  requires: [IModelRegistry],
  activate: (_: null, registry: IModelRegistry): IKernelSpecs => {
    const kernelSpecs = new KernelSpecs();
    registerTwinKernels(kernelSpecs, registry);
    return kernelSpecs;
  },
};

/**
 * Registers the twin kernels with whichever in-browser kernelspecs the page has: JupyterLite's own in a
 * JupyterLite site (where the other plugins of this file are disabled), a no-op in server JupyterLab where
 * `browserKernelSpecsPlugin` already holds them.
 */
export const twinKernelsPlugin: ServiceManagerPlugin<void> = {
  id: '@immunotwin/jupyterlab-extension:twin-kernels',
  description: 'Registers one in-browser twin kernel per model that asks for one.',
  autoStart: true,
  requires: [IKernelSpecs, IModelRegistry],
  activate: (_: null, kernelSpecs: IKernelSpecs, registry: IModelRegistry): void => {
    registerTwinKernels(kernelSpecs, registry);
  },
};

/**
 * The plugins a JupyterLite site must disable (in its `jupyter-lite.json`), because JupyterLite provides
 * the in-browser kernelspecs, the kernel client and the managers itself.
 */
export const SERVER_ONLY_PLUGINS = [
  '@immunotwin/jupyterlab-extension:browser-kernelspecs',
  '@immunotwin/jupyterlab-extension:browser-kernel-client',
  '@immunotwin/jupyterlab-extension:kernel-manager',
  '@immunotwin/jupyterlab-extension:kernelspec-manager',
  '@immunotwin/jupyterlab-extension:session-manager',
] as const;

/** The in-browser kernels' client (JupyterLite's). */
export const browserKernelClientPlugin: ServiceManagerPlugin<IKernelClient> = {
  id: '@immunotwin/jupyterlab-extension:browser-kernel-client',
  description: 'Provides the client that starts and runs in-browser kernels.',
  autoStart: true,
  provides: IKernelClient,
  requires: [IKernelSpecs],
  activate: (_: null, kernelSpecs: IKernelSpecs): IKernelClient => new LiteKernelClient({ kernelSpecs }),
};

/** The hybrid kernel client behind the kernel and session managers, one per page. */
let hybridClient: HybridKernelClient | undefined;

function kernelClient(
  browserClient: IKernelClient,
  browserSpecs: IKernelSpecs,
  settings: ServerConnection.ISettings | null,
): HybridKernelClient {
  if (!hybridClient) {
    const base = settings ?? ServerConnection.makeSettings();
    const serverSettings: ServerConnection.ISettings = {
      ...base,
      WebSocket: routingWebSocket((id) => hybridClient?.isBrowserKernel(id) ?? false),
    };
    hybridClient = new HybridKernelClient({
      serverSettings,
      browserClient: browserClient as LiteKernelClient,
      browserSpecs,
    });
  }
  return hybridClient;
}

/** The kernel manager: server kernels and in-browser kernels. */
export const kernelManagerPlugin: ServiceManagerPlugin<Kernel.IManager> = {
  id: '@immunotwin/jupyterlab-extension:kernel-manager',
  description: 'Provides a kernel manager for server kernels and in-browser kernels side by side.',
  autoStart: true,
  provides: IKernelManager,
  requires: [IKernelClient, IKernelSpecs],
  optional: [IServerSettings],
  activate: (
    _: null,
    browserClient: IKernelClient,
    browserSpecs: IKernelSpecs,
    settings: ServerConnection.ISettings | null,
  ): Kernel.IManager => {
    const kernelAPIClient = kernelClient(browserClient, browserSpecs, settings);
    return new KernelManager({ serverSettings: kernelAPIClient.serverSettings, kernelAPIClient });
  },
};

/** The kernelspec manager: the server's kernelspecs and the in-browser ones, refreshed when those change. */
export const kernelSpecManagerPlugin: ServiceManagerPlugin<KernelSpec.IManager> = {
  id: '@immunotwin/jupyterlab-extension:kernelspec-manager',
  description: 'Provides a kernelspec manager listing server and in-browser kernelspecs.',
  autoStart: true,
  provides: IKernelSpecManager,
  requires: [IKernelSpecs],
  optional: [IServerSettings],
  activate: (_: null, browserSpecs: IKernelSpecs, settings: ServerConnection.ISettings | null): KernelSpec.IManager => {
    const serverSettings = settings ?? ServerConnection.makeSettings();
    const kernelSpecAPIClient = new HybridKernelSpecClient({ serverSettings, browserSpecs });
    const manager = new KernelSpecManager({ serverSettings, kernelSpecAPIClient });
    browserSpecs.changed.connect(() => void manager.refreshSpecs());
    return manager;
  },
};

/** The session manager: sessions on in-browser kernels live in the page. */
export const sessionManagerPlugin: ServiceManagerPlugin<Session.IManager> = {
  id: '@immunotwin/jupyterlab-extension:session-manager',
  description: 'Provides a session manager for sessions on server kernels and on in-browser kernels.',
  autoStart: true,
  provides: ISessionManager,
  requires: [IKernelClient, IKernelSpecs, IKernelManager],
  optional: [IServerSettings],
  activate: (
    _: null,
    browserClient: IKernelClient,
    browserSpecs: IKernelSpecs,
    kernelManager: Kernel.IManager,
    settings: ServerConnection.ISettings | null,
  ): Session.IManager => {
    const hybrid = kernelClient(browserClient, browserSpecs, settings);
    const sessionAPIClient = new HybridSessionClient({
      serverSettings: hybrid.serverSettings,
      kernelClient: hybrid,
      browserClient: browserClient as LiteKernelClient,
    });
    return new SessionManager({ serverSettings: hybrid.serverSettings, kernelManager, sessionAPIClient });
  },
};
