import { TwinKernel, type IKernelWorkerEndpoint } from '@immunotwin/kernel/kernel';
import type { IKernelSpecs } from '@jupyterlite/services';
import { twinKernelSpecs } from './specs';
import type { IModelRegistry } from './tokens';

/** Starts a twin kernel's executor as a module Web Worker (rspack emits the worker entry as its own chunk). */
function createWorker(): IKernelWorkerEndpoint {
  return new Worker(new URL('@immunotwin/kernel/worker', import.meta.url), {
    type: 'module',
  }) as unknown as IKernelWorkerEndpoint;
}

/**
 * Registers one in-browser kernelspec per model whose manifest has a `kernel` section, skipping those
 * already registered (so it can run again after more models join). In server JupyterLab it runs while the
 * in-browser kernelspecs are created, so the kernelspec manager's first listing already holds them and a
 * twin notebook opened as JupyterLab starts finds its kernel; in JupyterLite it runs on JupyterLite's own
 * kernelspecs. Returns how many it added.
 */
export function registerTwinKernels(kernelSpecs: IKernelSpecs, registry: IModelRegistry): number {
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
      create: async (options) => new TwinKernel({ ...options, model: spec.model, createWorker }),
    });
  }
  return missing.length;
}
