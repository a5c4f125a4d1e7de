import { portableMath } from '@immunotwin/engine';
import type { Rng } from '@immunotwin/engine';
import { affinity, type ReceptorSpace } from '../receptors.js';
import { CloneTable } from './cloneTable.js';

/** T-cell states in a clone row. */
export const T_STATE = { naive: 0, cycling: 1, effector: 2, memory: 3 } as const;
/** B-cell states in a clone row. */
export const B_STATE = {
  naive: 0,
  activated: 1,
  switched: 2,
  germinalCentre: 3,
  plasmaIgM: 4,
  plasmaIgG: 5,
  longLived: 6,
  memory: 7,
} as const;

/** Rates (per day) of the lymph-node dynamics, read from the parameters. */
export interface LymphNodeRates {
  readonly tActivation: number;
  readonly memoryActivation: number;
  readonly cd8Division: number;
  readonly cd4Division: number;
  readonly tDifferentiation: number;
  readonly tDifferentiationOff: number;
  readonly effectorDeath: number;
  readonly memoryFormation: number;
  readonly memoryDeath: number;
  readonly helpHalf: number;
  readonly tCompetition: number;
  readonly helpBoost: number;
  readonly presentationHalf: number;
  readonly dcLymphNodeDeath: number;
  readonly bActivation: number;
  readonly antigenHalf: number;
  readonly nodeAntigenDecay: number;
  readonly bDivision: number;
  readonly memoryBThreshold: number;
  readonly plasmaDifferentiation: number;
  readonly gcEntry: number;
  readonly gcDivision: number;
  readonly gcCapacity: number;
  readonly mutationRate: number;
  readonly gcDeath: number;
  readonly gcOutput: number;
  readonly gcCollapse: number;
  readonly gcMemoryOutput: number;
  readonly plasmaDeath: number;
  readonly longLivedFraction: number;
  readonly igSecretion: number;
  readonly igmDecay: number;
  readonly iggDecay: number;
}

/** Modifiers that interventions put on the node while they act. */
export interface LymphNodeModifiers {
  /** Multiplies every division rate (immunosuppression: 1 − efficacy). */
  proliferation: number;
  /** Extra death rate (1/day) of CD8, CD4 and B cells while a depletion acts. */
  readonly depletion: { cd8: number; cd4: number; b: number };
}

/** Epitopes the three lineages recognise (bit strings). */
export interface Epitopes {
  /** Class-I peptide (CD8). */
  readonly classI: number;
  /** Class-II peptide (CD4). */
  readonly classII: number;
  /** B-cell epitope on the virion surface. */
  readonly bCell: number;
}

const prob = (h: number): number => (h <= 0 ? 0 : -portableMath.expm1(-h));
const decayed = (x: number, source: number, k: number, dt: number): number =>
  x * portableMath.exp(-k * dt) + (k > 0 ? (source * -portableMath.expm1(-k * dt)) / k : source * dt);

/**
 * The draining lymph node, well mixed: mature DCs arriving from the tissue present antigen; clone-level
 * populations of CD8, CD4 and B cells are activated with affinity-dependent probability, expand, differentiate,
 * contract and leave memory; B cells become IgM plasma cells or, with CD4 help, enter germinal centres where
 * they hypermutate (one bit per mutation) and are selected by affinity, leaving as IgG plasma and memory cells.
 * Every transition is a binomial draw on counts from the engine RNG.
 */
export class LymphNode {
  /** CD8 T-cell clones (states {@link T_STATE}). */
  readonly cd8 = new CloneTable(4);
  /** CD4 T-cell clones (states {@link T_STATE}). */
  readonly cd4 = new CloneTable(4);
  /** B-cell clones (states {@link B_STATE}). */
  readonly b = new CloneTable(8);
  /**
   * Scalars: [0] mature DCs (patch units), [1] antigen drained from the tissue (a.u.), [2] adjuvant strength
   * of the vaccine depot (0–1), [3] IgM, [4] IgM·affinity, [5] IgG, [6] IgG·affinity, [7] infused mAb,
   * [8] mAb·affinity, [9] mAb decay rate, [10] vaccine antigen in the depot (a.u.).
   */
  readonly scalars = new Float64Array(11);
  private readonly pending: number[] = [];

  constructor(
    private readonly rates: LymphNodeRates,
    private readonly space: ReceptorSpace,
    private readonly epitopes: Epitopes,
    private readonly rng: Rng,
  ) {}

  /** T-cell presentation signal in [0, 1]: mature DCs, plus adjuvanted vaccine antigen. */
  presentation(): number {
    const dc = this.scalars[0];
    const adjuvant = this.scalars[2];
    const vaccine = this.scalars[10];
    const k = this.rates.presentationHalf;
    const fromDc = (dc * dc) / (dc * dc + k * k);
    const fromVaccine = (adjuvant * vaccine) / (vaccine + this.rates.antigenHalf);
    return 1 - (1 - fromDc) * (1 - fromVaccine);
  }

  /** B-cell antigen signal in [0, 1]. */
  antigenSignal(): number {
    const a = this.scalars[1] + this.scalars[10];
    return a / (a + this.rates.antigenHalf);
  }

