import type { ModelPlugin } from './types.js';
import { ValidationError } from '../validation/validationError.js';

/**
 * Models by id, refusing a second model with a taken id: what a page that only lists models needs (the
 * JupyterLab extension's registry of manifests). It checks nothing else, so it loads no validator;
 * {@link ModelRegistry} adds the schema checks and scenario resolution that running a model needs.
 */
export class ModelCatalog {
  private readonly plugins = new Map<string, ModelPlugin>();

  /** Adds a plugin; throws ValidationError if its id is taken. */
  register(plugin: ModelPlugin): void {
    const { id } = plugin.manifest;
    if (this.plugins.has(id)) {
      throw new ValidationError('model registration', [
        { path: 'manifest.id', message: `a model "${id}" is already registered` },
      ]);
    }
    this.plugins.set(id, plugin);
  }

  /** Whether a model id is registered. */
  has(id: string): boolean {
    return this.plugins.has(id);
  }

  /** The plugin for `id`; throws ValidationError listing the known models if there is none. */
  get(id: string): ModelPlugin {
    const plugin = this.plugins.get(id);
    if (!plugin) {
      throw new ValidationError('scenario', [
        {
          path: 'model',
          message: `unknown model ${JSON.stringify(id)}; known models: ${this.ids().join(', ') || '(none registered)'}`,
        },
      ]);
    }
    return plugin;
  }

  /** Registered model ids, sorted. */
  ids(): string[] {
    return [...this.plugins.keys()].sort();
  }

  /** Registered plugins, sorted by id. */
  list(): ModelPlugin[] {
    return this.ids().map((id) => this.plugins.get(id)!);
  }
}
