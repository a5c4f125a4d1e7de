import { includeSite, portableMath, type Rng, type SiteBox } from '@immunotwin/engine';
import { CELL } from './cells.js';
import { INNATE, type InnatePool } from './innate.js';
import { hop, inBox, movesThisStep } from './moves.js';

/** What the innate cells do in one step, precomputed for one step length and the treatments in force. */
export interface InnateRules {
  /** Probability per step of dying, by type (a dead macrophage is replaced by a resting one at a random site). */
  readonly death: Float64Array;
  /** Mean moves per step, by type (resting macrophages for the macrophage entry). */
  readonly moves: Float64Array;
  /** Mean moves per step of an inflammatory macrophage. */
  readonly inflammatoryMoves: number;
  /** Probability that a move climbs its attractant's gradient, by type. */
  readonly bias: Float64Array;
  /** Attractant by type: 0 chemokine, 1 cytokine. */
  readonly attractant: Uint8Array;
  /** Share of the virions at its site a macrophage leaves over a step (e^(−uptake·h)). */
  readonly virionsLeft: number;
  /** Probability per step that a macrophage engulfs the apoptotic cell or dead-cell debris at its site. */
  readonly engulf: number;
  /** Ingested virion-equivalents at and above which a macrophage is inflammatory. */
  readonly activation: number;
  /** Virion-equivalents one engulfed cell or debris adds to a macrophage's load. */
  readonly cellLoad: number;
  /** Share of its load a macrophage keeps over a step (e^(−digestion·h)). */
  readonly loadKept: number;
  /** Cytokine added per inflammatory macrophage per step. */
  readonly cytokine: number;
  /** Quasi-steady ROS one neutrophil holds at its site (secretion over decay). */
  readonly rosLevel: number;
  /** NK killing hazard per step against an unprotected infected cell at its site. */
  readonly nkKill: number;
  /** Largest share of the NK hazard that IFN at the site takes away (MHC-I up-regulation). */
  readonly nkIfnProtection: number;
  /** IFN per site giving half the protection. */
  readonly ifnHalf: number;
  /** Mean apoptosis period (Poisson) of a cell an NK cell kills, minutes. */
  readonly apoptosisPeriod: number;
}

/** The tissue the innate cells read and change. */
export interface InnateWorld {
  /** Epithelial states. */
  readonly cells: Uint8Array;
  /** Minutes left in each cell's period. */
  readonly timers: Float32Array;
  /** 1 where a dead cell's debris has not been cleared. */
  readonly debris: Uint8Array;
  /** Sites per row of the (closed) section. */
  readonly width: number;
  /** Rows of the section. */
  readonly height: number;
  /** Free virions. */
  readonly virions: Float32Array;
  /** Chemokine (the cells climb it). */
  readonly chemokine: Float32Array;
  /** Pro-inflammatory cytokine (inflammatory macrophages add to it). */
  readonly cytokine: Float32Array;
  /** IFN (protects infected cells from NK cells). */
  readonly ifn: Float32Array;
  /** ROS (rewritten here from the neutrophils every step). */
  readonly ros: Float32Array;
  /** Optional: where the fields and the cells are, so that cells in quiescent tissue read nothing. */
  readonly regions?: InnateRegions;
}

/**
 * Boxes (each holding every site where its field is not 0, or every cell that is not healthy) on a closed
 * `width × height` lattice; the cytokine's is grown where macrophages add cytokine. The same bits result.
 */
export interface InnateRegions {
  /** Sites per row. */
  readonly width: number;
  /** Rows. */
  readonly height: number;
  readonly chemokine: SiteBox;
  readonly cytokine: SiteBox;
  /** Holds every site where the cytokine is above the recruitment threshold; grown where macrophages add cytokine. */
  readonly cytokineAbove?: SiteBox;
  /**
   * Holds every site where cytokine was written since the fields' last step (a field on voxels gathers only there);
   * grown likewise.
   */
  readonly cytokineWritten?: SiteBox;
  readonly virions: Readonly<SiteBox>;
  /** Holds every cell that is not healthy. */
  readonly cells: Readonly<SiteBox>;
}

/** What an innate step did. */
export interface InnateOutcome {
  /** Apoptotic cells engulfed by macrophages (they die at once). */
  engulfedDeaths: number;
  /** Infected cells NK cells induced to apoptosis. */
  nkKills: number;
}