  /** CD4 help in [0, 1]. */
  help(): number {
    const responding = this.cd4.total(T_STATE.cycling) + this.cd4.total(T_STATE.effector);
    return responding / (responding + this.rates.helpHalf);
  }

  /** Affinity-weighted antibody (IgM + IgG + mAb) that neutralises virus. */
  neutralising(): number {
    return this.scalars[4] + this.scalars[6] + this.scalars[8];
  }

  /** Seeds `n` (Poisson-distributed) naive precursors of a lineage with receptors that bind its epitope. */
  seed(table: CloneTable, mean: number, epitope: number, draw: () => number): void {
    const n = mean > 0 ? this.rng.poisson(mean) : 0;
    for (let k = 0; k < n; k++) {
      const receptor = draw();
      const c = table.cloneOf(receptor, affinity(this.space, receptor, epitope));
      table.counts[c * table.states] += 1;
      table.precursors[c] += 1;
    }
  }

  /** Advances the node by `dt` days; `drained` is antigen + virus per day arriving from the tissue. */
  step(dt: number, drained: number, m: LymphNodeModifiers): void {
    const r = this.rates;
    const sc = this.scalars;
    sc[0] *= portableMath.exp(-r.dcLymphNodeDeath * dt);
    sc[1] = decayed(sc[1], drained, r.nodeAntigenDecay, dt);
    sc[10] *= portableMath.exp(-r.nodeAntigenDecay * dt);
    const S = this.presentation();
    const SB = this.antigenSignal();
    const H = this.help();
    this.stepT(this.cd8, dt, S, r.cd8Division * m.proliferation, 1 + r.helpBoost * H, m.depletion.cd8);
    this.stepT(this.cd4, dt, S, r.cd4Division * m.proliferation, 1, m.depletion.cd4);
    this.stepB(dt, SB, H, m.proliferation, m.depletion.b);
  }

  private bin(n: number, p: number): number {
    if (n <= 0 || p <= 0) return 0;
    if (p >= 1) return n;
    return this.rng.binomial(n, p);
  }

  private stepT(
    t: CloneTable,
    dt: number,
    presented: number,
    division: number,
    boost: number,
    depletion: number,
  ): void {
    const r = this.rates;
    // Stimulation per cell falls as responding cells compete for the same presenting DCs.
    const responding = t.total(T_STATE.cycling) + t.total(T_STATE.effector);
    const S = presented / (1 + responding / r.tCompetition);
    const pDivide = prob(division * dt);
    const pDiff = prob((r.tDifferentiation + r.tDifferentiationOff * (1 - S)) * dt);
    const outRate = r.effectorDeath + r.memoryFormation;
    const pOut = prob(outRate * dt);
    const memShare = outRate > 0 ? r.memoryFormation / outRate : 0;
    const pMemDie = prob(r.memoryDeath * dt);
    const pDeplete = prob(depletion * dt);
    const cn = t.counts;
    for (let c = 0; c < t.size; c++) {
      const b = c * 4;
      const a = t.affinity[c];
      let N = cn[b];
      let C = cn[b + 1];
      let E = cn[b + 2];
      let M = cn[b + 3];
      if (N + C + E + M === 0) continue;
      const act = this.bin(N, prob(r.tActivation * a * S * boost * dt));
      const react = this.bin(M, prob(r.memoryActivation * a * S * dt));
      const births = this.bin(C, pDivide);
      const diff = this.bin(C, pDiff);
      const out = this.bin(E, pOut);
      const toMem = this.bin(out, memShare);
      const memDie = this.bin(M - react, pMemDie);
      N -= act;
      C += act + react + births - diff;
      E += diff - out;
      M += toMem - react - memDie;
      if (pDeplete > 0) {
        N -= this.bin(N, pDeplete);
        C -= this.bin(C, pDeplete);
        E -= this.bin(E, pDeplete);
        M -= this.bin(M, pDeplete);
      }
      cn[b] = N;
      cn[b + 1] = C;
      cn[b + 2] = E;
      cn[b + 3] = M;
    }
  }

