/**
 * The session factory for a browser page: a module Web Worker running `@immunotwin/worker/browserWorker`,
 * reached through comlink (`SessionClient`). Kept out of the main entry so that tests and Node never
 * touch `Worker`; the JupyterLab extension passes `browserSessionFactory(() => registry.list())` to
 * `<twin-workbench>`.
 */
import type { PluginDescriptor } from '@immunotwin/engine';
import { SessionClient, WorkerDiedError } from '@immunotwin/worker/client';
import { lifeLockName, watchBrowserWorker } from '@immunotwin/worker/lifeLock';
import type { SessionFactory, WorkbenchSession } from './twinWorkbench.js';

/**
 * A worker session that terminates its worker when disposed. Started with a {@link lifeLockName}, it notices
 * when its worker dies (closed itself, crashed, terminated): its calls then reject with a `WorkerDiedError`.
 */
export class BrowserSession extends SessionClient implements WorkbenchSession {
  /**
   * @param worker the worker serving the session (terminated by `dispose`)
   * @param name the worker's name, when it is a life-lock name (see `@immunotwin/worker/lifeLock`)
   */
  constructor(
    private readonly worker: Worker,
    name?: string,
  ) {
    super(worker, name === undefined ? undefined : watchBrowserWorker(worker, name));
  }

  /** Releases the connection and terminates the worker; calls still pending reject with a `WorkerDiedError`. */
  dispose(): void {
    this.close();
    this.worker.terminate();
    this.lifeline.report(new WorkerDiedError('stopped', 'the workbench released it'));
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
    const name = lifeLockName('immunotwin-widget-session');
    const session = new BrowserSession(
      new Worker(new URL('@immunotwin/worker/browserWorker', import.meta.url), { type: 'module', name }),
      name,
    );
    const descriptors = plugins();
    if (descriptors.length > 0) await session.addPlugins(descriptors);
    return session;
  };
}
