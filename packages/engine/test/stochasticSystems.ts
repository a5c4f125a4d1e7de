/**
 * Hand-built mass-action `StochasticSystem`s for the stochastic simulator tests (the real network compiler
 * lives elsewhere). Propensities follow the stochastic mass-action law
 * a = k Π_i x_i (x_i − 1) ⋯ (x_i − m_i + 1) / m_i!, so 2A → B has a = k A (A − 1) / 2.
 */
import type { StochasticSystem } from '../src/stochastic/index.js';

/** One mass-action reaction: rate constant, reactants with their multiplicities, and net changes. */
export interface MassActionReaction {
  /** Rate constant k. */
  rate: number;
  /** [species, copies needed]; catalysts are listed here too (with their net change 0 or omitted). */
  reactants: ReadonlyArray<readonly [number, number]>;
  /** [species, net change when the reaction fires]. */
  changes: ReadonlyArray<readonly [number, number]>;
}

/** Builds a `StochasticSystem` with CSR arrays and a dependency graph derived from the reactions. */
export function massActionSystem(nSpecies: number, reactions: readonly MassActionReaction[]): StochasticSystem {
  const nReactions = reactions.length;
  const csr = <T>(rows: readonly (readonly T[])[]): { offsets: Int32Array; items: T[] } => {
    const offsets = new Int32Array(rows.length + 1);
    const items: T[] = [];
    rows.forEach((row, j) => {
      items.push(...row);
      offsets[j + 1] = items.length;
    });
    return { offsets, items };
  };
  const change = csr(reactions.map((r) => r.changes));
  const reactant = csr(reactions.map((r) => r.reactants));
  // Reaction k depends on j when j changes a species that k reads.
  const deps = reactions.map((rj) =>
    reactions
      .map((rk, k) => (rk.reactants.some(([s]) => rj.changes.some(([c, d]) => c === s && d !== 0)) ? k : -1))
      .filter((k) => k >= 0),
  );
  const dependent = csr(deps);
  const propensity = (j: number, x: Float64Array): number => {
    const r = reactions[j];
    let a = r.rate;
    for (const [s, m] of r.reactants) {
      let falling = 1;
      let factorial = 1;
      for (let k = 0; k < m; k++) {
        falling *= Math.max(x[s] - k, 0);
        factorial *= k + 1;
      }
      a *= falling / factorial;
    }
    return a;
  };
  return {
    nSpecies,
    nReactions,
    propensities(x, out) {
      for (let j = 0; j < nReactions; j++) out[j] = propensity(j, x);
    },
    propensity,
    changeOffsets: change.offsets,
    changeSpecies: Int32Array.from(change.items.map(([s]) => s)),
    changeAmounts: Float64Array.from(change.items.map(([, d]) => d)),
    dependentOffsets: dependent.offsets,
    dependents: Int32Array.from(dependent.items),
    reactantOffsets: reactant.offsets,
    reactantSpecies: Int32Array.from(reactant.items.map(([s]) => s)),
    reactantOrders: Int32Array.from(reactant.items.map(([, m]) => m)),
  };
}

/** A → ∅ at rate k (species 0 = A). */
export function decaySystem(k: number): StochasticSystem {
  return massActionSystem(1, [{ rate: k, reactants: [[0, 1]], changes: [[0, -1]] }]);
}

/** ∅ → A at rate λ, A → ∅ at rate μ per molecule (species 0 = A). */
export function birthDeathSystem(lambda: number, mu: number): StochasticSystem {
  return massActionSystem(1, [
    { rate: lambda, reactants: [], changes: [[0, 1]] },
    { rate: mu, reactants: [[0, 1]], changes: [[0, -1]] },
  ]);
}

/** 2A → B with propensity k A (A − 1) / 2 (species 0 = A, 1 = B). */
export function dimerisationSystem(k: number): StochasticSystem {
  return massActionSystem(2, [
    {
      rate: k,
      reactants: [[0, 2]],
      changes: [
        [0, -2],
        [1, 1],
      ],
    },
  ]);
}

/** Target cells (species index in the virus model). */
export const U = 0;
/** Infected cells (species index in the virus model). */
export const I = 1;
/** Virions (species index in the virus model). */
export const V = 2;

/** Parameters of the target-cell-limited virus model. */
export interface VirusParameters {
  /** Infection rate constant β (per target cell per virion). */
  beta: number;
  /** Infected-cell death rate δ. */
  delta: number;
  /** Virion production rate p per infected cell. */
  p: number;
  /** Virion clearance rate c. */
  c: number;
}

/**
 * Target-cell-limited model as counts: U + V → I (β U V, consumes the virion), I → ∅ (δ I),
 * I → I + V (p I), V → ∅ (c V). Species 0 = U, 1 = I, 2 = V.
 */
export function virusSystem({ beta, delta, p, c }: VirusParameters): StochasticSystem {
  return massActionSystem(3, [
    {
      rate: beta,
      reactants: [
        [U, 1],
        [V, 1],
      ],
      changes: [
        [U, -1],
        [V, -1],
        [I, 1],
      ],
    },
    { rate: delta, reactants: [[I, 1]], changes: [[I, -1]] },
    { rate: p, reactants: [[I, 1]], changes: [[V, 1]] },
    { rate: c, reactants: [[V, 1]], changes: [[V, -1]] },
  ]);
}
