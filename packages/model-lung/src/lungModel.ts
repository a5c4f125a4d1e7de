import {
  allocateIn,
  clearBox,
  fullBox,
  includeInBox,
  includeNonZero,
  includeSite,
  type InterventionEvent,
  KernelMemory,
  Lattice2D,
  observableIndex,
  type ParameterId,
  type Rng,
  type SiteBox,
  type SteppedModelContext,
  type SteppedModelCore,
  type TissueView,
  typedParameters,
} from '@immunotwin/engine';
import { lungManifest } from './manifest/manifest.js';
import { stepRates } from './stepRates.js';
import { lungTissueView } from './tissueView.js';
import { crpProxy, gasExchangeFraction, spo2Proxy } from './organFunction.js';
import { CELL, CELL_STATES, CELL_TYPE } from './tissue/cells.js';
import {
  stepEpithelium,
  type Epithelium,
  type EpitheliumOutcome,
  type EpitheliumRates,
  type EpitheliumRegion,
} from './tissue/epithelium.js';
import { DIFFUSING_FIELD_IDS, LUNG_FIELD_IDS, LungFields, lungFieldFloors, type LungFieldId } from './tissue/fields.js';
import { EpitheliumKernel } from './tissue/epitheliumKernel.js';
import { fociSites } from './tissue/foci.js';
import { INNATE, InnatePool, residentMacrophages } from './tissue/innate.js';
import { stepInnate, type InnateOutcome, type InnateRules } from './tissue/innateStep.js';
import { recruit, type RecruitmentSignal } from './tissue/recruitment.js';
import { InnateKernel } from './tissue/innateKernel.js';
import { TCellKernel } from './tissue/tCellKernel.js';
import { stepTCells, TCellPool, type TCellRules } from './tissue/tCells.js';
import { CoupledCirculation } from './tissue/coupledCirculation.js';
import { LymphSignal } from './tissue/lymphSignal.js';
import { circulatingTCells, extravasationTries, type TCellSupply } from './tissue/vasculature.js';
import { Treatments, type LastingKind } from './treatments.js';
import type { LungSnapshot } from './lungSnapshot.js';
import { ACTIVE_FROM_SITES, type LungModelOptions } from './lungModelOptions.js';

/** Minutes per day. */
const MINUTES_PER_DAY = 1440;

/** Each observable's position in the sample row, resolved once. */
const OBSERVABLE = observableIndex(lungManifest);

/** The innate types recruited from the blood, in recruitment order. */
const RECRUITED = [INNATE.neutrophil, INNATE.nk] as const;

/**
 * Clock slots: [0] minutes, [1] cumulative deaths, [2] T-cell kills, [3] carried fraction of a T-cell minute,
 * [4] ROS deaths, [5] NK kills.
 */
const CLOCK = { minutes: 0, deaths: 1, kills: 2, carry: 3, rosDeaths: 4, nkKills: 5 } as const;

/**
 * The Lung Twin as a stepped model: a square section of alveolar epithelium (type I and type II cells with
 * SIMCoV's infection states, an IFN-induced antiviral state and type II regeneration), five fields, resident
 * macrophages, neutrophils and NK cells recruited by cytokine, and effector CD8 T cells that extravasate from the
 * lung's circulation where there is chemokine and kill expressing cells on contact; treatments act through
 * {@link Treatments}. Time is in days outside and minutes inside.
 */
