import {
  allocateIn,
  KernelMemory,
  Lattice2D,
  observableIndex,
  typedParameters,
  type ParameterId,
  type Rng,
  type SteppedModelContext,
  type SteppedModelCore,
  type TissueView,
} from '@immunotwin/engine';
import { lungManifest } from './manifest/manifest.js';
import { gasExchangeFraction, spo2Proxy } from './organFunction.js';
import { CELL, CELL_STATE_NAMES, CELL_STATES, CELL_TYPE } from './tissue/cells.js';
import { epitheliumRates, stepEpithelium, type Epithelium, type EpitheliumRates } from './tissue/epithelium.js';
import { LUNG_FIELD_IDS, LUNG_FIELD_UNITS, LungFields, type LungFieldId } from './tissue/fields.js';
import { fociSites } from './tissue/foci.js';
import { stepTCells, TCellPool, type TCellRules } from './tissue/tCells.js';
import { circulatingTCells, extravasationTries, type TCellSupply } from './tissue/vasculature.js';

/** Minutes per day. */
const MINUTES_PER_DAY = 1440;

/** Each observable's position in the sample row, resolved once. */
const OBSERVABLE = observableIndex(lungManifest);

/** Names of the agent type codes in tissue views. */
const AGENT_TYPE_NAMES: readonly string[] = ['cd8'];

/** Clock slots: [0] minutes, [1] cumulative deaths, [2] T-cell kills, [3] carried fraction of a T-cell minute. */
const CLOCK = { minutes: 0, deaths: 1, kills: 2, carry: 3 } as const;

/** The state a snapshot holds. */
interface LungSnapshot {
  clock: Float64Array;
  cells: Uint8Array;
  types: Uint8Array;
  timers: Float32Array;
  fields: Record<LungFieldId, Float32Array>;
  tCells: ReturnType<TCellPool['snapshot']>;
  rng: Uint32Array;
}

/**
 * The Lung Twin as a stepped model: a square section of alveolar epithelium (type I and type II cells with
 * SIMCoV's infection states, an IFN-induced antiviral state and type II regeneration), five diffusing fields, and
 * effector CD8 T cells that extravasate from the lung's circulation where there is chemokine and kill expressing
 * cells on contact. Time is in days outside and minutes inside.
 */
export class LungModel implements SteppedModelCore {
  /** Internal step in days. */
  readonly dt: number;
  private readonly p: Readonly<Record<ParameterId<typeof lungManifest>, number>>;
  private readonly rng: Rng;
  private readonly lattice: Lattice2D;
  private readonly epithelium: Epithelium;
  private readonly fields: LungFields;
  private readonly tCells: TCellPool;
  private readonly supply: TCellSupply;
  private readonly tCellRules: TCellRules;
  /** The section's share of the lung's sites. */
  private readonly share: number;
  private readonly clock = new Float64Array(4);
  private rates: EpitheliumRates | null = null;
  private readonly counts = new Float64Array(CELL_STATES);

  /** A model from any stepped-model context (the one `defineModel` passes, or a plain one in tests). */
  constructor(context: SteppedModelContext) {
    const p = typedParameters(lungManifest, context.parameters);
    this.p = p;
    this.rng = context.rng;
    this.dt = p.stepMinutes / MINUTES_PER_DAY;
    const side = p.latticeSize;
    this.lattice = new Lattice2D(side, side);
    const sites = this.lattice.size;
    // One memory holds the fields (stepped in place by the solver's WebAssembly kernel) and the epithelium's
    // arrays, ready for kernels of their own; without WebAssembly they are plain arrays.
    const memory = KernelMemory.create(
      LungFields.bytes(side) + 2 * KernelMemory.bytes(sites, 1) + KernelMemory.bytes(sites, 4),
    );
    this.epithelium = {
      cells: allocateIn(memory, Uint8Array, sites),
      types: allocateIn(memory, Uint8Array, sites),
      timers: allocateIn(memory, Float32Array, sites),
      neighbours: this.lattice.neighbours,
    };
    const perSite = (d: number): number => d / (p.siteSize * p.siteSize);
    this.fields = new LungFields(
      side,
      {
        virions: { diffusion: perSite(p.virionDiffusion), decay: p.virionClearance },
        ifn: { diffusion: perSite(p.ifnDiffusion), decay: p.ifnDecay },
        chemokine: { diffusion: perSite(p.chemokineDiffusion), decay: p.chemokineDecay },
        cytokine: { diffusion: perSite(p.cytokineDiffusion), decay: p.cytokineDecay },
        ros: { diffusion: perSite(p.rosDiffusion), decay: p.rosDecay },
      },
      memory,
    );
    this.tCells = new TCellPool(sites);
    this.supply = {
      delay: p.tCellDelay * MINUTES_PER_DAY,
      generation: p.tCellGeneration,
      vascularPeriod: p.tCellVascularPeriod,
    };
    this.tCellRules = {
      apoptosisPeriod: p.apoptosisPeriod,
      bindingPeriod: p.tCellBindingPeriod,
      moveRate: p.tCellMoveRate,
      chemotaxis: p.tCellChemotaxis,
    };
    this.share = sites / p.lungSites;
    this.initialise();
  }

