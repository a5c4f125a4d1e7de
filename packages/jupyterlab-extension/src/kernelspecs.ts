import { TwinKernel, type IKernelWorkerEndpoint } from '@immunotwin/kernel';
import type { ServiceManagerPlugin } from '@jupyterlab/services';
import { IKernelSpecs } from '@jupyterlite/services';
import { twinKernelSpecs } from './specs';
import { IModelRegistry } from './tokens';

/** Starts a twin kernel's executor as a module Web Worker (rspack emits the worker entry as its own chunk). */
function createWorker(): IKernelWorkerEndpoint {
  return new Worker(new URL('@immunotwin/kernel/worker', import.meta.url), {
    type: 'module',
  }) as unknown as IKernelWorkerEndpoint;
}

/** Registers one in-browser kernelspec per model whose manifest has a `kernel` section. */
export const twinKernelSpecsPlugin: ServiceManagerPlugin<void> = {
  id: '@immunotwin/jupyterlab-extension:kernelspecs',
  description: 'Registers an in-browser twin kernel for every ImmunoTwin model that asks for one.',
  autoStart: true,
  requires: [IKernelSpecs, IModelRegistry],
  activate: (_: null, kernelSpecs: IKernelSpecs, registry: IModelRegistry): void => {
    for (const spec of twinKernelSpecs(registry.list())) {
      kernelSpecs.register({
        spec: {
          name: spec.name,
          display_name: spec.displayName,
          language: 'typescript',
          argv: [],
          resources: {},
          metadata: { immunotwin: { model: spec.model } },
        },
        create: async (options) => new TwinKernel({ ...options, model: spec.model, createWorker }),
      });
    }
  },
};