export class LungModel implements SteppedModelCore {
  /** Internal step in days. */
  readonly dt: number;
  private readonly p: Readonly<Record<ParameterId<typeof lungManifest>, number>>;
  private readonly rng: Rng;
  private readonly lattice: Lattice2D;
  private readonly epithelium: Epithelium;
  /** The WebAssembly steps of the epithelium, the T cells and the innate cells, or null (the JavaScript loops give the same bits). */
  private readonly epitheliumKernel: EpitheliumKernel | null;
  private readonly tCellKernel: TCellKernel | null;
  private readonly innateKernel: InnateKernel | null;
  private readonly fields: LungFields;
  private readonly tCells: TCellPool;
  private readonly innate: InnatePool;
  private readonly treatments = new Treatments();
  private readonly supply: TCellSupply;
  /** The circulating pool when the input effectorSupply or the lymph-node signal feeds it; null on the schedule. */
  private readonly coupled: CoupledCirculation | null;
  /** The lymph-node signal when lymphSignalGain > 0 and no effectorSupply is connected; else null. */
  private readonly lymph: LymphSignal | null;
  /** Virion clearance from the input antibodyClearance, 1/min (0 unless a coupled run sets it). */
  private inputClearance = 0;
  private readonly tCellRules: TCellRules;
  private readonly signal: RecruitmentSignal;
  /** The section's share of the lung's sites. */
  private readonly share: number;
  /** Area of one site, mm². */
  private readonly siteArea: number;
  private readonly clock = new Float64Array(6);
  private rates: EpitheliumRates | null = null;
  private innateRules: InnateRules | null = null;
  /** The step length and treatments version the cached rates were computed for. */
  private ratesKey = '';
  private readonly counts = new Float64Array(CELL_STATES);
  private readonly epitheliumOutcome: EpitheliumOutcome = { deaths: 0, rosDeaths: 0 };
  private readonly innateOutcome: InnateOutcome = { engulfedDeaths: 0, nkKills: 0 };
  /** The active-region method's boxes and the epithelium's region, or null for the dense method. */
  private readonly active: {
    /** Holds every cell that is not healthy (grown as cells leave the healthy state; never shrunk). */
    readonly cells: SiteBox;
    /** Sites of the neutrophils after the last step (where ROS is). */
    readonly ros: SiteBox;
    /** The epithelium's region: its visit box (scratch) and `changed` (= `cells`). */
    readonly region: EpitheliumRegion & { readonly visit: SiteBox };
  } | null;

