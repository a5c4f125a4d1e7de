import type { ReactionSpec } from '../schema/index.js';

/** Stoichiometry over the species ids `S`: how many of each (species not named take no part). */
export type TypedStoichiometry<S extends string> = { readonly [K in S]?: number };

/** Builders of reactions whose species and rate parameters are checked against a model's declarations. */
export interface ReactionBuilders<P extends string, S extends string> {
  /** A mass-action reaction whose rate constant is the parameter `rate`. */
  massAction(
    id: string,
    reactants: TypedStoichiometry<S>,
    products: TypedStoichiometry<S>,
    rate: P,
    label?: string,
  ): ReactionSpec;
  /** A mass-action reaction whose rate constant is an expression of parameters (not checked by the compiler). */
  massActionRate(
    id: string,
    reactants: TypedStoichiometry<S>,
    products: TypedStoichiometry<S>,
    rate: string,
    label?: string,
  ): ReactionSpec;
  /** A reaction whose flux (not a rate constant) is the expression `flux`. */
  customRate(
    id: string,
    reactants: TypedStoichiometry<S>,
    products: TypedStoichiometry<S>,
    flux: string,
    label?: string,
  ): ReactionSpec;
}

function reaction(
  id: string,
  label: string | undefined,
  reactants: Record<string, number>,
  products: Record<string, number>,
  law: ReactionSpec['law'],
  rate: string,
): ReactionSpec {
  // The key order is the order the manifests were written in, so their JSON is unchanged.
  return label === undefined ? { id, reactants, products, law, rate } : { id, label, reactants, products, law, rate };
}

/**
 * Reaction builders for a model with parameters `P` and species `S`; `known` checks ids at run time too (for
 * callers without types), naming the unknown id and the known ones.
 */
export function reactionBuilders<P extends string, S extends string>(known: {
  readonly parameters: ReadonlySet<string>;
  readonly species: ReadonlySet<string>;
}): ReactionBuilders<P, S> {
  const stoichiometry = (id: string, side: TypedStoichiometry<S>): Record<string, number> => {
    for (const name of Object.keys(side)) {
      if (!known.species.has(name)) {
        throw new Error(`reaction "${id}": unknown species "${name}"; known: ${[...known.species].join(', ')}`);
      }
    }
    return side as Record<string, number>;
  };
  return {
    massAction(id, reactants, products, rate, label) {
      if (!known.parameters.has(rate)) {
        throw new Error(
          `reaction "${id}": unknown rate parameter "${rate}"; known: ${[...known.parameters].join(', ')}`,
        );
      }
      return reaction(id, label, stoichiometry(id, reactants), stoichiometry(id, products), 'massAction', rate);
    },
    massActionRate(id, reactants, products, rate, label) {
      return reaction(id, label, stoichiometry(id, reactants), stoichiometry(id, products), 'massAction', rate);
    },
    customRate(id, reactants, products, flux, label) {
      return reaction(id, label, stoichiometry(id, reactants), stoichiometry(id, products), 'custom', flux);
    },
  };
}