/**
 * Advances every innate cell by one step, in pool order: death (a dead macrophage is replaced by a resting one at
 * a random site, keeping the resident population; neutrophils and NK cells are removed), moves (each climbing
 * its attractant's gradient — chemokine or cytokine — with the type's bias, else random), then its action at its site. A macrophage takes up
 * a share of the virions, may engulf an apoptotic cell (which dies) or clear a dead cell's debris, digests part of
 * its load, and is inflammatory (secreting cytokine) while its load is at least `activation` virion-equivalents; a neutrophil adds its quasi-steady ROS; an NK cell may induce an infected (incubating or
 * expressing) cell to apoptosis, less so where IFN protects it. The ROS field is cleared first (it must hold ROS
 * only at the pool's neutrophils' sites, as this step leaves it).
 */
export function stepInnate(pool: InnatePool, w: InnateWorld, r: InnateRules, rng: Rng, out: InnateOutcome): void {
  const { cells, timers, debris, width, height, virions, chemokine, cytokine, ros } = w;
  const regions = w.regions;
  // The boxes of the two attractants (chemokine, cytokine), or none.
  const moveBoxes = regions ? ([regions.chemokine, regions.cytokine] as const) : undefined;
  clearNeutrophilRos(pool, ros);
  const sites = cells.length;
  let k = 0;
  while (k < pool.count) {
    const type = pool.type[k];
    if (rng.uniform() < r.death[type]) {
      if (type !== INNATE.macrophage) {
        pool.remove(k);
        continue;
      }
      pool.state[k] = 0;
      pool.load[k] = 0;
      pool.site[k] = rng.integer(sites);
    }
    const inflammatory = type === INNATE.macrophage && pool.state[k] === 1;
    const bias = r.bias[type];
    const field = r.attractant[type] === 1 ? cytokine : chemokine;
    const box = moveBoxes?.[r.attractant[type]];
    let site = pool.site[k];
    for (let m = movesThisStep(inflammatory ? r.inflammatoryMoves : r.moves[type], rng); m > 0; m--) {
      site = hop(site, width, height, field, bias, rng, box);
    }
    pool.site[k] = site;
    // Outside the regions there are no virions and every cell is healthy (nothing to read).
    const quiescent = regions !== undefined && !inBox(regions.cells, site, regions.width);
    if (type === INNATE.macrophage) {
      const v = regions === undefined || inBox(regions.virions, site, regions.width) ? virions[site] : 0;
      const kept = v * r.virionsLeft;
      if (v !== 0) virions[site] = kept;
      pool.load[k] = pool.load[k] * r.loadKept + (v - kept);
      const cell = quiescent ? CELL.healthy : cells[site];
      if ((cell === CELL.apoptotic || (cell === CELL.dead && debris[site])) && rng.uniform() < r.engulf) {
        if (cell === CELL.apoptotic) {
          cells[site] = CELL.dead;
          timers[site] = 0;
          out.engulfedDeaths++;
        }
        debris[site] = 0;
        pool.load[k] += r.cellLoad;
      }
      pool.state[k] = pool.load[k] >= r.activation ? 1 : 0;
      if (pool.state[k] === 1) {
        cytokine[site] += r.cytokine;
        if (regions) {
          includeSite(regions.cytokine, site, regions.width);
          if (regions.cytokineAbove) includeSite(regions.cytokineAbove, site, regions.width);
          if (regions.cytokineWritten) includeSite(regions.cytokineWritten, site, regions.width);
        }
      }
    } else if (type === INNATE.neutrophil) {
      ros[site] += r.rosLevel;
    } else {
      const cell = quiescent ? CELL.healthy : cells[site];
      if (cell === CELL.incubating || cell === CELL.expressing) nkAttack(site, w, r, rng, out);
    }
    k++;
  }
}

/**
 * Clears the ROS field where it can be: ROS is only where neutrophils stood after the last step, and they are all
 * still in the pool, so clearing those sites is the same as clearing the whole field, at the cost of the pool.
 */
export function clearNeutrophilRos(pool: InnatePool, ros: Float32Array): void {
  for (let j = 0; j < pool.count; j++) if (pool.type[j] === INNATE.neutrophil) ros[pool.site[j]] = 0;
}

/**
 * An NK cell at `site`, where an infected (incubating or expressing) cell is, may induce it to apoptosis: with
 * probability 1 − e^(−hazard), the hazard `nkKill` less the share IFN at the site takes away (one draw), the cell
 * becomes apoptotic with a Poisson apoptosis period.
 */
export function nkAttack(site: number, w: InnateWorld, r: InnateRules, rng: Rng, out: InnateOutcome): void {
  const signal = w.ifn[site];
  const hazard = r.nkKill * (1 - (r.nkIfnProtection * signal) / (signal + r.ifnHalf));
  if (rng.uniform() < -portableMath.expm1(-hazard)) {
    w.cells[site] = CELL.apoptotic;
    w.timers[site] = rng.poisson(r.apoptosisPeriod);
    out.nkKills++;
  }
}
