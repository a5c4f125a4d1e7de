import {
  allocateIn,
  type InterventionEvent,
  type InterventionKind,
  KernelMemory,
  Lattice2D,
  observableIndex,
  type ParameterId,
  portableMath,
  type Rng,
  type SteppedModelContext,
  type SteppedModelCore,
  type TissueView,
  typedParameters,
  viewedFieldIds,
} from '@immunotwin/engine';
import {
  AGENT,
  AGENT_TYPES,
  AGENT_TYPE_NAMES,
  AgentPool,
  stepAgents,
  type AgentStep,
  type AgentStepOutcome,
  type AgentWorld,
} from './tissue/agents.js';
import { AgentKernel } from './tissue/agentKernel.js';
import { CELL, CELL_STATE_NAMES, countCells, stepEpithelium, type EpitheliumStep } from './tissue/epithelium.js';
import { FIELD_IDS, FIELD_UNITS, sourcePerStep, TissueFields, type FieldId } from './tissue/fields.js';
import { B_STATE, LymphNode, T_STATE, type Epitopes, type LymphNodeModifiers } from './lymphNode/lymphNode.js';
import { drawBindingReceptor, type ReceptorSpace } from './receptors.js';
import { TransitQueue } from './transitQueue.js';
import { immuneManifest } from './manifest/manifest.js';
import { applyImmuneIntervention } from './interventionHandlers.js';

/** Minutes per day. */
const MINUTES_PER_DAY = 1440;
/** Experienced cells that make a clone count as expanded. */
export const EXPANDED_CLONE_SIZE = 100;

/** Fixed epitope bit patterns (masked to the receptor length). */
const EPITOPE_BITS = { classI: 0x5a3c9, classII: 0x2c6b5, bCell: 0x71d2e };

/** An intervention kind of the immune twin. */
export type ImmuneInterventionKind = InterventionKind<typeof immuneManifest>;

/** Lasting interventions in force, by kind and scenario index. */
type Active = Map<number, { kind: ImmuneInterventionKind; values: Readonly<Record<string, number>> }>;

/** The lymphocyte lineages a depletion can target. */
export type Lineage = 'cd4' | 'cd8' | 'b';

/** Each observable's position in the sample row, resolved once. */
const OBSERVABLE = observableIndex(immuneManifest);

/**
 * The immune system twin as a stepped model: an epithelial lattice with diffusing fields and agent-based
 * innate and effector cells (the tissue), linked by migration queues with transit delays to a well-mixed
 * lymph node with clone-level T- and B-cell populations and antibodies.
 */
export class ImmuneModel implements SteppedModelCore {
  /** Internal step in days. */
  readonly dt: number;
  private readonly p: Readonly<Record<ParameterId<typeof immuneManifest>, number>>;
  private readonly rng: Rng;
  private readonly lattice: Lattice2D;
  private readonly cells: Uint8Array;
  private readonly fields: TissueFields;
  private readonly agents: AgentPool;
  private readonly node: LymphNode;
  private readonly dcQueue = new TransitQueue();
  private readonly ctlQueue = new TransitQueue();
  private readonly space: ReceptorSpace;
  private readonly epitopes: Epitopes;
  private readonly spatial: boolean;
  private readonly innate: boolean;
  private readonly adaptive: boolean;
  /** [0] time, [1] cumulative epithelial deaths, [2] NK kills, [3] CTL kills. */
  private readonly clock = new Float64Array(4);
  private active: Active = new Map();
  private readonly modifiers: LymphNodeModifiers = { proliferation: 1, depletion: { cd8: 0, cd4: 0, b: 0 } };
  private production = 1;
  private ifnFactor = 1;
  private cytokineFactor = 1;
  private cachedH = NaN;
  private cachedVirusDecay = NaN;
  /** Antigen per day arriving from a coupled organ (the input antigenIn); 0 when the model runs alone. */
  private antigenIn = 0;
  private epi!: EpitheliumStep;
  private agentStep!: AgentStep;
  private readonly outcome: AgentStepOutcome = { nkKills: 0, ctlKills: 0, dcDepartures: 0 };
  private readonly cellCounts = new Float64Array(5);
  private readonly world: AgentWorld;

