import { log, log1p } from '../math/portableMath.js';
import { createDistribution } from '../design/distributionSpec.js';
import type { Distribution } from '../design/distribution.js';
import { namesIn } from '../expr/ast.js';
import { parseExpression } from '../expr/parse.js';
import { createRng } from '../rng/seeding.js';
import type { ResolvedScenario } from '../run/resolveScenario.js';
import type { ModelManifest } from '../schema/manifest.js';
import type { ParameterSpec } from '../schema/parameter.js';
import type { ValidationIssue } from '../validation/validationError.js';

/**
 * The stream index under the scenario's seed from which cohorts draw: parameter k of the manifest draws from
 * `createRng(seed, COHORT_STREAM, k)`, a stream no replicate uses (replicate r runs on `createRng(seed, r)`).
 */
export const COHORT_STREAM = 0x636f68; // "coh"

/**
 * What a cohort is drawn around: a model's manifest and a scenario's values, method and initial-state
 * overrides (a resolved scenario's, or an explicit scenario's with its manifest, as a workbench has them).
 */
export interface CohortBase {
  /** The model. */
  readonly manifest: ModelManifest;
  /** Every parameter's value: the centre of each varied parameter's spread. */
  readonly parameters: Readonly<Record<string, number>>;
  /** The simulation method (a whole-count method cannot vary initial amounts). */
  readonly method: ResolvedScenario['method'];
  /** Species whose initial amounts the scenario sets (their `initial` expressions do not apply). */
  readonly initial?: Readonly<Record<string, number>>;
}

/** The cohort base of a resolved scenario. */
export function cohortBase(scenario: ResolvedScenario): CohortBase {
  const { plugin, parameters, method, initial } = scenario;
  return { manifest: plugin.manifest, parameters, method, initial };
}

/** Whether a method simulates whole counts, so a network's initial amounts must stay whole numbers. */
function countsWhole(method: ResolvedScenario['method']): boolean {
  return method === 'ssa' || method === 'tau-leaping';
}

/**
 * Parameters that set a reaction network's initial amounts (named in a species' `initial` expression that the
 * scenario does not override): a method that counts whole molecules or cells cannot take them drawn from a
 * continuous spread.
 */
function initialAmountParameters(base: CohortBase): Set<string> {
  const names = new Set<string>();
  const { network } = base.manifest;
  if (!network || !countsWhole(base.method)) return names;
  for (const species of network.species) {
    if (base.initial?.[species.id] === undefined) namesIn(parseExpression(species.initial), names);
  }
  return names;
}

/** Why a parameter cannot be varied in a cohort around `base`, or undefined if it can. */
function cannotVary(spec: ParameterSpec, base: CohortBase, counts: Set<string>): string | undefined {
  const value = base.parameters[spec.id] ?? spec.default;
  if (spec.integer) return `${spec.id} takes whole numbers only; a cohort varies continuous parameters`;
  if (!(value > 0)) return `${spec.id} is ${value} here; a log-normal spread needs a value > 0`;
  if (!(spec.max > spec.min)) return `${spec.id} has a single allowed value (${spec.min})`;
  if (counts.has(spec.id)) {
    return `${spec.id} sets an initial amount, which method "${base.method}" counts in whole numbers; a cohort cannot draw it from a continuous spread`;
  }
  return undefined;
}

/**
 * Every parameter of the model with whether a cohort around `base` can vary it: `reason` says why not (an integer,
 * a value of 0, a single allowed value, or an initial whole count of a stochastic network). In the manifest's order.
 */
export function cohortParameterChoices(base: CohortBase): { id: string; reason: string | undefined }[] {
  const counts = initialAmountParameters(base);
  return base.manifest.parameters.map((spec) => ({ id: spec.id, reason: cannotVary(spec, base, counts) }));
}

/** The parameters a cohort around `base` varies when none are named: every one it can vary, in the manifest's order. */
export function defaultCohortParameters(base: CohortBase): string[] {
  return cohortParameterChoices(base)
    .filter((choice) => choice.reason === undefined)
    .map((choice) => choice.id);
}

/**
 * Checks the parameters named for a cohort against the model; issues have paths `parameters[i]` (put `prefix`
 * before them). Returns them in the manifest's order with the issues found.
 */
export function checkCohortParameters(
  base: CohortBase,
  ids: readonly string[],
  prefix = '',
): { parameters: string[]; issues: ValidationIssue[] } {
  const { manifest } = base;
  const choices = new Map(cohortParameterChoices(base).map((choice) => [choice.id, choice.reason]));
  const issues: ValidationIssue[] = [];
  ids.forEach((id, i) => {
    const why = choices.has(id)
      ? choices.get(id)
      : `${JSON.stringify(id)} is not a parameter of ${manifest.id}; its parameters: ${manifest.parameters.map((p) => p.id).join(', ')}`;
    if (why) issues.push({ path: `${prefix}parameters[${i}]`, message: why });
  });
  const parameters = manifest.parameters.filter((p) => ids.includes(p.id)).map((p) => p.id);
  return { parameters, issues };
}

/**
 * The distribution a cohort draws a parameter from: log-normal with median `value` and coefficient of variation
 * `spread` (σ = √ln(1 + spread²)), truncated to the parameter's range [min, max] — so every patient's value is
 * allowed, without clamping any draw.
 */
export function cohortDistribution(spec: ParameterSpec, value: number, spread: number): Distribution {
  return createDistribution({
    kind: 'log-normal',
    mu: log(value),
    sigma: Math.sqrt(log1p(spread * spread)),
    truncate: spec.min > 0 ? { lower: spec.min, upper: spec.max } : { upper: spec.max },
  });
}

/**
 * The parameter values of `size` virtual patients: the scenario's values with each of `parameters` (checked by
 * {@link checkCohortParameters}) drawn from {@link cohortDistribution}. Patient i's value of parameter k (its
 * index in the manifest) is the i-th draw of the stream (seed, {@link COHORT_STREAM}, k): the same seed gives the
 * same cohort, a larger cohort keeps the first patients, and varying one more parameter leaves the others' draws.
 */
export function drawCohort(
  scenario: ResolvedScenario,
  parameters: readonly string[],
  size: number,
  spread: number,
): Record<string, number>[] {
  const patients = Array.from({ length: size }, () => ({ ...scenario.parameters }));
  scenario.plugin.manifest.parameters.forEach((spec, k) => {
    if (!parameters.includes(spec.id)) return;
    const distribution = cohortDistribution(spec, scenario.parameters[spec.id], spread);
    const rng = createRng(scenario.seed, COHORT_STREAM, k);
    for (const patient of patients) patient[spec.id] = distribution.sample(rng);
  });
  return patients;
}
