import type { ModelPlugin } from '@immunotwin/engine';
import type { IModelRegistry } from './tokens';

/**
 * The page's model registry: models by id, as manifests. It does not validate them against the manifest
 * schema, which would bring the engine's validator (ajv, TypeBox) into the page: every worker that runs a
 * model registers it in the engine's `ModelRegistry`, which does, and the built-in manifests are checked by
 * their packages' tests.
 */
export class ManifestRegistry implements IModelRegistry {
  register(plugin: ModelPlugin): void {
    const id = plugin.manifest.id;
    if (this._plugins.has(id)) throw new Error(`ImmunoTwin model registry: a model "${id}" is already registered`);
    this._plugins.set(id, plugin);
  }

  has(id: string): boolean {
    return this._plugins.has(id);
  }

  get(id: string): ModelPlugin {
    const plugin = this._plugins.get(id);
    if (!plugin) {
      const known = this.ids().join(', ') || '(none registered)';
      throw new Error(`ImmunoTwin model registry: unknown model ${JSON.stringify(id)}; known models: ${known}`);
    }
    return plugin;
  }

  ids(): string[] {
    return [...this._plugins.keys()].sort();
  }

  list(): ModelPlugin[] {
    return this.ids().map((id) => this._plugins.get(id)!);
  }

  private readonly _plugins = new Map<string, ModelPlugin>();
}
