import type { StochasticSystem } from './types.js';

/**
 * The leap-size selection of Cao, Gillespie & Petzold (J Chem Phys 124:044109, 2006): over the non-critical
 * reactions, with μ_i = Σ_j ν_ij a_j and σ²_i = Σ_j ν_ij² a_j,
 *   τ' = min_i { max(ε x_i / g_i, 1) / |μ_i|,  max(ε x_i / g_i, 1)² / σ²_i }
 * for every species i that a reaction consumes. g_i comes from the highest order of reaction of species i:
 * a reaction of total order n needing m copies of i contributes (n / m) Σ_{k<m} x_i / (x_i − k), which gives
 * the paper's 1, 2, 2 + 1/(x−1), (3/2)(2 + 1/(x−1)) and 3 + 1/(x−1) + 2/(x−2) and extends to any order.
 */
export class TauSelector {
  /** Species that any reaction consumes or uses as a reactant (the set I_rs). */
  private readonly reactantSpecies: Int32Array;
  /** Per species: CSR offsets into `orderTotal`/`orderOwn` over the reactions it is a reactant of. */
  private readonly hOffsets: Int32Array;
  /** Total order n of the reaction. */
  private readonly orderTotal: Int32Array;
  /** Copies m of this species the reaction needs. */
  private readonly orderOwn: Int32Array;
  private readonly mu: Float64Array;
  private readonly sigma2: Float64Array;

  /** Precomputes reaction orders per species from the system's reactant lists. */
  constructor(
    private readonly system: StochasticSystem,
    private readonly epsilon: number,
  ) {
    const { nSpecies, nReactions, reactantOffsets, reactantSpecies, reactantOrders } = system;
    const { changeOffsets, changeSpecies, changeAmounts } = system;
    const totals = new Int32Array(nReactions);
    for (let j = 0; j < nReactions; j++) {
      for (let e = reactantOffsets[j]; e < reactantOffsets[j + 1]; e++) totals[j] += reactantOrders[e];
    }
    const counts = new Int32Array(nSpecies);
    const inSet = new Uint8Array(nSpecies);
    for (let e = 0; e < reactantOffsets[nReactions]; e++) {
      counts[reactantSpecies[e]]++;
      inSet[reactantSpecies[e]] = 1;
    }
    for (let e = 0; e < changeOffsets[nReactions]; e++) if (changeAmounts[e] < 0) inSet[changeSpecies[e]] = 1;
    this.hOffsets = new Int32Array(nSpecies + 1);
    for (let i = 0; i < nSpecies; i++) this.hOffsets[i + 1] = this.hOffsets[i] + counts[i];
    const fill = this.hOffsets.slice(0, nSpecies);
    this.orderTotal = new Int32Array(this.hOffsets[nSpecies]);
    this.orderOwn = new Int32Array(this.hOffsets[nSpecies]);
    for (let j = 0; j < nReactions; j++) {
      for (let e = reactantOffsets[j]; e < reactantOffsets[j + 1]; e++) {
        const slot = fill[reactantSpecies[e]]++;
        this.orderTotal[slot] = totals[j];
        this.orderOwn[slot] = reactantOrders[e];
      }
    }
    const set: number[] = [];
    for (let i = 0; i < nSpecies; i++) if (inSet[i] === 1) set.push(i);
    this.reactantSpecies = Int32Array.from(set);
    this.mu = new Float64Array(nSpecies);
    this.sigma2 = new Float64Array(nSpecies);
  }

  /** g_i at the current count `xi` (≥ 1 when i is a reactant of anything). */
  private g(i: number, xi: number): number {
    const { hOffsets, orderTotal, orderOwn } = this;
    let g = 1;
    for (let e = hOffsets[i]; e < hOffsets[i + 1]; e++) {
      const m = orderOwn[e];
      let s = 1;
      for (let k = 1; k < m; k++) s += xi / Math.max(xi - k, 1);
      const gi = (orderTotal[e] / m) * s;
      if (gi > g) g = gi;
    }
    return g;
  }

  /** τ' for state `x` with propensities `a`, skipping reactions flagged in `critical`; Infinity if unbounded. */
  select(x: Float64Array, a: Float64Array, critical: Uint8Array): number {
    const { system, mu, sigma2, epsilon, reactantSpecies } = this;
    const { changeOffsets, changeSpecies, changeAmounts } = system;
    mu.fill(0);
    sigma2.fill(0);
    for (let j = 0; j < a.length; j++) {
      const aj = a[j];
      if (critical[j] === 1 || aj === 0) continue;
      for (let e = changeOffsets[j]; e < changeOffsets[j + 1]; e++) {
        const v = changeAmounts[e];
        mu[changeSpecies[e]] += v * aj;
        sigma2[changeSpecies[e]] += v * v * aj;
      }
    }
    let tau = Infinity;
    for (let r = 0; r < reactantSpecies.length; r++) {
      const i = reactantSpecies[r];
      const xi = x[i];
      const bound = Math.max(xi > 0 ? (epsilon * xi) / this.g(i, xi) : 0, 1);
      const byMean = bound / Math.abs(mu[i]);
      const byVariance = (bound * bound) / sigma2[i];
      if (byMean < tau) tau = byMean;
      if (byVariance < tau) tau = byVariance;
    }
    return tau;
  }
}
