import {
  resolveScenario,
  ScenarioSchema,
  SchemaValidator,
  ValidationError,
  type ModelRegistry,
  type ResolvedScenario,
  type ValidationIssue,
} from '@immunotwin/engine';

let validator: SchemaValidator<typeof ScenarioSchema> | undefined;

/** Whether a JSON value is a plain object (not an array or null). */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Validates a scenario document against the schema and its model, and resolves it. When the model is
 * not registered, the unknown model is reported first, followed by any schema problems.
 * Throws ValidationError.
 */
export function resolveScenarioDocument(registry: ModelRegistry, document: unknown): ResolvedScenario {
  const model = isObject(document) ? document.model : undefined;
  if (typeof model === 'string' && registry.has(model)) return resolveScenario(registry.get(model), document);
  const issues: ValidationIssue[] = [];
  if (typeof model === 'string') {
    try {
      registry.get(model);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      issues.push(...error.issues);
    }
  }
  validator ??= new SchemaValidator(ScenarioSchema, 'scenario');
  issues.push(...validator.issues(document));
  if (issues.length === 0) issues.push({ path: 'model', message: 'names no registered model' });
  throw new ValidationError('scenario', issues);
}