  /** Cell types drawn per site, then the foci seeded with virions. */
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
  }

  step(h: number): void {
    const minutes = h * MINUTES_PER_DAY;
    if (this.rates?.minutes !== minutes) this.rates = epitheliumRates(this.p, minutes);
    const from = this.clock[CLOCK.minutes];
    const to = from + minutes;
    const f = this.fields.values;
    this.clock[CLOCK.deaths] += stepEpithelium(this.epithelium, f, this.rates, this.rng);
    const whole = Math.floor(this.clock[CLOCK.carry] + minutes + 1e-9);
    this.clock[CLOCK.carry] += minutes - whole;
    if (this.tCells.count > 0 && whole > 0) {
      const world = {
        cells: this.epithelium.cells,
        timers: this.epithelium.timers,
        chemokine: f.chemokine,
        neighbours: this.lattice.neighbours,
      };
      this.clock[CLOCK.kills] += stepTCells(this.tCells, world, this.tCellRules, whole, this.rng);
    }
    this.extravasate(from, to);
    this.fields.step(minutes);
    this.clock[CLOCK.minutes] = to;
  }

  /** Circulating T cells try random sites of the section; they enter where there is chemokine and room. */
  private extravasate(from: number, to: number): void {
    const mean = extravasationTries(this.supply, this.share, from, to);
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

  observe(out: Float64Array): void {
    const { cells, types } = this.epithelium;
    const c = this.counts;
    c.fill(0);
    for (let i = 0; i < cells.length; i++) c[cells[i]]++;
    const o = OBSERVABLE;
    const g = gasExchangeFraction(cells, types);
    out[o.virions] = this.fields.total('virions');
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
    out[o.cytokine] = this.fields.total('cytokine');
    out[o.ros] = this.fields.total('ros');
    out[o.tCells] = this.tCells.count;
    out[o.tCellsCirculating] = circulatingTCells(this.supply, this.clock[CLOCK.minutes]);
    out[o.tCellKills] = this.clock[CLOCK.kills];
    out[o.gasExchange] = g;
    out[o.spo2] = spo2Proxy(g, this.p.paO2Healthy);
    out[o.damage] = c[CELL.dead] / cells.length;
  }

  snapshot(): LungSnapshot {
    const e = this.epithelium;
    const f = this.fields.values;
    return {
      clock: this.clock.slice(),
      cells: e.cells.slice(),
      types: e.types.slice(),
      timers: e.timers.slice(),
      fields: Object.fromEntries(LUNG_FIELD_IDS.map((id) => [id, f[id].slice()])) as Record<LungFieldId, Float32Array>,
      tCells: this.tCells.snapshot(),
      rng: this.rng.getState(),
    };
  }

  restore(snapshot: unknown): void {
    const s = snapshot as LungSnapshot;
    this.clock.set(s.clock);
    this.epithelium.cells.set(s.cells);
    this.epithelium.types.set(s.types);
    this.epithelium.timers.set(s.timers);
    for (const id of LUNG_FIELD_IDS) this.fields.values[id].set(s.fields[id]);
    this.tCells.restore(s.tCells);
    this.rng.setState(s.rng);
  }

  view(): TissueView {
    const t = this.tCells;
    return {
      width: this.lattice.width,
      height: this.lattice.height,
      siteSize: this.p.siteSize,
      cells: this.epithelium.cells.slice(),
      cellStates: CELL_STATE_NAMES,
      fields: Object.fromEntries(
        LUNG_FIELD_IDS.map((id) => [id, { values: this.fields.values[id].slice(), unit: LUNG_FIELD_UNITS[id] }]),
      ),
      agents: { sites: t.site.slice(0, t.count), types: new Uint8Array(t.count), agentTypes: AGENT_TYPE_NAMES },
    };
  }
}
