import { findIntervention } from '../model/findIntervention.js';
import type { ModelPlugin } from '../model/types.js';
import { initialNetworkState } from './networkState.js';
import { resolveCoupling, type ModelLookup, type ResolvedCoupling } from './resolveCoupling.js';
import type { InterventionSpec, ParameterSpec, Scenario, SolverOptions } from '../schema/index.js';
import { ScenarioSchema } from '../schema/index.js';
import { describeValue, SchemaValidator, ValidationError, type ValidationIssue } from '../validation/index.js';

const scenarioValidator = new SchemaValidator(ScenarioSchema, 'scenario');

/** Most samples a single run may record (guards against a mistyped output interval). */
export const MAX_SAMPLES = 1_000_000;
/**
 * The largest initial amount of a species that states no `max` of its own: far above any body's count of cells
 * or virions (an adult has ~3×10^13 cells), yet small enough that a run neither overflows nor takes hours.
 */
export const DEFAULT_INITIAL_MAX = 1e12;
/** Default ensemble band quantiles: the median and the 5–95 % and 25–75 % bands. */
export const DEFAULT_QUANTILES: readonly number[] = [0.05, 0.25, 0.5, 0.75, 0.95];
/** Seed used when a scenario gives none (recorded in every result, so runs stay reproducible). */
export const DEFAULT_SEED = 1;

/** A scheduled intervention with its kind checked and every field value filled in. */
export interface ResolvedIntervention {
  /** Position in the scenario's `interventions` list. */
  readonly index: number;
  /** The manifest's description of this kind. */
  readonly spec: InterventionSpec;
  /** When it starts. */
  readonly start: number;
  /** When it stops (only for lasting interventions). */
  readonly stop: number | undefined;
  /** Field values, defaults included. */
  readonly values: Readonly<Record<string, number>>;
}

/** A scenario with every default applied and every value checked against the model. */
export interface ResolvedScenario {
  /** Optional scenario name. */
  readonly name: string | undefined;
  /** The model plugin. */
  readonly plugin: ModelPlugin;
  /** The preset applied before overrides, if any. */
  readonly preset: string | undefined;
  /** Every parameter's value. */
  readonly parameters: Readonly<Record<string, number>>;
  /** Initial-state overrides (species id → amount). */
  readonly initial: Readonly<Record<string, number>>;
  /** Interventions sorted by start time (ties keep scenario order). */
  readonly interventions: readonly ResolvedIntervention[];
  /** Simulated time span. */
  readonly duration: number;
  /** Time between samples. */
  readonly outputInterval: number;
  /** Simulation method. */
  readonly method: 'ode' | 'ssa' | 'tau-leaping' | 'agent';
  /** Root seed; replicate r uses the stream (seed, r). */
  readonly seed: number;
  /** Number of replicates. */
  readonly replicates: number;
  /** Ensemble band quantiles. */
  readonly quantiles: readonly number[];
  /** ODE solver settings. */
  readonly solver: Required<SolverOptions>;
  /** The models run in lockstep with this one and their links, for a coupled run; undefined otherwise. */
  readonly coupling: ResolvedCoupling | undefined;
}

function rangeIssue(
  path: string,
  value: number,
  spec: Pick<ParameterSpec, 'min' | 'max' | 'unit' | 'integer'>,
): ValidationIssue | undefined {
  const unit = spec.unit && spec.unit !== '1' ? ` ${spec.unit}` : '';
  if (value < spec.min || value > spec.max) {
    return { path, message: `${value} is out of range; allowed: ${spec.min} to ${spec.max}${unit}` };
  }
  if (spec.integer && !Number.isInteger(value)) return { path, message: `must be a whole number; got ${value}` };
  return undefined;
}

function resolveParameters(plugin: ModelPlugin, scenario: Scenario, issues: ValidationIssue[]): Record<string, number> {
  const { manifest } = plugin;
  const specs = new Map(manifest.parameters.map((p) => [p.id, p]));
  const values: Record<string, number> = Object.fromEntries(manifest.parameters.map((p) => [p.id, p.default]));
  if (scenario.preset !== undefined) {
    const preset = manifest.presets.find((p) => p.id === scenario.preset);
    if (!preset) {
      issues.push({
        path: 'preset',
        message: `unknown preset ${describeValue(scenario.preset)} for model "${manifest.id}"; known presets: ${manifest.presets.map((p) => p.id).join(', ') || '(none)'}`,
      });
    } else Object.assign(values, preset.parameters);
  }
  for (const [id, value] of Object.entries(scenario.parameters ?? {})) {
    const spec = specs.get(id);
    if (!spec) {
      issues.push({
        path: `parameters.${id}`,
        message: `unknown parameter for model "${manifest.id}"; known parameters: ${[...specs.keys()].join(', ')}`,
      });
      continue;
    }
    const issue = rangeIssue(`parameters.${id}`, value, spec);
    if (issue) issues.push(issue);
    values[id] = value;
  }
  return values;
}

