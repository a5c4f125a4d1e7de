import type { ModelPlugin } from '../model/types.js';
import type { Coupling, Scenario } from '../schema/index.js';
import { ValidationError, type ValidationIssue } from '../validation/index.js';
import type { ResolvedScenario } from './resolveScenario.js';

/** A partner model of a coupled run, resolved like a scenario of its own (method "agent", the run's duration and seed). */
export interface ResolvedPartner {
  /** The name links use for it. */
  readonly name: string;
  /** Its scenario, every value checked against its model. */
  readonly scenario: ResolvedScenario;
}

/** A link with its ends found: model 0 is the scenario's model, model k ≥ 1 the k-th partner. */
export interface ResolvedLink {
  /** Which model's observable is read, and its position in that model's observable row. */
  readonly from: { readonly model: number; readonly observable: number };
  /** Which model's input is set. */
  readonly to: { readonly model: number; readonly input: string };
  /** input = scale × observable. */
  readonly scale: number;
}

/** A coupled run, checked: the exchange interval, the partners and the links. */
export interface ResolvedCoupling {
  /** Time between exchanges (the models' shared time unit). */
  readonly interval: number;
  /** The partners, in the order the scenario names them (their random streams follow this order). */
  readonly partners: readonly ResolvedPartner[];
  /** The links. */
  readonly links: readonly ResolvedLink[];
  /** The coupling as written (for `scenarioToJson`). */
  readonly document: Coupling;
}

/** Finds a registered model by id; throws (e.g. a registry's ValidationError listing the known ones) if there is none. */
export type ModelLookup = (id: string) => ModelPlugin;

/** How a partner's scenario is resolved (resolveScenario, passed in to keep the modules acyclic). */
type ResolvePartner = (plugin: ModelPlugin, document: Scenario) => ResolvedScenario;

/** Where a partner's own validation issue is, seen from the coupled scenario. */
const partnerIssue = (name: string, issue: ValidationIssue): ValidationIssue => ({
  path: `coupling.partners.${name}${issue.path ? `.${issue.path}` : ''}`,
  message: issue.message,
});

function resolvePartners(
  primary: ResolvedScenario,
  coupling: Coupling,
  lookup: ModelLookup,
  resolvePartner: ResolvePartner,
  issues: ValidationIssue[],
): (ResolvedPartner | undefined)[] {
  const { manifest } = primary.plugin;
  return Object.entries(coupling.partners).map(([name, partner]) => {
    const path = `coupling.partners.${name}`;
    if (name === manifest.id) {
      issues.push({ path, message: `a partner may not be named like the scenario's model ("${manifest.id}")` });
      return undefined;
    }
    let plugin: ModelPlugin;
    try {
      plugin = lookup(partner.model);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      issues.push(...error.issues.map((issue) => ({ path: `${path}.model`, message: issue.message })));
      return undefined;
    }
    const pm = plugin.manifest;
    if (!pm.methods.includes('agent')) {
      issues.push({
        path: `${path}.model`,
        message: `"${pm.id}" is not a stepped model (methods ${pm.methods.join(', ')}); only stepped models ("agent") can be coupled`,
      });
      return undefined;
    }
    if (pm.timeUnit !== manifest.timeUnit) {
      issues.push({
        path: `${path}.model`,
        message: `"${pm.id}" counts time in ${pm.timeUnit}s, "${manifest.id}" in ${manifest.timeUnit}s; coupled models share a time unit`,
      });
      return undefined;
    }
    try {
      const document: Scenario = {
        ...partner,
        duration: primary.duration,
        outputInterval: primary.duration,
        method: 'agent',
        seed: primary.seed,
        replicates: primary.replicates,
      };
      return { name, scenario: resolvePartner(plugin, document) };
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      issues.push(...error.issues.map((issue) => partnerIssue(name, issue)));
      return undefined;
    }
  });
}

