import type { PluginDescriptor } from '@immunotwin/engine';
import type { Endpoint } from 'comlink';
import { exposePoolWorker } from './poolWorkerService.js';
import { WorkerPool } from './workerPool.js';

/**
 * A `WorkerPool` of one member that runs in this thread, over a `MessageChannel`: the same tasks, messages and
 * results as a pool of workers, for hosts that cannot start workers (a kernel in a test, a page without
 * worker support). Its runs take this thread's time, in chunks that yield every 16 ms.
 */
export function createInlinePool(plugins: readonly PluginDescriptor[]): WorkerPool {
  return new WorkerPool({
    size: 1,
    plugins,
    createWorker: () => {
      const { port1, port2 } = new MessageChannel();
      const service = exposePoolWorker(port1 as unknown as Endpoint);
      port1.start();
      port2.start();
      return Object.assign(port2 as unknown as Endpoint, {
        terminate: () => {
          void service.cancel();
          port1.close();
          port2.close();
        },
      });
    },
  });
}
