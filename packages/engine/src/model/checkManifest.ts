import { namesIn, parseExpression } from '../expr/index.js';
import { compileNetwork, NetworkDefinitionError } from '../network/index.js';
import { ModelManifestSchema, type ModelManifest } from '../schema/index.js';
import { SchemaValidator, ValidationError, type ValidationIssue } from '../validation/index.js';
import type { ModelPlugin } from './types.js';

const manifestValidator = new SchemaValidator(ModelManifestSchema, 'model manifest');

function duplicates(ids: readonly string[]): string[] {
  const seen = new Set<string>();
  return ids.filter((id) => (seen.has(id) ? true : (seen.add(id), false)));
}

function rangeIssues(manifest: ModelManifest): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  manifest.parameters.forEach((p, i) => {
    const path = `parameters[${i}] (${p.id})`;
    if (!(p.min <= p.max)) issues.push({ path, message: `min ${p.min} must not exceed max ${p.max}` });
    if (p.default < p.min || p.default > p.max) {
      issues.push({ path, message: `default ${p.default} is outside its range [${p.min}, ${p.max}]` });
    }
    if (p.scale === 'log' && p.min <= 0)
      issues.push({ path, message: `a log-scale parameter needs min > 0; got ${p.min}` });
  });
  const known = new Map(manifest.parameters.map((p) => [p.id, p]));
  manifest.presets.forEach((preset, i) => {
    for (const [id, value] of Object.entries(preset.parameters)) {
      const spec = known.get(id);
      const path = `presets[${i}] (${preset.id}).parameters.${id}`;
      if (!spec) issues.push({ path, message: `unknown parameter; known: ${[...known.keys()].join(', ')}` });
      else if (value < spec.min || value > spec.max) {
        issues.push({
          path,
          message: `${value} is outside the parameter's range [${spec.min}, ${spec.max}] ${spec.unit}`,
        });
      }
    }
  });
  return issues;
}

/** Effects must target declared parameters/species and use only the intervention's fields and parameters. */
function effectIssues(manifest: ModelManifest): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const parameters = manifest.parameters.map((p) => p.id);
  const species = manifest.network?.species.map((s) => s.id) ?? [];
  manifest.interventions.forEach((spec, i) => {
    const names = new Set([...spec.fields.map((f) => f.id), ...parameters]);
    (spec.effects ?? []).forEach((effect, j) => {
      const path = `interventions[${i}] (${spec.kind}).effects[${j}]`;
      const [target, known, expression] =
        effect.type === 'scale'
          ? [effect.parameter, parameters, effect.factor]
          : [effect.species, species, effect.type === 'add' ? effect.amount : effect.fraction];
      const targetKey = effect.type === 'scale' ? 'parameter' : 'species';
      if (!known.includes(target)) {
        issues.push({
          path: `${path}.${targetKey}`,
          message: `unknown ${targetKey} "${target}"; known: ${known.join(', ') || '(none)'}`,
        });
      }
      try {
        for (const name of namesIn(parseExpression(expression))) {
          if (!names.has(name)) {
            issues.push({
              path,
              message: `"${expression}" uses unknown name "${name}"; allowed: the fields ${spec.fields.map((f) => f.id).join(', ') || '(none)'} and the model parameters`,
            });
          }
        }
      } catch (error) {
        issues.push({ path, message: (error as Error).message });
      }
    });
  });
  return issues;
}

function structureIssues(plugin: ModelPlugin): ValidationIssue[] {
  const { manifest } = plugin;
  const issues: ValidationIssue[] = [];
  const lists: [string, string[]][] = [
    ['parameters', manifest.parameters.map((p) => p.id)],
    ['observables', manifest.observables.map((o) => o.id)],
    ['interventions', manifest.interventions.map((k) => k.kind)],
    ['presets', manifest.presets.map((p) => p.id)],
    ['inputs', (manifest.inputs ?? []).map((p) => p.id)],
  ];
  for (const [path, ids] of lists) {
    for (const id of duplicates(ids)) issues.push({ path, message: `"${id}" is declared more than once` });
  }
  const observableIds = manifest.observables.map((o) => o.id);
  manifest.defaultObservables?.forEach((id, i) => {
    if (!observableIds.includes(id)) {
      issues.push({
        path: `defaultObservables[${i}]`,
        message: `${JSON.stringify(id)} is not an observable; allowed: ${observableIds.join(', ')}`,
      });
    }
  });
  if ((manifest.inputs ?? []).length > 0 && !manifest.methods.includes('agent')) {
    issues.push({
      path: 'inputs',
      message: 'only stepped models (method "agent") take inputs: a coupled run sets them between steps',
    });
  }
  const wantsNetwork = manifest.methods.some((m) => m !== 'agent');
  if (wantsNetwork && !manifest.network) {
    issues.push({
      path: 'network',
      message: `methods ${manifest.methods.join(', ')} need a reaction network; add "network" or use only "agent"`,
    });
  }
  if (manifest.methods.includes('agent') && !plugin.createStepped) {
    issues.push({ path: 'methods', message: 'lists "agent" but the plugin has no createStepped factory' });
  }
  if (manifest.network) {
    manifest.interventions.forEach((spec, i) => {
      if (!spec.effects) {
        issues.push({
          path: `interventions[${i}] (${spec.kind})`,
          message: 'a reaction-network model needs "effects" for each intervention',
        });
      }
    });
    try {
      const compiled = compileNetwork(
        manifest.network,
        manifest.parameters.map((p) => p.id),
        manifest.parameters.map((p) => p.default),
        manifest.observables,
      );
      const stochastic = manifest.methods.filter((m) => m === 'ssa' || m === 'tau-leaping');
      if (compiled.usesTime && stochastic.length > 0) {
        issues.push({
          path: 'methods',
          message: `lists ${stochastic.join(', ')}, but the network reads "time"; stochastic methods need rates that do not depend on time, so list only "ode"`,
        });
      }
    } catch (error) {
      if (!(error instanceof NetworkDefinitionError)) throw error;
      issues.push({ path: error.path, message: error.message.slice(error.path.length + 2) });
    }
  }
  return issues;
}

/**
 * Checks a plugin before it is registered: the manifest against its schema, then what a schema cannot
 * say (ranges contain defaults, presets use known parameters in range, ids are unique, the reaction
 * network compiles). Throws a ValidationError naming the model and every problem.
 */
export function checkPlugin(plugin: ModelPlugin): void {
  const schemaIssues = manifestValidator.issues(plugin.manifest);
  if (schemaIssues.length > 0)
    throw new ValidationError(`model manifest "${String(plugin.manifest?.id)}"`, schemaIssues);
  const issues = [...rangeIssues(plugin.manifest), ...structureIssues(plugin), ...effectIssues(plugin.manifest)];
  if (issues.length > 0) throw new ValidationError(`model manifest "${plugin.manifest.id}"`, issues);
}
