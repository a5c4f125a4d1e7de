import { compileNetwork, type CompiledNetwork } from '../network/index.js';
import type { ModelPlugin } from '../model/types.js';
import type { ResolvedScenario } from './resolveScenario.js';

/**
 * Compiles a plugin's network with the given parameter values and builds its initial state: the species'
 * `initial` expressions, overridden by `initial` where it names a species.
 */
export function initialNetworkState(
  plugin: ModelPlugin,
  parameters: Readonly<Record<string, number>>,
  initial: Readonly<Record<string, number>>,
): { network: CompiledNetwork; state: Float64Array } {
  const { manifest } = plugin;
  if (!manifest.network) throw new Error(`model "${manifest.id}" has no reaction network`);
  const ids = manifest.parameters.map((p) => p.id);
  const network = compileNetwork(
    manifest.network,
    ids,
    ids.map((id) => parameters[id]),
    manifest.observables,
  );
  const state = network.initialState();
  network.speciesIds.forEach((id, i) => {
    if (initial[id] !== undefined) state[i] = initial[id];
  });
  return { network, state };
}

/** Compiles the scenario's network with its parameter values and builds the initial state. */
export function prepareNetwork(scenario: ResolvedScenario): { network: CompiledNetwork; state: Float64Array } {
  return initialNetworkState(scenario.plugin, scenario.parameters, scenario.initial);
}

/** Species amounts by id. */
export function stateRecord(network: CompiledNetwork, state: Float64Array): Record<string, number> {
  return Object.fromEntries(network.speciesIds.map((id, i) => [id, state[i]]));
}