  /** A model from any stepped-model context (the one `defineModel` passes, or a plain one in tests). */
  constructor(context: SteppedModelContext) {
    const p = typedParameters(immuneManifest, context.parameters);
    this.p = p;
    this.rng = context.rng;
    this.dt = p.stepMinutes / MINUTES_PER_DAY;
    this.spatial = p.spatial === 1;
    this.innate = p.innate === 1;
    this.adaptive = p.adaptive === 1;
    const side = p.latticeSize;
    this.lattice = new Lattice2D(side, side);
    // One WebAssembly memory holds the fields, the epithelium and the agents, so that the agent kernel steps
    // them in place; without WebAssembly (memory null) they are plain arrays stepped in JavaScript, with the
    // same results. Agents beyond the capacity move the pool to plain arrays (see AgentPool).
    const sites = this.lattice.size;
    const capacity = 2 * sites + 1024;
    const memory = KernelMemory.create(
      TissueFields.bytes(side) +
        KernelMemory.bytes(sites, 1) +
        AgentKernel.bytes(this.lattice) +
        AgentPool.bytes(capacity),
    );
    this.cells = allocateIn(memory, Uint8Array, sites);
    this.agents = new AgentPool(memory ? capacity : 1024, memory);
    const toSites = (d: number): number => (d * MINUTES_PER_DAY) / (p.siteSize * p.siteSize);
    const diffusion: Record<FieldId, number> = {
      virus: toSites(p.virusDiffusion),
      antigen: toSites(p.antigenDiffusion),
      ifn: toSites(p.ifnDiffusion),
      cytokine: toSites(p.cytokineDiffusion),
      chemokine: toSites(p.chemokineDiffusion),
    };
    const decay: Record<FieldId, number> = {
      virus: p.virusClearance,
      antigen: p.antigenDecay,
      ifn: p.ifnDecay,
      cytokine: p.cytokineDecay,
      chemokine: p.chemokineDecay,
    };
    this.fields = new TissueFields(side, this.spatial, diffusion, decay, memory);
    this.world = {
      kernel: memory ? AgentKernel.create(memory, this.lattice) : null,
      cells: this.cells,
      neighbours: this.lattice.neighbours,
      neighbourOffsets: this.lattice.neighbourOffsets,
      edgeDistance: this.lattice.edgeDistance,
      ...this.fields.values,
    };
    const mask = (1 << p.receptorBits) - 1;
    this.space = { bits: p.receptorBits, maxMismatch: p.maxMismatch, affinityPerMismatch: p.affinityPerMismatch };
    this.epitopes = {
      classI: EPITOPE_BITS.classI & mask,
      classII: EPITOPE_BITS.classII & mask,
      bCell: EPITOPE_BITS.bCell & mask,
    };
    this.node = new LymphNode(
      {
        tActivation: p.tActivation,
        memoryActivation: p.memoryActivation,
        cd8Division: p.cd8Division,
        cd4Division: p.cd4Division,
        tDifferentiation: p.tDifferentiation,
        tDifferentiationOff: p.tDifferentiationOff,
        effectorDeath: p.effectorDeath,
        memoryFormation: p.memoryFormation,
        memoryDeath: p.memoryDeath,
        helpHalf: p.helpHalf,
        tCompetition: p.tCompetition,
        helpBoost: p.helpBoost,
        presentationHalf: p.presentationHalf,
        dcLymphNodeDeath: p.dcLymphNodeDeath,
        bActivation: p.bActivation,
        antigenHalf: p.antigenHalf,
        nodeAntigenDecay: p.nodeAntigenDecay,
        bDivision: p.bDivision,
        memoryBThreshold: p.memoryBThreshold,
        plasmaDifferentiation: p.plasmaDifferentiation,
        gcEntry: p.gcEntry,
        gcDivision: p.gcDivision,
        gcCapacity: p.gcCapacity,
        mutationRate: p.mutationRate,
        gcDeath: p.gcDeath,
        gcOutput: p.gcOutput,
        gcCollapse: p.gcCollapse,
        gcMemoryOutput: p.gcMemoryOutput,
        plasmaDeath: p.plasmaDeath,
        longLivedFraction: p.longLivedFraction,
        igSecretion: p.igSecretion,
        igmDecay: p.igmDecay,
        iggDecay: p.iggDecay,
      },
      this.space,
      this.epitopes,
      this.rng,
    );
    this.initialise();
  }

