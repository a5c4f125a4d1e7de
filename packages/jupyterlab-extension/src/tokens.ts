import type { ModelCatalog } from '@immunotwin/engine';
import { Token } from '@lumino/coreutils';

/**
 * The ImmunoTwin models this JupyterLab knows: the built-in ones and any a plugin registers. On the page a
 * model is its manifest (a plugin with or without a factory); its code runs only in the workers. The engine's
 * `ModelCatalog` (and its validating subclass `ModelRegistry`) is this registry.
 */
export type IModelRegistry = ModelCatalog;

/** The token of the ImmunoTwin model registry. */
export const IModelRegistry = new Token<IModelRegistry>(
  '@immunotwin/jupyterlab-extension:IModelRegistry',
  'The ImmunoTwin model registry: model plugins (manifest and, in workers, factory) by id. Register a model here to make it available to twin kernels.',
);