  /** A model from any stepped-model context (the one `defineModel` passes, or a plain one in tests). */
  constructor(context: SteppedModelContext, options: LungModelOptions = {}) {
    const p = typedParameters(lungManifest, context.parameters);
    this.p = p;
    this.rng = context.rng;
    this.dt = p.stepMinutes / MINUTES_PER_DAY;
    const side = p.latticeSize;
    this.lattice = new Lattice2D(side, side);
    const sites = this.lattice.size;
    // One memory holds the fields (stepped in place by the solver's WebAssembly kernel) and the arrays of the
    // epithelium, the T cells and the innate cells (stepped by kernels of their own); without WebAssembly they are
    // plain arrays.
    this.siteArea = (p.siteSize / 1000) ** 2;
    // Room for the resident macrophages twice over and some thousands of recruited cells before the pool grows
    // out of the kernel memory (its kernel then declines and the JavaScript loop runs, with the same bits).
    const innateRoom = 2 * residentMacrophages(p.macrophageDensity, this.siteArea, sites) + 4096;
    const voxels = { cytokine: p.cytokineVoxel };
    const memory = KernelMemory.create(
      LungFields.bytes(side, voxels) +
        3 * KernelMemory.bytes(sites, 1) +
        KernelMemory.bytes(sites, 4) +
        TCellPool.bytes(sites) +
        InnatePool.bytes(innateRoom) +
        EpitheliumKernel.bytes() +
        TCellKernel.bytes() +
        InnateKernel.bytes(),
    );
    this.innate = new InnatePool(innateRoom, memory);
    this.epithelium = {
      cells: allocateIn(memory, Uint8Array, sites),
      types: allocateIn(memory, Uint8Array, sites),
      timers: allocateIn(memory, Float32Array, sites),
      debris: allocateIn(memory, Uint8Array, sites),
      width: side,
      height: side,
    };
    const perSite = (d: number): number => d / (p.siteSize * p.siteSize);
    // The active method pays on large sections (measured: 2.3× on 1000², 0.86× on 500², bench/lung.mjs).
    const method = options.method ?? (sites >= ACTIVE_FROM_SITES ? 'active' : 'dense');
    if (method !== 'active' && method !== 'dense') {
      throw new RangeError(`LungModel: method must be "active" or "dense"; got ${String(method)}`);
    }
    this.fields = new LungFields(
      side,
      {
        virions: { diffusion: perSite(p.virionDiffusion), decay: p.virionClearance },
        ifn: { diffusion: perSite(p.ifnDiffusion), decay: p.ifnDecay },
        chemokine: { diffusion: perSite(p.chemokineDiffusion), decay: p.chemokineDecay },
        cytokine: { diffusion: perSite(p.cytokineDiffusion), decay: p.cytokineDecay },
      },
      memory,
      lungFieldFloors(p),
      method === 'active' ? 'active' : 'dense',
      voxels,
    );
    const kernels = options.kernels !== false;
    this.epitheliumKernel = kernels ? EpitheliumKernel.create(memory) : null;
    this.tCellKernel = kernels ? TCellKernel.create(memory) : null;
    this.innateKernel = kernels ? InnateKernel.create(memory) : null;
    if (method === 'active') {
      // Recruitment reads only where the cytokine is above its ramp's start (the kernel finds where that is).
      this.fields.trackLevel('cytokine', p.recruitmentMinSignal);
      const cellsBox = Int32Array.of(1, 1, 0, 0);
      this.active = {
        cells: cellsBox,
        ros: Int32Array.of(1, 1, 0, 0),
        region: { width: side, visit: Int32Array.of(1, 1, 0, 0), changed: cellsBox },
      };
    } else {
      this.active = null;
    }
    this.tCells = new TCellPool(sites, memory);
    this.supply = {
      delay: p.tCellDelay * MINUTES_PER_DAY,
      generation: p.tCellGeneration,
      vascularPeriod: p.tCellVascularPeriod,
    };
    const fed = context.inputs?.includes('effectorSupply') ?? false;
    this.lymph =
      !fed && p.lymphSignalGain > 0
        ? new LymphSignal(p.lymphSignalGain / MINUTES_PER_DAY, p.lymphSignalDecay / MINUTES_PER_DAY, p.lymphSignalHill)
        : null;
    this.coupled = fed || this.lymph ? new CoupledCirculation(p.tCellVascularPeriod) : null;
    this.tCellRules = {
      apoptosisPeriod: p.apoptosisPeriod,
      bindingPeriod: p.tCellBindingPeriod,
      moveRate: p.tCellMoveRate,
      chemotaxis: p.tCellChemotaxis,
    };
    this.signal = {
      min: p.recruitmentMinSignal,
      saturation: Math.max(p.recruitmentSaturation, p.recruitmentMinSignal),
    };
    this.share = sites / p.lungSites;
    this.initialise();
  }

  /** Cell types drawn per site, the foci seeded with virions, then the resident macrophages placed. */
  private initialise(): void {
    const { types } = this.epithelium;
    const fraction = this.p.typeIIFraction;
    for (let i = 0; i < types.length; i++) {
      types[i] = fraction > 0 && this.rng.uniform() < fraction ? CELL_TYPE.typeII : CELL_TYPE.typeI;
    }
    const virions = this.fields.values.virions;
    for (const site of fociSites(this.lattice, this.p.foci, this.p.fociPlacement, this.rng)) {
      virions[site] += this.p.initialVirions;
    }
    const macrophages = residentMacrophages(this.p.macrophageDensity, this.siteArea, this.lattice.size);
    for (let k = 0; k < macrophages; k++) this.innate.add(INNATE.macrophage, this.rng.integer(this.lattice.size));
  }

  /** Recomputes the per-step rates when the step length or the treatments in force have changed. */
  private updateRates(minutes: number): void {
    const key = `${minutes}:${this.treatments.version}`;
    if (key === this.ratesKey) return;
    this.ratesKey = key;
    const r = stepRates(this.p, this.treatments.modifiers, minutes);
    this.rates = r.epithelium;
    this.innateRules = r.innate;
  }