  private initialise(): void {
    const p = this.p;
    const n = this.lattice.size;
    if (this.innate) {
      for (let k = Math.round(p.macrophageDensity * n); k > 0; k--)
        this.agents.add(AGENT.macrophage, this.rng.integer(n));
      for (let k = Math.round(p.dcDensity * n); k > 0; k--) this.agents.add(AGENT.dc, this.rng.integer(n));
    }
    if (this.adaptive) {
      const { classI, classII, bCell } = this.epitopes;
      this.node.seed(this.node.cd8, p.cd8Precursors, classI, () => drawBindingReceptor(this.space, classI, this.rng));
      this.node.seed(this.node.cd4, p.cd4Precursors, classII, () => drawBindingReceptor(this.space, classII, this.rng));
      this.node.seed(this.node.b, p.bPrecursors, bCell, () => drawBindingReceptor(this.space, bCell, this.rng));
    }
    if (p.inoculum > 0) this.deposit(p.inoculum, 0.5, 0.5, 0);
  }

  /** Deposits `dose` infectious units, Poisson per site, over a disc (radius 0: the whole patch). */
  deposit(dose: number, fx: number, fy: number, radius: number): void {
    const lattice = this.lattice;
    const sites =
      radius > 0
        ? lattice.disc(fx * (lattice.width - 1), fy * (lattice.height - 1), radius)
        : Int32Array.from({ length: lattice.size }, (_, i) => i);
    const virus = this.fields.values.virus;
    const mean = dose / sites.length;
    for (let k = 0; k < sites.length; k++) virus[sites[k]] += this.rng.poisson(mean);
    if (!this.spatial) {
      let total = 0;
      for (let i = 0; i < virus.length; i++) total += virus[i];
      virus.fill(total / virus.length);
    }
  }

  /** Recomputes the per-step probabilities for step length h (only when h or the virus decay changes). */
  private prepare(h: number, virusDecay: number): void {
    if (h === this.cachedH && virusDecay === this.cachedVirusDecay) return;
    this.cachedH = h;
    this.cachedVirusDecay = virusDecay;
    const p = this.p;
    const pr = (rate: number): number => -portableMath.expm1(-rate * h);
    const innate = this.innate ? 1 : 0;
    this.epi = {
      infectionHazard: p.beta * h,
      protection: p.antiviralProtection,
      antiviral: innate * pr(p.antiviralRate),
      ifnHalf: p.ifnHalf,
      antiviralLoss: pr(p.antiviralLoss),
      eclipseExit: pr(p.eclipseRate),
      death: pr(p.infectedDeath),
      regeneration: pr(p.regeneration),
      virus: sourcePerStep(p.production * this.production, virusDecay, h),
      ifn: innate * sourcePerStep(p.ifnSecretion * this.ifnFactor, p.ifnDecay, h),
      chemokine: innate * sourcePerStep(p.chemokineSecretion, p.chemokineDecay, h),
      cytokine:
        innate * sourcePerStep(p.infectedCytokineShare * p.cytokineSecretion * this.cytokineFactor, p.cytokineDecay, h),
      antigen: p.antigenPerDeath,
    };
    const hops = (speed: number): number => (speed * h * MINUTES_PER_DAY) / p.siteSize;
    this.agentStep = {
      death: Float64Array.from([
        pr(p.macrophageTurnover),
        pr(p.neutrophilDeath),
        pr(p.nkDeath),
        pr(p.dcTurnover),
        pr(p.ctlDeath),
      ]),
      moves: Float64Array.from([
        hops(p.macrophageSpeed),
        hops(p.neutrophilSpeed),
        hops(p.nkSpeed),
        hops(p.macrophageSpeed),
        hops(p.ctlSpeed),
      ]),
      chemotaxis: Uint8Array.from([0, 1, 1, 0, 1]),
      virusLeft: portableMath.exp(-p.phagocytosis * h),
      activation: p.macrophageActivation,
      deactivation: pr(p.macrophageDeactivation),
      cytokine: sourcePerStep(p.cytokineSecretion * this.cytokineFactor, p.cytokineDecay, h),
      chemokine: sourcePerStep(p.chemokineSecretion, p.chemokineDecay, h),
      nkKill: pr(p.nkKill),
      ctlKill: pr(p.ctlKill),
      dcUptake: p.dcUptake * h,
      dcLoadKept: portableMath.exp(-p.dcLoadLoss * h),
      antigen: p.antigenPerDeath,
      spatial: this.spatial,
    };
  }

