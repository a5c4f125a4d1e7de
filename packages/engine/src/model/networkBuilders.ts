import { networkInterventionBuilders, type NetworkInterventionBuilders } from './networkInterventionBuilders.js';
import { reactionBuilders, type ReactionBuilders } from './reactionBuilders.js';
import type { TypedParameter, TypedSpecies } from './typedManifest.js';

/** Reaction and intervention builders bound to one model's parameter and species ids. */
export type NetworkBuilders<P extends string, S extends string> = ReactionBuilders<P, S> &
  NetworkInterventionBuilders<P, S>;

/**
 * The builders of a reaction-network manifest, bound to its declared parameters and species: a rate
 * parameter, a scaled parameter or a species that is not declared fails to compile (and throws when run
 * without types), e.g.
 *
 *   const { massAction, efficacyScaled } = networkBuilders({ parameters: PARAMETERS, species: SPECIES });
 *   massAction('clearance', { V: 1 }, {}, 'c', 'virus clearance');
 */
export function networkBuilders<P extends string, S extends string>(declared: {
  readonly parameters: readonly TypedParameter<P>[];
  readonly species: readonly TypedSpecies<S>[];
}): NetworkBuilders<P, S> {
  const known = {
    parameters: new Set<string>(declared.parameters.map((p) => p.id)),
    species: new Set<string>(declared.species.map((s) => s.id)),
  };
  return { ...reactionBuilders<P, S>(known), ...networkInterventionBuilders<P, S>(known) };
}