  step(h: number): void {
    const minutes = h * MINUTES_PER_DAY;
    this.updateRates(minutes);
    const from = this.clock[CLOCK.minutes];
    const to = from + minutes;
    const f = this.fields.values;
    const e = this.epithelium;
    const dose = this.treatments.modifiers.ifnDose * minutes;
    if (dose > 0) {
      for (let i = 0; i < f.ifn.length; i++) f.ifn[i] += dose;
      this.fields.include('ifn', fullBox(this.lattice.width, this.lattice.height));
    }
    const eo = this.epitheliumOutcome;
    eo.deaths = 0;
    eo.rosDeaths = 0;
    const rates = this.rates as EpitheliumRates;
    const region = this.epitheliumRegion();
    if (!this.epitheliumKernel?.step(e, f, rates, this.rng, eo, region))
      stepEpithelium(e, f, rates, this.rng, eo, region);
    this.includeCellSources();
    this.clock[CLOCK.deaths] += eo.deaths;
    this.clock[CLOCK.rosDeaths] += eo.rosDeaths;
    const whole = Math.floor(this.clock[CLOCK.carry] + minutes + 1e-9);
    this.clock[CLOCK.carry] += minutes - whole;
    if (this.tCells.count > 0 && whole > 0) {
      const world = { cells: e.cells, timers: e.timers, chemokine: f.chemokine, width: e.width, height: e.height };
      this.clock[CLOCK.kills] +=
        this.tCellKernel?.step(this.tCells, world, this.tCellRules, whole, this.rng) ??
        stepTCells(this.tCells, world, this.tCellRules, whole, this.rng);
    }
    const io = this.innateOutcome;
    io.engulfedDeaths = 0;
    io.nkKills = 0;
    const world = {
      ...e,
      virions: f.virions,
      chemokine: f.chemokine,
      cytokine: f.cytokine,
      ifn: f.ifn,
      ros: f.ros,
      regions: this.active
        ? {
            width: this.lattice.width,
            height: this.lattice.height,
            chemokine: this.fields.region('chemokine'),
            cytokine: this.fields.region('cytokine'),
            cytokineAbove: this.fields.levelRegion('cytokine'),
            cytokineWritten: this.fields.writtenRegion('cytokine'),
            virions: this.fields.region('virions'),
            cells: this.active.cells,
          }
        : undefined,
    };
    const rules = this.innateRules as InnateRules;
    if (!this.innateKernel?.step(this.innate, world, rules, this.rng, io))
      stepInnate(this.innate, world, rules, this.rng, io);
    this.clock[CLOCK.deaths] += io.engulfedDeaths;
    this.clock[CLOCK.nkKills] += io.nkKills;
    this.findRos();
    const perSiteStep = this.siteArea * minutes;
    const m = this.treatments.modifiers;
    recruit(
      f.cytokine,
      this.signal,
      RECRUITED,
      [this.p.neutrophilRecruitment * m.neutrophilRecruitment * perSiteStep, this.p.nkRecruitment * perSiteStep],
      this.innate,
      this.rng,
      this.active ? { box: this.fields.levelRegion('cytokine'), width: this.lattice.width } : undefined,
    );
    if (this.lymph && this.coupled) {
      this.lymph.advance(minutes, this.fields.total('chemokine') / this.lattice.size);
      this.coupled.supply = from >= this.supply.delay ? this.supply.generation * this.lymph.level() : 0;
    }
    this.extravasate(from, to);
    this.fields.setExtraDecay('virions', this.treatments.antibodyClearance(from + minutes / 2) + this.inputClearance);
    this.fields.step(minutes);
    this.clock[CLOCK.minutes] = to;
  }

  /**
   * The epithelium's region for this step (null for the dense method): the box of the cells that are not healthy
   * and of where there are virions, IFN or ROS — outside it every cell is healthy with nothing at its site.
   */
  private epitheliumRegion(): EpitheliumRegion | undefined {
    const a = this.active;
    if (!a) return undefined;
    const visit = a.region.visit;
    visit.set(a.cells);
    for (const box of [this.fields.region('virions'), this.fields.region('ifn'), a.ros]) {
      includeInBox(visit, box[0], box[1], box[2], box[3]);
    }
    return a.region;
  }

