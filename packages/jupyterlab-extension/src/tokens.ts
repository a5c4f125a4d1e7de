import type { ModelManifest, PluginDescriptor } from '@immunotwin/engine';
import { Token } from '@lumino/coreutils';
import type { IDisposable } from '@lumino/disposable';
import type { ISignal } from '@lumino/signaling';

/**
 * The ImmunoTwin models this JupyterLab knows, as plugin descriptors: a manifest, plus for a model with code
 * the URL of an ES module a worker can import. The built-in models are registered at start; another extension
 * registers its own the same way, at any time, and its model gets a twin kernel (kernelspec and launcher card)
 * and runs in workbenches. The page never runs model code: the kernels' and workbenches' workers import it.
 */
export interface IModelRegistry {
  /** Emits after a model is registered or its registration is disposed. */
  readonly changed: ISignal<IModelRegistry, IModelRegistry.IChangedArgs>;
  /**
   * Adds a model. Throws the engine's ValidationError if its id is taken; disposing the returned registration
   * removes the model again.
   */
  register(descriptor: PluginDescriptor): IDisposable;
  /** Whether a model id is registered. */
  has(id: string): boolean;
  /** The descriptor of model `id`; throws a ValidationError listing the known ids if there is none. */
  get(id: string): PluginDescriptor;
  /** Every registered descriptor, sorted by model id. */
  list(): PluginDescriptor[];
}

/** Types of the {@link IModelRegistry} interface. */
export namespace IModelRegistry {
  /** What changed. */
  export interface IChangedArgs {
    /** `added` on registration, `removed` when a registration is disposed. */
    readonly type: 'added' | 'removed';
    /** The model's manifest. */
    readonly manifest: ModelManifest;
  }
}

/** The token of the ImmunoTwin model registry. */
export const IModelRegistry = new Token<IModelRegistry>(
  '@immunotwin/jupyterlab-extension:IModelRegistry',
  'The ImmunoTwin model registry: model plugin descriptors (manifest and code URL) by id. Register a model here to get a twin kernel for it and run it in workbenches.',
);