  step(h: number): void {
    const p = this.p;
    const t = this.clock[0] + h;
    const virusDecay = p.virusClearance + p.neutralisation * this.node.neutralising();
    this.fields.setDecay('virus', virusDecay);
    this.prepare(h, virusDecay);
    const f = this.fields.values;
    if (this.antigenIn > 0) {
      const perSite = (this.antigenIn * h) / f.antigen.length;
      for (let i = 0; i < f.antigen.length; i++) f.antigen[i] += perSite;
    }
    this.clock[1] += stepEpithelium(this.cells, this.lattice.neighbours, f, this.epi, this.rng);
    if (this.agents.count > 0) {
      if (this.spatial && Math.floor(t) !== Math.floor(this.clock[0])) this.agents.sortBySite(this.lattice.size);
      const o = this.outcome;
      const kills = o.nkKills + o.ctlKills;
      stepAgents(this.agents, this.world, this.agentStep, this.rng, o);
      this.clock[1] += o.nkKills + o.ctlKills - kills;
      this.clock[2] = o.nkKills;
      this.clock[3] = o.ctlKills;
    }
    if (this.outcome.dcDepartures > 0) {
      for (let k = 0; k < this.outcome.dcDepartures; k++) this.dcQueue.push(t + p.dcTransit, 0);
      this.outcome.dcDepartures = 0;
    }
    if (this.innate) this.recruit(h);
    if (this.adaptive) {
      while (this.dcQueue.ready(t)) {
        this.dcQueue.pop();
        this.node.scalars[0] += 1;
      }
      const drained = p.antigenDrain * (this.fields.total('antigen') + this.fields.total('virus'));
      this.node.step(h, drained, this.modifiers);
      this.exportEffectors(h, t);
      while (this.ctlQueue.ready(t)) {
        const clone = this.ctlQueue.pop();
        this.agents.add(AGENT.ctl, this.placeByChemokine(), clone);
      }
    } else {
      while (this.dcQueue.ready(t)) this.dcQueue.pop();
    }
    if (virusDecay > p.virusClearance) this.neutralisedToAntigen(h, virusDecay);
    this.fields.step(h);
    this.clock[0] = t;
  }

  /**
   * Virions neutralised by antibody over the step become antigen (immune complexes) at their site, so a
   * neutralised challenge still reaches the lymph node and boosts memory B cells.
   */
  private neutralisedToAntigen(h: number, virusDecay: number): void {
    const share = ((virusDecay - this.p.virusClearance) / virusDecay) * -portableMath.expm1(-virusDecay * h);
    const { virus, antigen } = this.fields.values;
    for (let i = 0; i < virus.length; i++) antigen[i] += share * virus[i];
  }

  /** A site among 4 random ones with the most chemokine (recruitment follows inflammation). */
  private placeByChemokine(): number {
    const n = this.lattice.size;
    const chem = this.fields.values.chemokine;
    let best = this.rng.integer(n);
    for (let k = 0; k < 3; k++) {
      const s = this.rng.integer(n);
      if (chem[s] > chem[best]) best = s;
    }
    return best;
  }