  /** Grows the fields' active regions over the cells that are not healthy (the epithelium secretes from them). */
  private includeCellSources(): void {
    if (this.active) for (const id of DIFFUSING_FIELD_IDS) this.fields.include(id, this.active.cells);
  }

  /** Finds where the neutrophils hold ROS (their sites), for the next epithelium step. */
  private findRos(): void {
    const a = this.active;
    if (!a) return;
    const width = this.lattice.width;
    const innate = this.innate;
    clearBox(a.ros);
    for (let k = 0; k < innate.count; k++) {
      if (innate.type[k] === INNATE.neutrophil) includeSite(a.ros, innate.site[k], width);
    }
  }

  /** Circulating T cells try random sites of the section; they enter where there is chemokine and room. */
  private extravasate(from: number, to: number): void {
    const mean = this.coupled
      ? this.coupled.advance(to - from) * this.share
      : extravasationTries(this.supply, this.share, from, to, this.treatments.depletions);
    if (mean <= 0) return;
    const chemokine = this.fields.values.chemokine;
    const threshold = this.p.minChemokine;
    const n = this.lattice.size;
    for (let k = this.rng.poisson(mean); k > 0; k--) {
      const site = this.rng.integer(n);
      if (chemokine[site] >= threshold && !this.tCells.occupied[site]) {
        this.tCells.add(site, this.rng.poisson(this.p.tCellTissuePeriod));
      }
    }
  }

  /**
   * Sets an input port in a coupled run: `effectorSupply` (cells/min entering the lung's circulation) or
   * `antibodyClearance` (1/min of extra virion loss); held until set again.
   */
  setInput(id: string, value: number): void {
    if (id === 'effectorSupply' && this.coupled) this.coupled.supply = value;
    else if (id === 'antibodyClearance') this.inputClearance = value;
    else
      throw new Error(`lung: no connected input "${id}"; inputs: effectorSupply (when connected), antibodyClearance`);
  }

  /** A lasting intervention (antiviral, entry blocker, IFN therapy, corticosteroid) takes effect. */
  startTreatment(event: InterventionEvent & { kind: LastingKind }): void {
    this.treatments.start(event.index, event.kind, event.values);
  }

  /** A lasting intervention stops. */
  stopTreatment(event: InterventionEvent): void {
    this.treatments.stop(event.index);
  }

  /** A monoclonal antibody infusion now: `clearance` per minute of extra virion loss, halving every `halfLife` days. */
  infuseAntibody(clearance: number, halfLife: number): void {
    this.treatments.infuse(this.clock[CLOCK.minutes], clearance, halfLife * MINUTES_PER_DAY);
  }

  /** Removes each tissue T cell with probability `fraction`, and that fraction of the circulating pool. */
  depleteTCells(fraction: number): void {
    const now = this.clock[CLOCK.minutes];
    if (this.coupled) this.coupled.deplete(fraction);
    else this.treatments.deplete(now, fraction * circulatingTCells(this.supply, now, this.treatments.depletions));
    this.tCells.cull(fraction, this.rng);
  }

