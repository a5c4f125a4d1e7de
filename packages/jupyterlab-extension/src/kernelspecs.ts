import { TwinKernel, type IKernelWorkerEndpoint } from '@immunotwin/kernel/kernel';
import type { IKernelSpecs } from '@jupyterlite/services';
import { lifeLockName, watchBrowserWorker } from '@immunotwin/worker/lifeLock';
import { twinKernelSpecs } from './specs.js';
import type { IModelRegistry } from './tokens.js';

/**
 * Starts a twin kernel's executor as a module Web Worker (rspack emits the worker entry as its own chunk), with a
 * life lock, so that the kernel hears of the worker's death.
 */
function createWorker(): IKernelWorkerEndpoint {
  const name = lifeLockName('immunotwin-kernel');
  const worker = new Worker(new URL('@immunotwin/kernel/worker', import.meta.url), { type: 'module', name });
  return Object.assign(worker as unknown as IKernelWorkerEndpoint, { lifeline: watchBrowserWorker(worker, name) });
}

/** The kernelspecs already following a registry (both service plugins may ask for the same ones). */
const following = new WeakMap<IKernelSpecs, IModelRegistry>();

/**
 * Registers one in-browser kernelspec per model whose manifest has a `kernel` section, skipping those
 * already registered, and again whenever the registry changes, so a model an extension registers later gets
 * its kernel too. A kernel's worker is handed the registry's descriptors when it starts and imports the
 * models' code itself. JupyterLite's kernelspecs cannot be unregistered: the kernel of a model taken out
 * again stays listed, and starting it fails with a message that names the model. In server JupyterLab it
 * runs while the in-browser kernelspecs are created, so the kernelspec manager's first listing already holds
 * them; in JupyterLite it runs on JupyterLite's own kernelspecs. Returns how many it added now.
 */
export function registerTwinKernels(kernelSpecs: IKernelSpecs, registry: IModelRegistry): number {
  const add = (): number => {
    const missing = twinKernelSpecs(registry.list()).filter((spec) => !kernelSpecs.factories.has(spec.name));
    for (const spec of missing) {
      kernelSpecs.register({
        spec: {
          name: spec.name,
          display_name: spec.displayName,
          language: 'typescript',
          argv: [],
          resources: {},
          metadata: { immunotwin: { model: spec.model } },
        },
        create: async (options) => {
          if (!registry.has(spec.model)) {
            throw new Error(`the ImmunoTwin model "${spec.model}" is no longer registered (its plugin was removed)`);
          }
          return new TwinKernel({ ...options, model: spec.model, createWorker, plugins: () => registry.list() });
        },
      });
    }
    return missing.length;
  };
  if (following.get(kernelSpecs) !== registry) {
    following.set(kernelSpecs, registry);
    registry.changed.connect(() => void add());
  }
  return add();
}