  private recruit(h: number): void {
    const p = this.p;
    const n = this.lattice.size;
    const cyt = this.fields.total('cytokine');
    const chem = this.fields.total('chemokine');
    const cytSignal = cyt / (cyt + p.recruitHalf);
    const chemSignal = chem / (chem + p.recruitHalf);
    const macBase = p.macrophageDensity * n;
    const dcBase = p.dcDensity * n;
    const influx = (type: number, rate: number, placeByChem: boolean): void => {
      const k = rate > 0 ? this.rng.poisson(rate * h) : 0;
      for (let j = 0; j < k; j++) this.agents.add(type, placeByChem ? this.placeByChemokine() : this.rng.integer(n));
    };
    influx(AGENT.macrophage, p.macrophageTurnover * macBase * (1 + p.inflammatoryRecruitment * cytSignal), true);
    influx(AGENT.dc, p.dcTurnover * dcBase * (1 + p.inflammatoryRecruitment * cytSignal), true);
    influx(AGENT.neutrophil, p.neutrophilInflux * cytSignal, true);
    influx(AGENT.nk, p.nkInflux * chemSignal, true);
  }

  /** Effector CD8 cells homing from the node to this patch: Poisson arrivals, each of a clone drawn by size. */
  private exportEffectors(h: number, t: number): void {
    const p = this.p;
    const cd8 = this.node.cd8;
    let responding = 0;
    for (let c = 0; c < cd8.size; c++)
      responding += cd8.counts[c * 4 + T_STATE.cycling] + cd8.counts[c * 4 + T_STATE.effector];
    if (responding <= 0) return;
    const chem = this.fields.total('chemokine');
    const room = Math.max(0, 1 - this.agents.byType[AGENT.ctl] / this.lattice.size);
    const rate = (((p.ctlHoming * responding * chem) / (chem + p.recruitHalf)) * room) / p.tissueScale;
    const k = this.rng.poisson(rate * h);
    for (let j = 0; j < k; j++) {
      let u = this.rng.uniform() * responding;
      let clone = 0;
      for (; clone < cd8.size - 1; clone++) {
        u -= cd8.counts[clone * 4 + T_STATE.cycling] + cd8.counts[clone * 4 + T_STATE.effector];
        if (u < 0) break;
      }
      this.ctlQueue.push(t + p.ctlTransit, clone);
    }
  }

