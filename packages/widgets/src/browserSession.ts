/**
 * The session factory for a browser page: a module Web Worker running `@immunotwin/worker/browserWorker`,
 * reached through comlink (`SessionClient`). Kept out of the main entry so that tests and Node never
 * touch `Worker`; the JupyterLab extension passes `browserSessionFactory(() => registry.list())` to
 * `<twin-workbench>`.
 */
import type { PluginDescriptor } from '@immunotwin/engine';
import { SessionClient } from '@immunotwin/worker/client';
import type { SessionFactory, WorkbenchSession } from './twinWorkbench.js';

/** A worker session that terminates its worker when disposed. */
export class BrowserSession extends SessionClient implements WorkbenchSession {
  /** @param worker the worker serving the session (terminated by `dispose`) */
  constructor(private readonly worker: Worker) {
    super(worker);
  }

  /** Releases the connection and terminates the worker. */
  dispose(): void {
    this.close();
    this.worker.terminate();
  }
}

/**
 * A factory that starts one worker per workbench and hands it the models, as descriptors (read when the
 * session starts, so models registered since are there); the worker imports a model's code when a scenario
 * first names it. A bundler (webpack/rspack in `@jupyter/builder`) sees the
 * `new Worker(new URL(…, import.meta.url))` pattern and emits the worker as its own chunk.
 */
export function browserSessionFactory(plugins: () => readonly PluginDescriptor[]): SessionFactory {
  return async () => {
    const session = new BrowserSession(
      new Worker(new URL('@immunotwin/worker/browserWorker', import.meta.url), {
        type: 'module',
        name: 'immunotwin-widget-session',
      }),
    );
    const descriptors = plugins();
    if (descriptors.length > 0) await session.addPlugins(descriptors);
    return session;
  };
}