  private stepB(dt: number, SB: number, H: number, proliferation: number, depletion: number): void {
    const r = this.rates;
    const t = this.b;
    let cn = t.counts;
    const activated = t.total(B_STATE.activated) + t.total(B_STATE.switched);
    const pDivide = prob((r.bDivision * proliferation * SB * dt) / (1 + activated / r.tCompetition));
    const room = Math.max(0, 1 - t.total(B_STATE.germinalCentre) / r.gcCapacity);
    const pGcDivide = prob(r.gcDivision * proliferation * SB * room * dt);
    const leaveRate = r.plasmaDifferentiation + r.gcEntry * H * room;
    const pLeave = prob(leaveRate * dt);
    const gcShare = leaveRate > 0 ? (r.gcEntry * H * room) / leaveRate : 0;
    const pPlasmaDie = prob(r.plasmaDeath * dt);
    const plasmaOut = r.plasmaDeath + r.longLivedFraction;
    const pPlasmaOut = prob(plasmaOut * dt);
    const llShare = plasmaOut > 0 ? r.longLivedFraction / plasmaOut : 0;
    const pMemDie = prob(r.memoryDeath * dt);
    const pMemOut = prob(r.gcMemoryOutput * dt);
    const collapse = r.gcCollapse * (1 - H);
    const pDeplete = prob(depletion * dt);
    const memorySignal = Math.max(0, SB - r.memoryBThreshold) / (1 - r.memoryBThreshold);
    let igm = 0;
    let igmW = 0;
    let igg = 0;
    let iggW = 0;
    const size = t.size;
    for (let c = 0; c < size; c++) {
      const o = c * 8;
      let total = 0;
      for (let s = 0; s < 8; s++) total += cn[o + s];
      if (total === 0) continue;
      const a = t.affinity[c];
      let [N, A, W, G, PM, PG, LL, MB] = [
        cn[o],
        cn[o + 1],
        cn[o + 2],
        cn[o + 3],
        cn[o + 4],
        cn[o + 5],
        cn[o + 6],
        cn[o + 7],
      ];
      const act = this.bin(N, prob(r.bActivation * a * SB * dt));
      const react = this.bin(MB, prob(r.memoryActivation * a * memorySignal * dt));
      const birthsA = this.bin(A, pDivide);
      const outA = this.bin(A, pLeave);
      const gcA = this.bin(outA, gcShare);
      const birthsW = this.bin(W, pDivide);
      const outW = this.bin(W, pLeave);
      const gcW = this.bin(outW, gcShare);
      const gcBirths = this.bin(G, pGcDivide);
      const mutants = this.bin(gcBirths, r.mutationRate);
      const gcDie = this.bin(G, prob((r.gcDeath * (1 - a) + collapse) * dt));
      const gcPlasma = this.bin(G - gcDie, prob(r.gcOutput * a * dt));
      const gcMemory = this.bin(G - gcDie - gcPlasma, pMemOut);
      const pmDie = this.bin(PM, pPlasmaDie);
      const pgOut = this.bin(PG, pPlasmaOut);
      const toLL = this.bin(pgOut, llShare);
      const llDie = this.bin(LL, pMemDie);
      const mbDie = this.bin(MB - react, pMemDie);
      N -= act;
      A += act + birthsA - outA;
      W += react + birthsW - outW;
      G += gcA + gcW + gcBirths - mutants - gcDie - gcPlasma - gcMemory;
      PM += outA - gcA - pmDie;
      PG += outW - gcW + gcPlasma - pgOut;
      LL += toLL - llDie;
      MB += gcMemory - react - mbDie;
      if (mutants > 0) {
        this.scatterMutants(c, mutants);
        cn = t.counts; // new clones may have grown the table
      }
      const next = [N, A, W, G, PM, PG, LL, MB];
      for (let s = 0; s < 8; s++) {
        let x = next[s];
        if (pDeplete > 0) x -= this.bin(x, pDeplete);
        cn[o + s] = x;
      }
      igm += cn[o + 4];
      igmW += cn[o + 4] * a;
      igg += cn[o + 5] + cn[o + 6];
      iggW += (cn[o + 5] + cn[o + 6]) * a;
    }
    for (let k = 0; k < this.pending.length; k += 2)
      t.counts[this.pending[k] * 8 + B_STATE.germinalCentre] += this.pending[k + 1];
    this.pending.length = 0;
    const sc = this.scalars;
    const s = r.igSecretion;
    sc[3] = decayed(sc[3], s * igm, r.igmDecay, dt);
    sc[4] = decayed(sc[4], s * igmW, r.igmDecay, dt);
    sc[5] = decayed(sc[5], s * igg, r.iggDecay, dt);
    sc[6] = decayed(sc[6], s * iggW, r.iggDecay, dt);
    sc[7] *= portableMath.exp(-sc[9] * dt);
    sc[8] *= portableMath.exp(-sc[9] * dt);
  }

  /** Spreads `mutants` GC daughters of clone `c` over its one-bit neighbours (a multinomial over the bits). */
  private scatterMutants(c: number, mutants: number): void {
    const bits = this.space.bits;
    const receptor = this.b.receptor[c];
    let left = mutants;
    for (let bit = 0; bit < bits && left > 0; bit++) {
      const k = bit === bits - 1 ? left : this.bin(left, 1 / (bits - bit));
      if (k === 0) continue;
      left -= k;
      const mutant = receptor ^ (1 << bit);
      const target = this.b.cloneOf(mutant, affinity(this.space, mutant, this.epitopes.bCell));
      this.pending.push(target, k);
    }
  }

  /** A structured-cloneable copy of the node. */
  snapshot(): Record<string, unknown> {
    return { cd8: this.cd8.snapshot(), cd4: this.cd4.snapshot(), b: this.b.snapshot(), scalars: this.scalars.slice() };
  }

  /** Restores a copy taken with `snapshot()`. */
  restore(s: Record<string, unknown>): void {
    this.cd8.restore(s.cd8 as Record<string, unknown>);
    this.cd4.restore(s.cd4 as Record<string, unknown>);
    this.b.restore(s.b as Record<string, unknown>);
    this.scalars.set(s.scalars as Float64Array);
  }
}
