import { portableMath } from '@immunotwin/engine';
import type { Rng } from '@immunotwin/engine';

/** Epithelial site states (codes of the Uint8Array `cells`). */
export const CELL = {
  /** Susceptible, uninfected. */
  healthy: 0,
  /** Infected, not yet producing virus. */
  eclipse: 1,
  /** Infected and releasing virus. */
  productive: 2,
  /** Dead (lysed or killed); refilled by regeneration. */
  dead: 3,
  /** Uninfected and protected by interferon. */
  antiviral: 4,
} as const;

/** Names of the cell state codes, in code order (for tissue views). */
export const CELL_STATE_NAMES: readonly string[] = ['healthy', 'eclipse', 'productive', 'dead', 'antiviral'];

/** Per-step probabilities and amounts of the epithelium update, precomputed for one step length. */
export interface EpitheliumStep {
  /** β·h: infection hazard per infectious unit at the site over the step. */
  infectionHazard: number;
  /** Fraction of infections an antiviral cell resists. */
  protection: number;
  /** Maximal probability per step of entering the antiviral state (× IFN/(IFN + half)). */
  antiviral: number;
  /** IFN per site giving half the maximal antiviral induction. */
  ifnHalf: number;
  /** Probability per step of leaving the antiviral state without IFN. */
  antiviralLoss: number;
  /** Probability per step of leaving the eclipse phase. */
  eclipseExit: number;
  /** Probability per step that a productive cell dies from the virus. */
  death: number;
  /** Probability per step that a dead site with 4 healthy neighbours is refilled. */
  regeneration: number;
  /** Virus added per productive cell per step (before that step's decay). */
  virus: number;
  /** IFN added per infected cell per step. */
  ifn: number;
  /** Chemokine added per productive cell per step. */
  chemokine: number;
  /** Cytokine added per infected cell per step. */
  cytokine: number;
  /** Antigen released where an infected cell dies. */
  antigen: number;
}

/** The fields the epithelium reads and writes (one value per site). */
export interface EpitheliumFields {
  /** Free infectious virus per site. */
  readonly virus: Float32Array;
  /** Type-I interferon per site. */
  readonly ifn: Float32Array;
  /** Chemokine per site. */
  readonly chemokine: Float32Array;
  /** Inflammatory cytokine per site. */
  readonly cytokine: Float32Array;
  /** Free antigen per site. */
  readonly antigen: Float32Array;
}

/** Probability of at least one event for a hazard `h` (exact, cheap for small h). */
export function eventProbability(h: number): number {
  return h < 1e-4 ? h * (1 - 0.5 * h) : 1 - portableMath.exp(-h);
}

/**
 * Advances every epithelial site by one step: infection by the virus at the site (resisted by the antiviral
 * state), antiviral induction by IFN and its loss, eclipse exit, virus-induced death with antigen release,
 * regeneration of dead sites next to healthy ones, and secretion of virus, IFN, chemokine and cytokine into
 * the fields; returns the number of virus-induced deaths. One uniform draw per site that can change state; transitions are memoryless (exponential
 * waiting times), as in the ODE model this reduces to when the fields are well mixed.
 */
export function stepEpithelium(
  cells: Uint8Array,
  neighbours: Int32Array,
  fields: EpitheliumFields,
  s: EpitheliumStep,
  rng: Rng,
): number {
  const { virus, ifn, chemokine, cytokine, antigen } = fields;
  const n = cells.length;
  let deaths = 0;
  for (let i = 0; i < n; i++) {
    const state = cells[i];
    if (state === CELL.healthy) {
      const h = s.infectionHazard * virus[i];
      const f = ifn[i];
      const pAv = f > 0 ? (s.antiviral * f) / (f + s.ifnHalf) : 0;
      if (h <= 0 && pAv <= 0) continue;
      const pInf = eventProbability(h);
      const u = rng.uniform();
      if (u < pInf) cells[i] = CELL.eclipse;
      else if (u < pInf + pAv * (1 - pInf)) cells[i] = CELL.antiviral;
    } else if (state === CELL.eclipse) {
      ifn[i] += s.ifn;
      cytokine[i] += s.cytokine;
      if (rng.uniform() < s.eclipseExit) cells[i] = CELL.productive;
    } else if (state === CELL.productive) {
      virus[i] += s.virus;
      ifn[i] += s.ifn;
      chemokine[i] += s.chemokine;
      cytokine[i] += s.cytokine;
      if (rng.uniform() < s.death) {
        cells[i] = CELL.dead;
        antigen[i] += s.antigen;
        deaths++;
      }
    } else if (state === CELL.dead) {
      if (s.regeneration <= 0) continue;
      const b = 8 * i;
      let healthy = 0;
      for (let k = 0; k < 4; k++) {
        const j = neighbours[b + k];
        if (j >= 0 && (cells[j] === CELL.healthy || cells[j] === CELL.antiviral)) healthy++;
      }
      if (healthy > 0 && rng.uniform() < s.regeneration * healthy * 0.25) cells[i] = CELL.healthy;
    } else {
      const h = s.infectionHazard * virus[i] * (1 - s.protection);
      const f = ifn[i];
      const pLoss = (s.antiviralLoss * s.ifnHalf) / (f + s.ifnHalf);
      const pInf = eventProbability(h);
      const u = rng.uniform();
      if (u < pInf) cells[i] = CELL.eclipse;
      else if (u < pInf + pLoss * (1 - pInf)) cells[i] = CELL.healthy;
    }
  }
  return deaths;
}

/** Counts of each cell state, indexed by code. */
export function countCells(cells: Uint8Array, out: Float64Array): void {
  out.fill(0);
  for (let i = 0; i < cells.length; i++) out[cells[i]]++;
}