/** Splits "<model>.<port>" at its first dot. */
function endpoint(text: string): [string, string] {
  const dot = text.indexOf('.');
  return [text.slice(0, dot), text.slice(dot + 1)];
}

function resolveLinks(
  manifests: readonly (ResolvedScenario['plugin']['manifest'] | undefined)[],
  names: readonly string[],
  coupling: Coupling,
  issues: ValidationIssue[],
): ResolvedLink[] {
  const links: ResolvedLink[] = [];
  const modelOf = (name: string, path: string): number | undefined => {
    const index = names.indexOf(name);
    if (index < 0) issues.push({ path, message: `unknown model "${name}"; known: ${names.join(', ')}` });
    return index < 0 ? undefined : index;
  };
  coupling.links.forEach((link, i) => {
    const path = `coupling.links[${i}]`;
    const [fromName, observableId] = endpoint(link.from);
    const [toName, inputId] = endpoint(link.to);
    const fromModel = modelOf(fromName, `${path}.from`);
    const toModel = modelOf(toName, `${path}.to`);
    if (fromModel === undefined || toModel === undefined) return;
    const source = manifests[fromModel];
    const target = manifests[toModel];
    if (!source || !target) return; // the partner's own problems are reported already
    if (fromModel === toModel) {
      issues.push({ path, message: `links "${fromName}" to itself; a link joins two models` });
      return;
    }
    const observable = source.observables.findIndex((o) => o.id === observableId);
    if (observable < 0) {
      issues.push({
        path: `${path}.from`,
        message: `"${fromName}" has no observable "${observableId}"; its observables: ${source.observables.map((o) => o.id).join(', ')}`,
      });
    }
    const inputs = (target.inputs ?? []).map((p) => p.id);
    if (!inputs.includes(inputId)) {
      issues.push({
        path: `${path}.to`,
        message: `"${toName}" declares no input "${inputId}"; its inputs: ${inputs.join(', ') || '(none)'}`,
      });
    }
    if (observable >= 0 && inputs.includes(inputId)) {
      links.push({
        from: { model: fromModel, observable },
        to: { model: toModel, input: inputId },
        scale: link.scale ?? 1,
      });
    }
  });
  return links;
}

/**
 * Checks a scenario's `coupling` against the scenario's model (`primary`, already resolved) and the partner
 * models `lookup` finds, pushing every problem into `issues` with its path (`coupling.partners.node.parameters.x`,
 * `coupling.links[0].to`, …). Returns undefined when there were problems.
 */
export function resolveCoupling(
  primary: ResolvedScenario,
  coupling: Coupling,
  lookup: ModelLookup | undefined,
  resolvePartner: ResolvePartner,
  issues: ValidationIssue[],
): ResolvedCoupling | undefined {
  const before = issues.length;
  const { manifest } = primary.plugin;
  if (!lookup) {
    issues.push({
      path: 'coupling',
      message: 'a coupled scenario needs the partner models: resolve it through a model registry (registry.resolve)',
    });
    return undefined;
  }
  if (primary.method !== 'agent') {
    issues.push({ path: 'method', message: `a coupled run steps its models; "${primary.method}" cannot, use "agent"` });
  }
  if (coupling.interval > primary.duration) {
    issues.push({
      path: 'coupling.interval',
      message: `${coupling.interval} is longer than the run (duration ${primary.duration}); allowed: > 0 and ≤ ${primary.duration}`,
    });
  }
  const partners = resolvePartners(primary, coupling, lookup, resolvePartner, issues);
  const names = [manifest.id, ...Object.keys(coupling.partners)];
  const manifests = [manifest, ...partners.map((p) => p?.scenario.plugin.manifest)];
  const links = resolveLinks(manifests, names, coupling, issues);
  if (issues.length > before) return undefined;
  return {
    interval: coupling.interval,
    partners: partners as ResolvedPartner[],
    links,
    document: structuredClone(coupling),
  };
}