  observe(out: Float64Array): void {
    const { cells, types } = this.epithelium;
    const c = this.counts;
    c.fill(0);
    for (let i = 0; i < cells.length; i++) c[cells[i]]++;
    const o = OBSERVABLE;
    const g = gasExchangeFraction(cells, types);
    const minutes = this.clock[CLOCK.minutes];
    const innate = this.innate;
    const cytokine = this.fields.total('cytokine');
    const virions = this.fields.total('virions');
    out[o.virions] = virions;
    out[o.healthy] = c[CELL.healthy];
    out[o.antiviral] = c[CELL.antiviral];
    out[o.incubating] = c[CELL.incubating];
    out[o.expressing] = c[CELL.expressing];
    out[o.apoptotic] = c[CELL.apoptotic];
    out[o.dead] = c[CELL.dead];
    out[o.infected] = c[CELL.incubating] + c[CELL.expressing] + c[CELL.apoptotic];
    out[o.deaths] = this.clock[CLOCK.deaths];
    out[o.interferon] = this.fields.total('ifn');
    out[o.chemokine] = this.fields.total('chemokine');
    out[o.cytokine] = cytokine;
    out[o.ros] = this.fields.total('ros');
    out[o.tCells] = this.tCells.count;
    out[o.tCellsCirculating] = this.coupled
      ? this.coupled.cells
      : circulatingTCells(this.supply, minutes, this.treatments.depletions);
    out[o.tCellSupply] = this.coupled?.supply ?? (minutes > this.supply.delay ? this.supply.generation : 0);
    out[o.tCellKills] = this.clock[CLOCK.kills];
    out[o.macrophages] = innate.byType[INNATE.macrophage];
    out[o.inflammatoryMacrophages] = innate.countIn(INNATE.macrophage, 1);
    out[o.neutrophils] = innate.byType[INNATE.neutrophil];
    out[o.nkCells] = innate.byType[INNATE.nk];
    out[o.nkKills] = this.clock[CLOCK.nkKills];
    out[o.rosDeaths] = this.clock[CLOCK.rosDeaths];
    out[o.antibodyClearance] = this.treatments.antibodyClearance(minutes) + this.inputClearance;
    out[o.antigenOut] = this.p.lymphDrainage * virions;
    out[o.gasExchange] = g;
    out[o.spo2] = spo2Proxy(g, this.p.paO2Healthy);
    out[o.damage] = c[CELL.dead] / cells.length;
    out[o.crp] = crpProxy(cytokine / cells.length, this.p);
  }

  snapshot(): LungSnapshot {
    const e = this.epithelium;
    const f = this.fields.values;
    return {
      clock: this.clock.slice(),
      cells: e.cells.slice(),
      types: e.types.slice(),
      timers: e.timers.slice(),
      debris: e.debris.slice(),
      fields: Object.fromEntries(LUNG_FIELD_IDS.map((id) => [id, f[id].slice()])) as Record<LungFieldId, Float32Array>,
      voxels: this.fields.voxelSnapshot(),
      tCells: this.tCells.snapshot(),
      innate: this.innate.snapshot(),
      treatments: this.treatments.snapshot(),
      circulation: this.coupled?.snapshot() ?? null,
      lymphSignal: this.lymph?.snapshot() ?? null,
      inputClearance: this.inputClearance,
      rng: this.rng.getState(),
    };
  }

  restore(snapshot: unknown): void {
    const s = snapshot as LungSnapshot;
    this.clock.set(s.clock);
    this.epithelium.cells.set(s.cells);
    this.epithelium.types.set(s.types);
    this.epithelium.timers.set(s.timers);
    this.epithelium.debris.set(s.debris);
    for (const id of LUNG_FIELD_IDS) this.fields.values[id].set(s.fields[id]);
    this.fields.includeAll();
    this.fields.restoreVoxels(s.voxels ?? {});
    this.tCells.restore(s.tCells);
    this.innate.restore(s.innate);
    if (this.active) {
      // The exact boxes of the restored state (the cells that are not healthy, code 0; the neutrophils' sites); the
      // whole section instead would stay the epithelium's box for good (it only grows), and every field's.
      clearBox(this.active.cells);
      includeNonZero(this.active.cells, this.epithelium.cells, this.lattice.width);
      this.findRos();
    }
    this.treatments.restore(s.treatments);
    if (this.coupled && s.circulation) this.coupled.restore(s.circulation);
    if (this.lymph && s.lymphSignal) this.lymph.restore(s.lymphSignal);
    this.inputClearance = s.inputClearance ?? 0;
    this.ratesKey = '';
    this.rng.setState(s.rng);
  }

  view(fields?: readonly string[]): TissueView {
    const { width, height } = this.lattice;
    const e = this.epithelium;
    const f = this.fields.values;
    return lungTissueView(width, height, this.p.siteSize, e.cells, f, this.tCells, this.innate, fields);
  }
}
