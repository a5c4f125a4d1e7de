import { includeSite, mooreNeighbourAt, portableMath, type Rng, type SiteBox } from '@immunotwin/engine';
import { CELL, CELL_TYPE } from './cells.js';

/** The epithelium's arrays, one entry per site. */
export interface Epithelium {
  /** Cell state codes ({@link CELL}). */
  readonly cells: Uint8Array;
  /** Cell type codes ({@link CELL_TYPE}); fixed per site. */
  readonly types: Uint8Array;
  /** Minutes left in the current incubating, expressing or apoptotic period. */
  readonly timers: Float32Array;
  /** 1 where a cell has died and its debris has not been cleared (by a macrophage or by regeneration). */
  readonly debris: Uint8Array;
  /** Sites per row of the (closed, row-major) section. */
  readonly width: number;
  /** Rows of the section. */
  readonly height: number;
}

/** The fields the epithelium reads and writes (one value per site). */
export interface EpitheliumFields {
  /** Free virions. */
  readonly virions: Float32Array;
  /** Type-I interferon. */
  readonly ifn: Float32Array;
  /** Chemokine (1 = saturating). */
  readonly chemokine: Float32Array;
  /** Pro-inflammatory cytokine. */
  readonly cytokine: Float32Array;
  /** Reactive oxygen species (quasi-steady, from neutrophils). */
  readonly ros: Float32Array;
}

/** What one epithelium step did. */
export interface EpitheliumOutcome {
  /** Cells that died (at the end of their expressing or apoptotic period, or by ROS). */
  deaths: number;
  /** Of those, live cells killed by ROS (bystander damage). */
  rosDeaths: number;
}

/**
 * Where an epithelium step looks (the active-region method): only the sites in `visit`, which must hold every
 * site where something can happen (a cell that is not healthy, or virions, IFN or ROS); the others draw nothing
 * and change nothing, so the visit gives the bits of a step over every site. `changed` grows over every site
 * whose cell leaves the healthy state.
 */
export interface EpitheliumRegion {
  /** Sites per row of the section. */
  readonly width: number;
  /** The sites to visit (inclusive box `[x0, y0, x1, y1]`). */
  readonly visit: Readonly<SiteBox>;
  /** Grown over the sites whose cell left the healthy state. */
  readonly changed: SiteBox;
}

/** What one step of the epithelium needs, precomputed for one step length h (minutes). */
export interface EpitheliumRates {
  /** Step length in minutes. */
  readonly minutes: number;
  /** infectivity·h: infection hazard per virion at the site over the step. */
  readonly infectionHazard: number;
  /** 1 − antiviralProtection: the share of the hazard an antiviral cell keeps. */
  readonly antiviralHazardShare: number;
  /** Probability per step of entering the antiviral state at saturating IFN. */
  readonly antiviralEntry: number;
  /** Probability per step of leaving the antiviral state without IFN. */
  readonly antiviralExit: number;
  /** IFN per site giving half the maximal entry (and halving the exit). */
  readonly ifnHalf: number;
  /** `regeneration[n]`: probability per step that a dead site with n live type II neighbours is refilled. */
  readonly regeneration: Float64Array;
  /** Mean incubation period, minutes. */
  readonly incubationPeriod: number;
  /** Mean expressing period, minutes. */
  readonly expressingPeriod: number;
  /** Virions added per expressing or apoptotic cell per step. */
  readonly virions: number;
  /** Chemokine added per expressing or apoptotic cell per step (the site is capped at 1). */
  readonly chemokine: number;
  /** IFN added per infected cell per step. */
  readonly ifn: number;
  /** Cytokine added per expressing cell per step. */
  readonly cytokine: number;
  /** ROS per site at and above which a live cell may be killed. */
  readonly rosThreshold: number;
  /** Killing hazard per step at saturating ROS (rosKillRate·h). */
  readonly rosKill: number;
  /** ROS per site giving half the maximal killing hazard. */
  readonly rosHalf: number;
}

/** Probability of at least one event of a Poisson process with mean `hazard`. */
function probability(hazard: number): number {
  return -portableMath.expm1(-hazard);
}

