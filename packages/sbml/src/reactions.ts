import type { ExprNode, ReactionSpec } from '@immunotwin/engine';
import { SbmlImportError } from './errors.js';
import type { ExpressionMapper } from './expressionMapper.js';
import type { SbmlSpeciesReference } from './model.js';
import { UniqueIds } from './naming.js';
import { bin, name, num } from './nodes.js';
import { printExpression } from './printExpression.js';
import type { ModelSymbols } from './symbols.js';

function stoichiometryOf(
  references: readonly SbmlSpeciesReference[],
  counts: (id: string) => boolean,
): Map<string, number> {
  const result = new Map<string, number>();
  for (const { species, stoichiometry } of references) {
    if (counts(species)) result.set(species, (result.get(species) ?? 0) + stoichiometry);
  }
  return result;
}

const isWhole = (map: Map<string, number>): boolean => [...map.values()].every((n) => Number.isInteger(n) && n >= 1);

/** One manifest reaction per species for a reaction with non-integer stoichiometry: flux·(net change). */
function splitReaction(
  id: string,
  label: string | undefined,
  rate: ExprNode,
  reactants: Map<string, number>,
  products: Map<string, number>,
): ReactionSpec[] {
  const net = new Map<string, number>();
  for (const [s, n] of reactants) net.set(s, (net.get(s) ?? 0) - n);
  for (const [s, n] of products) net.set(s, (net.get(s) ?? 0) + n);
  return [...net]
    .filter(([, n]) => n !== 0)
    .map(([s, n]) => ({
      id: `${id}__${s}`,
      label: `${label ?? id}: change of ${s} (stoichiometry ${n})`,
      reactants: {},
      products: { [s]: 1 },
      law: 'custom' as const,
      rate: printExpression(bin('*', num(n), rate)),
    }));
}

export function reactionsOf(symbols: ModelSymbols, mapper: ExpressionMapper): ReactionSpec[] {
  const counts = (id: string): boolean => {
    const s = symbols.species.get(id);
    if (!s) throw new SbmlImportError(`species reference "${id}"`, 'names no species of the model');
    return !s.boundaryCondition && !s.constant && symbols.isState(id) && !symbols.rateRules.has(id);
  };
  const ids = new UniqueIds();
  const reactions: ReactionSpec[] = [];
  for (const r of symbols.model.reactions) {
    const rate = mapper.perManifestTime(mapper.current(r.rate, `<kineticLaw> of <reaction id="${r.id}">`));
    const reactants = stoichiometryOf(r.reactants, counts);
    const products = stoichiometryOf(r.products, counts);
    const id = ids.take(r.id);
    if (isWhole(reactants) && isWhole(products)) {
      reactions.push({
        id,
        ...(r.name ? { label: r.name } : {}),
        reactants: Object.fromEntries(reactants),
        products: Object.fromEntries(products),
        law: 'custom',
        rate: printExpression(rate),
      });
    } else
      reactions.push(
        ...splitReaction(id, r.name, rate, reactants, products).map((x) => ({ ...x, id: ids.take(x.id) })),
      );
  }
  for (const [variable, math] of symbols.rateRules) {
    // d(amount)/dt = size · d(concentration)/dt for a concentration; the rate itself otherwise.
    const rate = mapper.perManifestTime(mapper.current(math, `<rateRule variable="${variable}">`));
    const volume = symbols.volumeOf(variable);
    reactions.push({
      id: ids.take(`rateRule_${variable}`),
      label: `rate rule for ${variable}`,
      reactants: {},
      products: { [variable]: 1 },
      law: 'custom',
      rate: printExpression(volume === undefined ? rate : bin('*', name(volume), rate)),
    });
  }
  return reactions;
}
