import { checkPlugin } from './checkManifest.js';
import { ModelCatalog } from './modelCatalog.js';
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
export class ModelRegistry extends ModelCatalog {
  /** Validates and adds a plugin; throws ValidationError if it is malformed or its id is taken. */
  override register(plugin: ModelPlugin): void {
    checkPlugin(plugin);
    super.register(plugin);
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
}
