import { rejectField } from '../design/designArgumentError.js';
import type { Rng } from '../rng/types.js';
import { ReplicateRun, type RunResult } from '../run/replicateRun.js';
import type { ModelLookup } from '../run/resolveCoupling.js';
import { resolveScenario, scenarioToJson, type ResolvedScenario } from '../run/resolveScenario.js';
import type { AbcParameter, AbcProblem } from './abcProblem.js';

/** What turns a twin's scenario into an ABC problem. */
export interface ScenarioAbcOptions {
  /** The estimated parameters: manifest ids, each prior inside the parameter's [min, max]. */
  readonly parameters: readonly AbcParameter[];
  /** The distance (≥ 0) of one simulated run to the observed data (summary statistics, scaling: the caller's). */
  readonly distance: (run: RunResult) => number;
  /** Finds a coupled scenario's partner models (a registry's `get`). */
  readonly partners?: ModelLookup;
}

/**
 * ABC for a twin: each simulation is one run of `scenario` with the proposed parameter values, on a seed drawn from
 * the particle's stream, so stochastic (ssa, tau-leaping) and agent-based twins, coupled ones included, are
 * simulated exactly as `runScenario` would run them. Every proposal is a valid scenario: the priors must lie
 * within the parameters' ranges, and whole-number parameters are refused (a continuous prior cannot propose them).
 */
export function scenarioAbcProblem(scenario: ResolvedScenario, options: ScenarioAbcOptions): AbcProblem {
  const { manifest } = scenario.plugin;
  const specs = new Map(manifest.parameters.map((p) => [p.id, p]));
  options.parameters.forEach((p, k) => {
    const spec = specs.get(p.id);
    if (!spec)
      rejectField(`parameters[${k}].id`, p.id, `a parameter of "${manifest.id}" (${[...specs.keys()].join(', ')})`);
    if (spec.integer)
      rejectField(`parameters[${k}].id`, p.id, 'a parameter that takes any real value (this one is whole)');
    const [low, high] = p.prior.support;
    if (low < spec.min || high > spec.max) {
      rejectField(
        `parameters[${k}].prior`,
        `support [${low}, ${high}]`,
        `inside ${p.id}'s range [${spec.min}, ${spec.max}]`,
      );
    }
  });
  const document = scenarioToJson(scenario);
  return {
    parameters: options.parameters,
    distance(theta: Float64Array, rng: Rng): number {
      const parameters = { ...document.parameters };
      options.parameters.forEach((p, k) => (parameters[p.id] = theta[k]));
      const resolved = resolveScenario(
        scenario.plugin,
        { ...document, parameters, seed: rng.nextUint32(), replicates: 1 },
        options.partners,
      );
      return options.distance(new ReplicateRun(resolved, 0).runToEnd());
    },
  };
}