function presetInitial(plugin: ModelPlugin, scenario: Scenario): Record<string, number> {
  const preset = plugin.manifest.presets.find((p) => p.id === scenario.preset);
  return { ...(preset?.initial ?? {}), ...(scenario.initial ?? {}) };
}

function resolveInitial(plugin: ModelPlugin, scenario: Scenario, issues: ValidationIssue[]): Record<string, number> {
  const initial = presetInitial(plugin, scenario);
  const specs = new Map((plugin.manifest.network?.species ?? []).map((s) => [s.id, s]));
  const species = [...specs.keys()];
  for (const [id, value] of Object.entries(initial)) {
    const spec = specs.get(id);
    const max = spec?.max ?? DEFAULT_INITIAL_MAX;
    if (spec && value > max) {
      const unit = spec.unit && spec.unit !== '1' ? ` ${spec.unit}` : '';
      issues.push({
        path: `initial.${id}`,
        message: `${value} is above the largest initial amount of ${id}; allowed: 0 to ${max}${unit}`,
      });
    }
  }
  for (const id of Object.keys(scenario.initial ?? {})) {
    if (!species.includes(id)) {
      issues.push({
        path: `initial.${id}`,
        message: species.length
          ? `unknown species; known species: ${species.join(', ')}`
          : `model "${plugin.manifest.id}" takes its initial state from its parameters, not from "initial"`,
      });
    }
  }
  return initial;
}

function resolveInterventions(
  plugin: ModelPlugin,
  scenario: Scenario,
  duration: number,
  issues: ValidationIssue[],
): ResolvedIntervention[] {
  const resolved: ResolvedIntervention[] = [];
  (scenario.interventions ?? []).forEach((item, index) => {
    const path = `interventions[${index}]`;
    const found = findIntervention(plugin.manifest, item.kind);
    if ('message' in found) {
      issues.push({ path: `${path}.kind`, message: found.message });
      return;
    }
    const spec = found.spec;
    if (item.start > duration) {
      issues.push({
        path: `${path}.start`,
        message: `${item.start} is after the end of the run (duration ${duration}); allowed: 0 to ${duration}`,
      });
    }
    if (spec.hasStop && item.stop === undefined) {
      issues.push({ path: `${path}.stop`, message: `is required for "${spec.kind}" (it lasts from start until stop)` });
    }
    if (spec.hasStop && item.stop !== undefined && !(item.stop > item.start)) {
      issues.push({ path: `${path}.stop`, message: `must be after start (${item.start}); got ${item.stop}` });
    }
    if (!spec.hasStop && item.stop !== undefined) {
      issues.push({ path: `${path}.stop`, message: `is not allowed: "${spec.kind}" is a one-off event at start` });
    }
    const fields = new Map(spec.fields.map((f) => [f.id, f]));
    const values: Record<string, number> = Object.fromEntries(spec.fields.map((f) => [f.id, f.default]));
    for (const [key, value] of Object.entries(item)) {
      if (key === 'kind' || key === 'start' || key === 'stop') continue;
      const field = fields.get(key);
      if (!field) {
        issues.push({
          path: `${path}.${key}`,
          message: `unknown field for "${spec.kind}"; allowed: kind, start${spec.hasStop ? ', stop' : ''}${spec.fields.map((f) => `, ${f.id}`).join('')}`,
        });
        continue;
      }
      const issue = rangeIssue(`${path}.${key}`, value as number, field);
      if (issue) issues.push(issue);
      values[key] = value as number;
    }
    resolved.push({ index, spec, start: item.start, stop: spec.hasStop ? item.stop : undefined, values });
  });
  return resolved.sort((a, b) => a.start - b.start || a.index - b.index);
}

/**
 * Stochastic methods simulate whole counts: an initial amount that is not a whole number (e.g. a titre of
 * 0.093 TCID50/mL) would have to be rounded, so it is refused with where it comes from.
 */
function wholeCountIssues(
  plugin: ModelPlugin,
  parameters: Record<string, number>,
  initial: Record<string, number>,
  method: string,
): ValidationIssue[] {
  const { manifest } = plugin;
  if (!manifest.network) return [];
  const { state } = initialNetworkState(plugin, parameters, initial);
  const issues: ValidationIssue[] = [];
  manifest.network.species.forEach((species, i) => {
    const value = state[i];
    if (Number.isInteger(value)) return;
    const from = initial[species.id] !== undefined ? '' : ` (from "${species.initial}")`;
    issues.push({
      path: `initial.${species.id}`,
      message: `${species.id} starts at ${value}${from}, but method "${method}" simulates whole counts; set a whole number (in "initial" or through the parameters)`,
    });
  });
  return issues;
}

