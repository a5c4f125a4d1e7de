import { changedParameters } from '../model/changedParameters.js';
import type { ResolvedScenario } from './resolveScenario.js';

/** Formats `id = value` pairs, or undefined when there are none. */
function listValues(values: Readonly<Record<string, number>>): string | undefined {
  const entries = Object.entries(values);
  return entries.length ? entries.map(([id, value]) => `${id} = ${value}`).join(', ') : undefined;
}

/** The scenario's values that differ from the model's defaults: what a user changed, so what led to a failure. */
export function changedValues(scenario: ResolvedScenario): string {
  const changed = changedParameters(scenario.plugin.manifest, scenario.parameters);
  const parts = [
    scenario.preset ? `preset ${scenario.preset}` : undefined,
    listValues(changed) && `parameters ${listValues(changed)}`,
    listValues(scenario.initial) && `initial ${listValues(scenario.initial)}`,
    scenario.interventions.length
      ? `interventions ${scenario.interventions.map((i) => `${i.spec.kind} from ${i.start}`).join(', ')}`
      : undefined,
    `method ${scenario.method}`,
    scenario.method === 'ode' ? `solver rtol = ${scenario.solver.rtol}, atol = ${scenario.solver.atol}` : undefined,
  ];
  return parts.filter((part) => part !== undefined).join('; ');
}

/**
 * A valid scenario whose run failed in the model or the solver (a rate that became infinite, a step size that
 * underflowed, too many stochastic events): an error of the scenario, not of the program. Its message says when
 * the run failed, why, and the scenario's values that differ from the model's defaults; `cause` is the original.
 */
export class ScenarioRunError extends Error {
  /**
   * @param scenario the scenario that was running
   * @param replicate which replicate failed
   * @param time the simulated time of the sample being computed
   * @param cause the model's or solver's error
   */
  constructor(
    readonly scenario: ResolvedScenario,
    readonly replicate: number,
    readonly time: number,
    cause: unknown,
  ) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super(
      `the run of "${scenario.plugin.manifest.id}" failed before t = ${time} (replicate ${replicate}): ${reason} ` +
        `The values that led to it: ${changedValues(scenario)}.`,
      { cause },
    );
    this.name = 'ScenarioRunError';
  }
}
