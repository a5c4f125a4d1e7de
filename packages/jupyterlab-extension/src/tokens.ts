import type { ModelRegistry } from '@immunotwin/engine';
import { Token } from '@lumino/coreutils';

/** The ImmunoTwin models this JupyterLab knows: the built-in ones and any a plugin registers. */
export type IModelRegistry = ModelRegistry;

/** The token of the ImmunoTwin model registry. */
export const IModelRegistry = new Token<IModelRegistry>(
  '@immunotwin/jupyterlab-extension:IModelRegistry',
  'The ImmunoTwin model registry: model plugins (manifest and factory) by id. Register a model here to make it available to twin kernels.',
);
