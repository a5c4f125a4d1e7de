import { checkPlugin } from './checkManifest.js';
import type { ModelPlugin } from './types.js';
import { resolveScenario, type ResolvedScenario } from '../run/resolveScenario.js';
import { ScenarioSchema } from '../schema/index.js';
import { SchemaValidator, ValidationError, type ValidationIssue } from '../validation/index.js';
import { isPlainObject } from '../validation/isPlainObject.js';

const scenarioValidator = new SchemaValidator(ScenarioSchema, 'scenario');

/** The models a host knows. Registration validates the plugin, so everything inside is usable. */
export class ModelRegistry {
  private readonly plugins = new Map<string, ModelPlugin>();

  /** Validates and adds a plugin; throws ValidationError if it is malformed or its id is taken. */
  register(plugin: ModelPlugin): void {
    checkPlugin(plugin);
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

  /**
   * Validates a scenario document against the model it names and resolves it. When that model is not
   * registered, the unknown model is reported first (with the known ones), then any schema problems.
   * Throws ValidationError.
   */
  resolve(document: unknown): ResolvedScenario {
    const model = isPlainObject(document) ? document.model : undefined;
    if (typeof model === 'string' && this.has(model)) return resolveScenario(this.get(model), document);
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

  /** Registered model ids, sorted. */
  ids(): string[] {
    return [...this.plugins.keys()].sort();
  }

  /** Registered plugins, sorted by id. */
  list(): ModelPlugin[] {
    return this.ids().map((id) => this.plugins.get(id)!);
  }
}