  observe(out: Float64Array): void {
    const counts = this.cellCounts;
    countCells(this.cells, counts);
    const a = this.agents;
    let activatedMacrophages = 0;
    for (let i = 0; i < a.count; i++) if (a.type[i] === AGENT.macrophage && a.state[i] === 1) activatedMacrophages++;
    const { cd8, cd4, b, scalars } = this.node;
    let expanded = 0;
    let bClones = 0;
    for (const table of [cd8, cd4, b]) {
      for (let c = 0; c < table.size; c++) if (table.experienced(c) >= EXPANDED_CLONE_SIZE) expanded++;
    }
    for (let c = 0; c < b.size; c++) {
      let total = 0;
      for (let s = 0; s < 8; s++) total += b.counts[c * 8 + s];
      if (total > 0) bClones++;
    }
    const [, , , igm, igmW, igg, iggW, mab] = scalars;
    const o = OBSERVABLE;
    out[o.virus] = this.fields.total('virus');
    out[o.infected] = counts[CELL.eclipse] + counts[CELL.productive];
    out[o.eclipse] = counts[CELL.eclipse];
    out[o.productive] = counts[CELL.productive];
    out[o.dead] = counts[CELL.dead];
    out[o.healthy] = counts[CELL.healthy];
    out[o.antiviral] = counts[CELL.antiviral];
    out[o.damage] = this.clock[1];
    out[o.interferon] = this.fields.total('ifn');
    out[o.cytokine] = this.fields.total('cytokine');
    out[o.chemokine] = this.fields.total('chemokine');
    out[o.antigen] = this.fields.total('antigen');
    out[o.macrophages] = a.byType[AGENT.macrophage];
    out[o.activatedMacrophages] = activatedMacrophages;
    out[o.neutrophils] = a.byType[AGENT.neutrophil];
    out[o.nkCells] = a.byType[AGENT.nk];
    out[o.tissueDCs] = a.byType[AGENT.dc];
    out[o.nodeDCs] = scalars[0];
    out[o.tissueCTLs] = a.byType[AGENT.ctl];
    out[o.cd8Naive] = cd8.total(T_STATE.naive);
    out[o.cd8Cycling] = cd8.total(T_STATE.cycling);
    out[o.cd8Effector] = cd8.total(T_STATE.cycling) + cd8.total(T_STATE.effector);
    out[o.cd8Memory] = cd8.total(T_STATE.memory);
    out[o.cd4Naive] = cd4.total(T_STATE.naive);
    out[o.cd4Effector] = cd4.total(T_STATE.cycling) + cd4.total(T_STATE.effector);
    out[o.cd4Memory] = cd4.total(T_STATE.memory);
    out[o.bNaive] = b.total(B_STATE.naive);
    out[o.bActivated] = b.total(B_STATE.activated) + b.total(B_STATE.switched);
    out[o.gcB] = b.total(B_STATE.germinalCentre);
    out[o.plasmaIgM] = b.total(B_STATE.plasmaIgM);
    out[o.plasmaIgG] = b.total(B_STATE.plasmaIgG) + b.total(B_STATE.longLived);
    out[o.bMemory] = b.total(B_STATE.memory);
    out[o.memoryCells] = cd8.total(T_STATE.memory) + cd4.total(T_STATE.memory) + b.total(B_STATE.memory);
    out[o.IgM] = igm;
    out[o.IgG] = igg;
    out[o.mAb] = mab;
    out[o.antibodyAffinity] = igm + igg > 0 ? (igmW + iggW) / (igm + igg) : 0;
    out[o.iggAffinity] = igg > 0 ? iggW / igg : 0;
    out[o.expandedClones] = expanded;
    out[o.bClones] = bClones;
    out[o.virusNeutralisation] = this.p.neutralisation * this.node.neutralising();
  }

  /**
   * Applies an intervention through the handlers keyed by kind (interventionHandlers.ts), the same ones the
   * plugin's instances use; kept so that a model constructed directly (tests, benchmarks) takes interventions.
   */
  apply(event: InterventionEvent): void {
    applyImmuneIntervention(event, this);
  }

  /** Sets an input port in a coupled run: `antigenIn`, antigen per day from an organ, held until set again. */
  setInput(id: string, value: number): void {
    if (id !== 'antigenIn') throw new Error(`immune-system: no input "${id}"; inputs: antigenIn`);
    this.antigenIn = value;
  }

  /** Vaccination: antigen into the node depot; the adjuvant level is the strongest given so far. */
  vaccinate(dose: number, adjuvant: number): void {
    this.node.scalars[10] += dose;
    this.node.scalars[2] = Math.max(this.node.scalars[2], adjuvant);
  }

  /** A monoclonal antibody infusion: titre, affinity-weighted titre and decay rate from its half-life. */
  infuseAntibody(dose: number, affinity: number, halfLife: number): void {
    const s = this.node.scalars;
    s[7] += dose;
    s[8] += dose * affinity;
    s[9] = Math.LN2 / halfLife;
  }

  /** Removes `fraction` of a lineage in the node (binomial per clone and state) and, for CD8, in the tissue and in transit. */
  deplete(lineage: Lineage, fraction: number): void {
    const table = lineage === 'cd4' ? this.node.cd4 : lineage === 'cd8' ? this.node.cd8 : this.node.b;
    table.deplete(fraction, (n, q) => this.rng.binomial(n, q));
    if (lineage === 'cd8') {
      this.agents.cull(AGENT.ctl, fraction, this.rng);
      this.ctlQueue.filter(() => this.rng.uniform() >= fraction);
    }
  }

