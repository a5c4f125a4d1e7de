import type { ModelManifest, ModelRegistry } from '@immunotwin/engine';

/** One line of `models.list()`. */
export interface ModelListing {
  /** Model id (what `models.get` takes). */
  id: string;
  /** Human-readable title. */
  title: string;
  /** Simulation methods. */
  methods: string;
  /** Number of parameters. */
  parameters: number;
}

/** The `models` object cells see: the registry, read-only. */
export interface ModelsApi {
  /** Every registered model, one row each (shown as a table). */
  list(): ModelListing[];
  /** The manifest of model `id`; throws listing the known ids if there is none. */
  get(id: string): ModelManifest;
}

/** The `models` facade over a registry. */
export function createModelsApi(registry: ModelRegistry): ModelsApi {
  return {
    list: () =>
      registry.list().map(({ manifest }) => ({
        id: manifest.id,
        title: manifest.title,
        methods: manifest.methods.join(', '),
        parameters: manifest.parameters.length,
      })),
    get: (id) => registry.get(id).manifest,
  };
}
