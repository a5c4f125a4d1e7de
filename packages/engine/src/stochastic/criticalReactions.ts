import type { StochasticSystem } from './types.js';

/**
 * Finds the critical reactions of tau-leaping: channels with a_j > 0 that could fire fewer than `nCritical`
 * times before one of the species they consume (net stoichiometric change < 0) runs out,
 * L_j = min_i floor(x_i / |ν_ij|) < n_c (Cao, Gillespie & Petzold 2006).
 */
export class CriticalReactions {
  /** CSR offsets into `species`/`consumed`, per reaction. */
  private readonly offsets: Int32Array;
  private readonly species: Int32Array;
  private readonly consumed: Float64Array;

  /** Precomputes, per reaction, the species it consumes and by how much. */
  constructor(
    system: StochasticSystem,
    private readonly nCritical: number,
  ) {
    const { nReactions, changeOffsets, changeSpecies, changeAmounts } = system;
    this.offsets = new Int32Array(nReactions + 1);
    let count = 0;
    for (let e = 0; e < changeOffsets[nReactions]; e++) if (changeAmounts[e] < 0) count++;
    this.species = new Int32Array(count);
    this.consumed = new Float64Array(count);
    let n = 0;
    for (let j = 0; j < nReactions; j++) {
      this.offsets[j] = n;
      for (let e = changeOffsets[j]; e < changeOffsets[j + 1]; e++) {
        if (changeAmounts[e] < 0) {
          this.species[n] = changeSpecies[e];
          this.consumed[n] = -changeAmounts[e];
          n++;
        }
      }
    }
    this.offsets[nReactions] = n;
  }

  /** Writes 1 into `critical[j]` for each critical reaction, 0 otherwise; returns the critical a0 sum. */
  mark(x: Float64Array, a: Float64Array, critical: Uint8Array): number {
    const { offsets, species, consumed, nCritical } = this;
    let a0c = 0;
    for (let j = 0; j < a.length; j++) {
      let isCritical = 0;
      if (a[j] > 0) {
        for (let e = offsets[j]; e < offsets[j + 1]; e++) {
          if (Math.floor(x[species[e]] / consumed[e]) < nCritical) {
            isCritical = 1;
            break;
          }
        }
      }
      critical[j] = isCritical;
      if (isCritical === 1) a0c += a[j];
    }
    return a0c;
  }
}