  /** A lasting intervention takes effect (its modifiers act until `endLasting` with the same index). */
  startLasting(event: InterventionEvent & { kind: ImmuneInterventionKind }): void {
    this.active.set(event.index, { kind: event.kind, values: { ...event.values } });
    this.updateModifiers();
  }

  /** A lasting intervention ends. */
  endLasting(event: InterventionEvent): void {
    this.active.delete(event.index);
    this.updateModifiers();
  }

  private updateModifiers(): void {
    let production = 1;
    let proliferation = 1;
    let ifn = 1;
    let cytokine = 1;
    const depletion = { cd8: 0, cd4: 0, b: 0 };
    for (const { kind, values } of this.active.values()) {
      if (kind === 'antiviral') production *= 1 - values.efficacy;
      else if (kind === 'immunosuppression') proliferation *= 1 - values.efficacy;
      else if (kind === 'cytokineBlockade') {
        ifn *= 1 - values.ifn;
        cytokine *= 1 - values.inflammatory;
      } else if (kind === 'depleteCD8') depletion.cd8 += values.rate;
      else if (kind === 'depleteCD4') depletion.cd4 += values.rate;
      else if (kind === 'depleteB') depletion.b += values.rate;
    }
    this.production = production;
    this.ifnFactor = ifn;
    this.cytokineFactor = cytokine;
    this.modifiers.proliferation = proliferation;
    Object.assign(this.modifiers.depletion, depletion);
    this.cachedH = NaN;
  }

  snapshot(): unknown {
    const f = this.fields.values;
    return {
      clock: this.clock.slice(),
      cells: this.cells.slice(),
      fields: Object.fromEntries(FIELD_IDS.map((id) => [id, f[id].slice()])),
      agents: this.agents.snapshot(),
      node: this.node.snapshot(),
      dcQueue: this.dcQueue.snapshot(),
      ctlQueue: this.ctlQueue.snapshot(),
      active: [...this.active.entries()].map(([index, a]) => ({ index, kind: a.kind, values: { ...a.values } })),
      antigenIn: this.antigenIn,
      rng: this.rng.getState(),
    };
  }

  restore(snapshot: unknown): void {
    const s = snapshot as {
      clock: Float64Array;
      cells: Uint8Array;
      fields: Record<FieldId, Float32Array>;
      agents: Record<string, unknown>;
      node: Record<string, unknown>;
      dcQueue: { times: Float64Array; payloads: Int32Array };
      ctlQueue: { times: Float64Array; payloads: Int32Array };
      active: { index: number; kind: ImmuneInterventionKind; values: Record<string, number> }[];
      antigenIn?: number;
      rng: Uint32Array;
    };
    this.clock.set(s.clock);
    this.outcome.nkKills = s.clock[2];
    this.outcome.ctlKills = s.clock[3];
    this.cells.set(s.cells);
    for (const id of FIELD_IDS) this.fields.values[id].set(s.fields[id]);
    this.agents.restore(s.agents);
    this.node.restore(s.node);
    this.dcQueue.restore(s.dcQueue);
    this.ctlQueue.restore(s.ctlQueue);
    this.active = new Map(s.active.map((a) => [a.index, { kind: a.kind, values: a.values }]));
    this.updateModifiers();
    this.antigenIn = s.antigenIn ?? 0;
    this.rng.setState(s.rng);
  }

  view(fields?: readonly string[]): TissueView {
    const a = this.agents;
    return {
      width: this.lattice.width,
      height: this.lattice.height,
      siteSize: this.p.siteSize,
      cells: this.cells.slice(),
      cellStates: CELL_STATE_NAMES,
      fields: Object.fromEntries(
        viewedFieldIds(FIELD_IDS, fields).map((id) => [
          id,
          { values: this.fields.values[id].slice(), unit: FIELD_UNITS[id] },
        ]),
      ),
      agents: { sites: a.site.slice(0, a.count), types: a.type.slice(0, a.count), agentTypes: AGENT_TYPE_NAMES },
    };
  }
}

/** Number of agent types (re-exported for views). */
export const IMMUNE_AGENT_TYPES: number = AGENT_TYPES;
