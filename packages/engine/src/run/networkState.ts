import { compileNetwork, type CompiledNetwork } from '../network/index.js';
import type { ResolvedScenario } from './resolveScenario.js';

/** Compiles the scenario's network with its parameter values and builds the initial state. */
export function prepareNetwork(scenario: ResolvedScenario): { network: CompiledNetwork; state: Float64Array } {
  const { manifest } = scenario.plugin;
  if (!manifest.network) throw new Error(`model "${manifest.id}" has no reaction network`);
  const ids = manifest.parameters.map((p) => p.id);
  const network = compileNetwork(
    manifest.network,
    ids,
    ids.map((id) => scenario.parameters[id]),
    manifest.observables,
  );
  const state = network.initialState();
  network.speciesIds.forEach((id, i) => {
    if (scenario.initial[id] !== undefined) state[i] = scenario.initial[id];
  });
  return { network, state };
}

/** Species amounts by id. */
export function stateRecord(network: CompiledNetwork, state: Float64Array): Record<string, number> {
  return Object.fromEntries(network.speciesIds.map((id, i) => [id, state[i]]));
}
