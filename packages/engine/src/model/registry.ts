import { checkPlugin } from './checkManifest.js';
import type { Disposable } from './disposable.js';
import { loadPlugins, type LoadPluginsOptions } from './loadPlugins.js';
import { ModelCatalog } from './modelCatalog.js';
import type { PluginDescriptor } from './pluginDescriptor.js';
import type { ModelPlugin } from './types.js';
import { resolveScenario, type ResolvedScenario } from '../run/resolveScenario.js';
import { ScenarioSchema } from '../schema/index.js';
import { SchemaValidator, ValidationError, type ValidationIssue } from '../validation/index.js';
import { isPlainObject } from '../validation/isPlainObject.js';

const scenarioValidator = new SchemaValidator(ScenarioSchema, 'scenario');

/**
 * The models a host runs. Registration validates the plugin (manifest schema and consistency), so everything
 * inside is usable; scenarios are resolved against it.
 */
export class ModelRegistry extends ModelCatalog<ModelPlugin> {
  /**
   * Validates and adds a plugin; throws ValidationError if it is malformed or its id is taken. Disposing the
   * returned registration removes it.
   */
  override register(plugin: ModelPlugin): Disposable {
    checkPlugin(plugin);
    return super.register(plugin);
  }

  /**
   * Loads descriptors' code (see {@link loadPlugins}) and registers them all, or none if one fails to load or
   * validate. Resolves to one registration per descriptor.
   */
  async registerDescriptors(
    descriptors: readonly PluginDescriptor[],
    options?: LoadPluginsOptions,
  ): Promise<Disposable[]> {
    const plugins = await loadPlugins(descriptors, options);
    const done: Disposable[] = [];
    try {
      for (const plugin of plugins) done.push(this.register(plugin));
    } catch (error) {
      for (const registration of done) registration.dispose();
      throw error;
    }
    return done;
  }

  /**
   * Validates a scenario document against the model it names and resolves it. When that model is not
   * registered, the unknown model is reported first (with the known ones), then any schema problems. The
   * partners of a coupled scenario are looked up here too.
   * Throws ValidationError.
   */
  resolve(document: unknown): ResolvedScenario {
    const model = isPlainObject(document) ? document.model : undefined;
    if (typeof model === 'string' && this.has(model)) {
      return resolveScenario(this.get(model), document, (id) => this.get(id));
    }
    const issues: ValidationIssue[] = [];
    if (typeof model === 'string') {
      try {
        this.get(model);
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        issues.push(...error.issues);
      }
    }
    issues.push(...scenarioValidator.issues(document));
    if (issues.length === 0) issues.push({ path: 'model', message: 'names no registered model' });
    throw new ValidationError('scenario', issues);
  }
}