/**
 * A number no draw u below which can leave a healthy or antiviral cell unchanged: for an infection hazard h > 0
 * and a switch probability s computed from IFN ≥ 0 at most `switchMost` (the entry or exit probability), the
 * computed 1 − e^(−h) is at most h·(1 + 2^−51) (the exact value is below h, stdlib's expm1 within 1 ulp) and the
 * computed s at most switchMost·(1 + 2^−51) (three roundings of a value below switchMost), so the computed
 * p + (1 − p)·s is at most (h + switchMost)·(1 + 2^−50); the bound, (h + switchMost)·(1 + 10^−14) after its own
 * two roundings, is above both. A draw at or above it infects nothing and switches nothing, exactly as the full
 * test finds.
 */
export function rejectionBound(hazard: number, switchMost: number): number {
  return (hazard + switchMost) * REJECTION_MARGIN;
}

/**
 * Probability over a step that a healthy cell enters the antiviral state (IFN `signal` at its site) or that an
 * antiviral cell leaves it.
 */
function switchProbability(healthy: boolean, signal: number, r: EpitheliumRates): number {
  if (healthy) return signal > 0 ? (r.antiviralEntry * signal) / (signal + r.ifnHalf) : 0;
  return (r.antiviralExit * r.ifnHalf) / (signal + r.ifnHalf);
}

/** 1 + 10^−14: the rejection bound's relative margin over its terms' largest rounding (2^−50 ≈ 8.9·10^−16). */
const REJECTION_MARGIN = 1 + 1e-14;

/** The per-step rates of the epithelium for a step of `minutes` (rates in the parameters' units). */
export function epitheliumRates(
  p: {
    readonly infectivity: number;
    readonly antiviralProtection: number;
    readonly antiviralInduction: number;
    readonly antiviralLoss: number;
    readonly ifnHalf: number;
    readonly regenerationRate: number;
    readonly incubationPeriod: number;
    readonly expressingPeriod: number;
    readonly virionProduction: number;
    readonly chemokineProduction: number;
    readonly ifnSecretion: number;
    readonly cytokineSecretion: number;
    readonly rosThreshold: number;
    readonly rosKillRate: number;
    readonly rosHalf: number;
  },
  minutes: number,
): EpitheliumRates {
  const regenerationPerMinute = p.regenerationRate / 1440;
  return {
    minutes,
    infectionHazard: p.infectivity * minutes,
    antiviralHazardShare: 1 - p.antiviralProtection,
    antiviralEntry: probability(p.antiviralInduction * minutes),
    antiviralExit: probability(p.antiviralLoss * minutes),
    ifnHalf: p.ifnHalf,
    regeneration: Float64Array.from({ length: 9 }, (_, n) => probability(regenerationPerMinute * n * minutes)),
    incubationPeriod: p.incubationPeriod,
    expressingPeriod: p.expressingPeriod,
    virions: p.virionProduction * minutes,
    chemokine: p.chemokineProduction * minutes,
    ifn: p.ifnSecretion * minutes,
    cytokine: p.cytokineSecretion * minutes,
    rosThreshold: p.rosThreshold,
    rosKill: p.rosKillRate * minutes,
    rosHalf: p.rosHalf,
  };
}

/**
 * The rows a step visits, as [row length, x0, y0, x1, y1]: the region's box in rows of the section's width, or,
 * without a region, the whole section (`sites` sites) as one row.
 */
export function visitedRows(sites: number, region?: EpitheliumRegion): [number, number, number, number, number] {
  if (!region) return [sites, 0, 0, sites - 1, 0];
  const [x0, y0, x1, y1] = region.visit;
  return [region.width, x0, y0, x1, y1];
}

/**
 * Advances every site by one step, in site order: infection of healthy and antiviral cells by the virions at
 * their site, entry into and exit from the antiviral state under IFN, the countdown of incubating, expressing and
 * apoptotic periods (a new period drawn from a Poisson distribution at each transition), regeneration of dead
 * sites by live type II neighbours, and release of virions, chemokine, IFN and cytokine into the fields. Before
 * that, a live (not apoptotic) cell where ROS is at least the threshold dies with probability
 * 1 − e^(−rosKill·R/(R + rosHalf)) (R: ROS at its site; one draw). Sites where nothing can happen draw nothing.
 * Every death leaves debris. Adds the deaths to `out`. With a `region`, only its sites are visited (same bits).
 */