/**
 * Validates a scenario (any JSON value) against the schema and the model, and fills in every default.
 * Collects all problems and throws one ValidationError whose message names the first field, its value
 * and what is allowed. Nothing is clamped. A scenario with `coupling` needs `partners` to find the partner
 * models by id (a registry's `get`; `ModelRegistry.resolve` passes it).
 */
export function resolveScenario(plugin: ModelPlugin, input: unknown, partners?: ModelLookup): ResolvedScenario {
  const scenario = scenarioValidator.parse(input);
  const { manifest } = plugin;
  const issues: ValidationIssue[] = [];
  if (scenario.model !== manifest.id) {
    issues.push({ path: 'model', message: `is "${scenario.model}" but the model given is "${manifest.id}"` });
  }
  const method = scenario.method ?? manifest.methods[0];
  if (!manifest.methods.includes(method)) {
    issues.push({
      path: 'method',
      message: `"${method}" is not available for model "${manifest.id}"; allowed: ${manifest.methods.join(', ')}`,
    });
  }
  const parameters = resolveParameters(plugin, scenario, issues);
  const initial = resolveInitial(plugin, scenario, issues);
  const duration = scenario.duration ?? manifest.defaults.duration;
  const outputInterval = scenario.outputInterval ?? manifest.defaults.outputInterval;
  if (outputInterval > duration) {
    issues.push({
      path: 'outputInterval',
      message: `${outputInterval} is longer than the run (duration ${duration}); allowed: > 0 and ≤ ${duration}`,
    });
  } else if (duration / outputInterval > MAX_SAMPLES) {
    issues.push({
      path: 'outputInterval',
      message: `${outputInterval} gives more than ${MAX_SAMPLES} samples over ${duration}; allowed: ≥ ${duration / MAX_SAMPLES}`,
    });
  }
  const replicates = scenario.replicates ?? 1;
  if (method === 'ode' && replicates > 1) {
    issues.push({
      path: 'replicates',
      message: `${replicates} replicates of a deterministic (ode) run would all be identical; use method "ssa", "tau-leaping" or "agent", or 1 replicate`,
    });
  }
  const interventions = resolveInterventions(plugin, scenario, duration, issues);
  if (issues.length === 0 && (method === 'ssa' || method === 'tau-leaping')) {
    issues.push(...wholeCountIssues(plugin, parameters, initial, method));
  }
  if (issues.length > 0) throw new ValidationError('scenario', issues);
  const resolved: ResolvedScenario = {
    name: scenario.name,
    plugin,
    preset: scenario.preset,
    parameters,
    initial,
    interventions,
    duration,
    outputInterval,
    method,
    seed: scenario.seed ?? DEFAULT_SEED,
    replicates,
    quantiles: [...(scenario.quantiles ?? DEFAULT_QUANTILES)].sort((a, b) => a - b),
    solver: {
      rtol: scenario.solver?.rtol ?? 1e-8,
      atol: scenario.solver?.atol ?? 1e-10,
      stiff: scenario.solver?.stiff ?? false,
    },
    coupling: undefined,
  };
  if (scenario.coupling === undefined) return resolved;
  const coupling = resolveCoupling(resolved, scenario.coupling, partners, resolveScenario, issues);
  if (!coupling) throw new ValidationError('scenario', issues);
  return { ...resolved, coupling };
}

/** The resolved scenario as an explicit, re-runnable scenario document (every parameter spelled out). */
export function scenarioToJson(resolved: ResolvedScenario): Scenario {
  const json: Scenario = {
    model: resolved.plugin.manifest.id,
    parameters: { ...resolved.parameters },
    duration: resolved.duration,
    outputInterval: resolved.outputInterval,
    method: resolved.method,
    seed: resolved.seed,
    replicates: resolved.replicates,
    quantiles: [...resolved.quantiles],
    solver: { ...resolved.solver },
  };
  if (resolved.name !== undefined) json.name = resolved.name;
  if (resolved.coupling) json.coupling = structuredClone(resolved.coupling.document);
  if (Object.keys(resolved.initial).length > 0) json.initial = { ...resolved.initial };
  if (resolved.interventions.length > 0) {
    json.interventions = [...resolved.interventions]
      .sort((a, b) => a.index - b.index)
      .map((i) => ({
        kind: i.spec.kind,
        start: i.start,
        ...(i.stop !== undefined ? { stop: i.stop } : {}),
        ...i.values,
      }));
  }
  return json;
}
