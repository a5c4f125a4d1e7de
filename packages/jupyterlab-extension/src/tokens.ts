import type { ModelPlugin } from '@immunotwin/engine';
import { Token } from '@lumino/coreutils';

/**
 * The ImmunoTwin models this JupyterLab knows: the built-in ones and any a plugin registers. On the page a
 * model is its manifest (a plugin with or without a factory); its code runs only in the workers. The
 * engine's `ModelRegistry` has this shape too.
 */
export interface IModelRegistry {
  /** Adds a model; throws if its id is taken. */
  register(plugin: ModelPlugin): void;
  /** Whether a model id is registered. */
  has(id: string): boolean;
  /** The model registered as `id`; throws, naming the known ids, if there is none. */
  get(id: string): ModelPlugin;
  /** Registered model ids, sorted. */
  ids(): string[];
  /** Registered models, sorted by id. */
  list(): ModelPlugin[];
}

/** The token of the ImmunoTwin model registry. */
export const IModelRegistry = new Token<IModelRegistry>(
  '@immunotwin/jupyterlab-extension:IModelRegistry',
  'The ImmunoTwin model registry: model plugins (manifest and, in workers, factory) by id. Register a model here to make it available to twin kernels.',
);