export function stepEpithelium(
  e: Epithelium,
  f: EpitheliumFields,
  r: EpitheliumRates,
  rng: Rng,
  out: EpitheliumOutcome,
  region?: EpitheliumRegion,
): void {
  const { cells, types, timers, debris } = e;
  const { virions, ifn, chemokine, cytokine, ros } = f;
  const h = r.minutes;
  let deaths = 0;
  let rosDeaths = 0;
  // The whole section as one row unless a region is given; rows of the region's box in site order otherwise.
  const [width, x0, y0, x1, y1] = visitedRows(cells.length, region);
  const changed = region?.changed;
  for (let row = y0; row <= y1; row++) {
    const end = row * width + x1;
    for (let i = row * width + x0; i <= end; i++) {
      const state = cells[i];
      const oxidants = ros[i];
      if (oxidants > 0 && oxidants >= r.rosThreshold && state !== CELL.dead && state !== CELL.apoptotic) {
        if (rng.uniform() < probability((r.rosKill * oxidants) / (oxidants + r.rosHalf))) {
          cells[i] = CELL.dead;
          timers[i] = 0;
          debris[i] = 1;
          deaths++;
          rosDeaths++;
          if (changed) includeSite(changed, i, width);
          continue;
        }
      }
      if (state === CELL.healthy || state === CELL.antiviral) {
        const healthy = state === CELL.healthy;
        const hazard = r.infectionHazard * virions[i] * (healthy ? 1 : r.antiviralHazardShare);
        const signal = ifn[i];
        // Where a draw at or above the rejection bound settles the outcome (nothing happens), that draw is taken
        // before the probabilities' arithmetic, which it then skips: the same draws and outcomes as the full test.
        const bounded = hazard > 0 && signal >= 0;
        let switching = 0;
        if (!bounded) {
          switching = switchProbability(healthy, signal, r);
          if (hazard <= 0 && switching <= 0) continue;
        }
        const u = rng.uniform();
        if (bounded) {
          if (u >= rejectionBound(hazard, healthy ? r.antiviralEntry : r.antiviralExit)) continue;
          switching = switchProbability(healthy, signal, r);
        }
        // 1 − e^(−0) is 0 (±0: the tests below give the same for either).
        const pInfection = hazard === 0 ? 0 : probability(hazard);
        if (u < pInfection) {
          cells[i] = CELL.incubating;
          timers[i] = rng.poisson(r.incubationPeriod);
          if (changed) includeSite(changed, i, width);
        } else if (u < pInfection + (1 - pInfection) * switching) {
          cells[i] = healthy ? CELL.antiviral : CELL.healthy;
          if (changed) includeSite(changed, i, width);
        }
      } else if (state === CELL.incubating) {
        ifn[i] += r.ifn;
        timers[i] -= h;
        if (timers[i] <= 0) {
          cells[i] = CELL.expressing;
          timers[i] = rng.poisson(r.expressingPeriod);
        }
      } else if (state === CELL.expressing || state === CELL.apoptotic) {
        virions[i] += r.virions;
        chemokine[i] = Math.min(1, chemokine[i] + r.chemokine);
        ifn[i] += r.ifn;
        if (state === CELL.expressing) cytokine[i] += r.cytokine;
        timers[i] -= h;
        if (timers[i] <= 0) {
          cells[i] = CELL.dead;
          timers[i] = 0;
          debris[i] = 1;
          deaths++;
        }
      } else if (state === CELL.dead) {
        let progenitors = 0;
        const y = (i / e.width) | 0;
        const x = i - y * e.width;
        for (let k = 0; k < 8; k++) {
          const j = mooreNeighbourAt(x, y, k, e.width, e.height);
          if (j >= 0 && types[j] === CELL_TYPE.typeII && (cells[j] === CELL.healthy || cells[j] === CELL.antiviral)) {
            progenitors++;
          }
        }
        const p = r.regeneration[progenitors];
        if (p > 0 && rng.uniform() < p) {
          cells[i] = CELL.healthy;
          debris[i] = 0;
        }
      }
    }
  }
  out.deaths += deaths;
  out.rosDeaths += rosDeaths;
}
