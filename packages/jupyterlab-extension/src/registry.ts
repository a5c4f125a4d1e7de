import { builtInManifests } from '@immunotwin/models/manifests';
import type { ServiceManagerPlugin } from '@jupyterlab/services';
import { ModelCatalog } from '@immunotwin/engine';
import { IModelRegistry } from './tokens';

/**
 * Provides the model registry with the built-in models' manifests (their code loads only in the kernels' and
 * workbenches' workers). It is a service-manager plugin (activated before the application exists) so that
 * the kernelspec registration can use it while the services start.
 */
export const modelRegistryPlugin: ServiceManagerPlugin<IModelRegistry> = {
  id: '@immunotwin/jupyterlab-extension:model-registry',
  description: 'Provides the ImmunoTwin model registry with the built-in models.',
  autoStart: true,
  provides: IModelRegistry,
  activate: (_: null): IModelRegistry => {
    // A catalogue, not the engine's validating ModelRegistry: checking manifests against the schema would bring
    // the validator into the page. Every worker that runs a model registers it in a ModelRegistry, which does.
    const registry = new ModelCatalog();
    for (const manifest of builtInManifests) registry.register({ manifest });
    return registry;
  },
};
