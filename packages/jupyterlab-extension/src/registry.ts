import { builtInDescriptors } from '@immunotwin/models/descriptors';
import type { ServiceManagerPlugin } from '@jupyterlab/services';
import { builtInModuleUrl } from './builtInModules';
import { pageModelRegistry } from './modelRegistry';
import { IModelRegistry } from './tokens';

/**
 * Provides the model registry, holding the built-in models (descriptors whose code URLs point at this
 * extension's static files; the code loads only in the kernels' and workbenches' workers). It is a
 * service-manager plugin (activated before the application exists) so that the kernelspec registration can
 * use it while the services start.
 */
export const modelRegistryPlugin: ServiceManagerPlugin<IModelRegistry> = {
  id: '@immunotwin/jupyterlab-extension:model-registry',
  description: 'Provides the ImmunoTwin model registry with the built-in models.',
  autoStart: true,
  provides: IModelRegistry,
  activate: (_: null): IModelRegistry => {
    for (const descriptor of builtInDescriptors) {
      const { module } = descriptor;
      pageModelRegistry.register(
        module === undefined ? descriptor : { ...descriptor, module: builtInModuleUrl(module) },
      );
    }
    return pageModelRegistry;
  },
};
