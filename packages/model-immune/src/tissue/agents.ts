import { allocateIn, KernelMemory, neighbourAt, type Rng } from '@immunotwin/engine';
import type { AgentKernel } from './agentKernel.js';
import { CELL } from './epithelium.js';

/** Agent type codes. */
export const AGENT = {
  /** Resident macrophage (state 1 = activated). */
  macrophage: 0,
  /** Recruited neutrophil. */
  neutrophil: 1,
  /** Natural killer cell. */
  nk: 2,
  /** Dendritic cell (immature; leaves for the lymph node once loaded with antigen). */
  dc: 3,
  /** Effector CD8 T cell (cytotoxic T lymphocyte). */
  ctl: 4,
} as const;

/** Number of agent types. */
export const AGENT_TYPES = 5;

/** Names of the agent type codes, in code order (for tissue views). */
export const AGENT_TYPE_NAMES: readonly string[] = ['macrophage', 'neutrophil', 'nk', 'dc', 'ctl'];

/**
 * Mobile immune cells in the tissue, structure-of-arrays: type, state, site, antigen load and clone of each
 * agent in parallel typed arrays, kept dense (agents 0…count−1 are alive; removal moves the last agent into
 * the hole), so stepping is one linear pass with no per-agent objects. Given a {@link KernelMemory}, the arrays
 * live in it (for the {@link AgentKernel}) up to the capacity; a pool that outgrows it moves to plain arrays,
 * which the JavaScript step handles with the same results.
 */
export class AgentPool {
  /** Live agents (indices 0…count−1). */
  count = 0;
  /** Type code of each agent. */
  type: Uint8Array;
  /** State of each agent (macrophage: 1 = activated). */
  state: Uint8Array;
  /** Lattice site of each agent. */
  site: Int32Array;
  /** Antigen load (DCs). */
  load: Float32Array;
  /** Clone index in the lymph node (CTLs), or −1. */
  clone: Int32Array;
  /** Live agents of each type. */
  readonly byType = new Int32Array(AGENT_TYPES);

  constructor(capacity = 1024, memory?: KernelMemory | null) {
    this.type = allocateIn(memory, Uint8Array, capacity);
    this.state = allocateIn(memory, Uint8Array, capacity);
    this.site = allocateIn(memory, Int32Array, capacity);
    this.load = allocateIn(memory, Float32Array, capacity);
    this.clone = allocateIn(memory, Int32Array, capacity);
  }

  /** Bytes a pool of `capacity` agents takes in a {@link KernelMemory}. */
  static bytes(capacity: number): number {
    return 2 * KernelMemory.bytes(capacity, 1) + 3 * KernelMemory.bytes(capacity, 4);
  }

  /** Adds an agent and returns its index. */
  add(type: number, site: number, clone = -1): number {
    if (this.count === this.type.length) this.grow(this.type.length * 2);
    const i = this.count++;
    this.type[i] = type;
    this.state[i] = 0;
    this.site[i] = site;
    this.load[i] = 0;
    this.clone[i] = clone;
    this.byType[type]++;
    return i;
  }

  /** Removes agent `i` by moving the last agent into its slot (the caller revisits index i). */
  remove(i: number): void {
    this.byType[this.type[i]]--;
    const last = --this.count;
    if (i !== last) {
      this.type[i] = this.type[last];
      this.state[i] = this.state[last];
      this.site[i] = this.site[last];
      this.load[i] = this.load[last];
      this.clone[i] = this.clone[last];
    }
  }

  /**
   * Reorders the agents by site (a stable counting sort over `sites` lattice sites), so that one pass over
   * the agents walks the lattice arrays in memory order. Deterministic; call it now and then (agents move
   * only a few sites per step, so the order decays slowly).
   */
  sortBySite(sites: number): void {
    const n = this.count;
    const start = new Int32Array(sites + 1);
    for (let i = 0; i < n; i++) start[this.site[i] + 1]++;
    for (let k = 0; k < sites; k++) start[k + 1] += start[k];
    const order = new Int32Array(n);
    for (let i = 0; i < n; i++) order[start[this.site[i]]++] = i;
    const permute = <T extends Uint8Array | Int32Array | Float32Array>(a: T): void => {
      const copy = a.slice(0, n);
      for (let k = 0; k < n; k++) a[k] = copy[order[k]];
    };
    permute(this.type);
    permute(this.state);
    permute(this.site);
    permute(this.load);
    permute(this.clone);
  }

  /** Removes each agent of `type` with probability `fraction` (a depletion). */
  cull(type: number, fraction: number, rng: Rng): void {
    for (let i = 0; i < this.count; i++) {
      if (this.type[i] === type && rng.uniform() < fraction) {
        this.remove(i);
        i--;
      }
    }
  }

  /** A structured-cloneable copy of the live agents. */
  snapshot(): Record<string, unknown> {
    const n = this.count;
    return {
      type: this.type.slice(0, n),
      state: this.state.slice(0, n),
      site: this.site.slice(0, n),
      load: this.load.slice(0, n),
      clone: this.clone.slice(0, n),
    };
  }

  /** Restores a copy taken with `snapshot()`. */
  restore(s: Record<string, unknown>): void {
    const type = s.type as Uint8Array;
    if (type.length > this.type.length) this.grow(type.length);
    this.count = type.length;
    this.type.set(type);
    this.state.set(s.state as Uint8Array);
    this.site.set(s.site as Int32Array);
    this.load.set(s.load as Float32Array);
    this.clone.set(s.clone as Int32Array);
    this.byType.fill(0);
    for (let i = 0; i < this.count; i++) this.byType[this.type[i]]++;
  }

  private grow(capacity: number): void {
    const copy = <T extends Uint8Array | Int32Array | Float32Array>(a: T, make: (n: number) => T): T => {
      const b = make(capacity);
      b.set(a.subarray(0, this.count) as never);
      return b;
    };
    this.type = copy(this.type, (n) => new Uint8Array(n));
    this.state = copy(this.state, (n) => new Uint8Array(n));
    this.site = copy(this.site, (n) => new Int32Array(n));
    this.load = copy(this.load, (n) => new Float32Array(n));
    this.clone = copy(this.clone, (n) => new Int32Array(n));
  }
}

/** Per-step probabilities and amounts of the agent update, precomputed for one step length. */
export interface AgentStep {
  /** Probability per step of dying, by type. */
  readonly death: Float64Array;
  /** Expected lattice moves per step, by type. */
  readonly moves: Float64Array;
  /** Whether each type follows the chemokine gradient (1) or walks at random (0). */
  readonly chemotaxis: Uint8Array;
  /** Fraction of the free virus at its site left after a phagocyte's step (e^(−phagocytosis·h)). */
  readonly virusLeft: number;
  /** Virus + antigen per site that activates a macrophage. */
  readonly activation: number;
  /** Probability per step that an activated macrophage without a stimulus returns to rest. */
  readonly deactivation: number;
  /** Cytokine added per activated macrophage or neutrophil per step. */
  readonly cytokine: number;
  /** Chemokine added per activated macrophage per step. */
  readonly chemokine: number;
  /** Probability per step that an NK cell kills the infected cell at its site. */
  readonly nkKill: number;
  /** Probability per step that a CTL kills the infected cell at its site. */
  readonly ctlKill: number;
  /** DC antigen load gained per step per unit of virus + antigen at its site. */
  readonly dcUptake: number;
  /** Fraction of a DC's antigen load kept over a step (e^(−dcLoadLoss·h)). */
  readonly dcLoadKept: number;
  /** Antigen released where an infected cell is killed. */
  readonly antigen: number;
  /** `false`: well mixed (agents jump to a random site each step). */
  readonly spatial: boolean;
}

/** The tissue an agent step reads and writes. */
export interface AgentWorld {
  /** Epithelial states per site. */
  readonly cells: Uint8Array;
  /** 8 Moore neighbours per site (−1 beyond the edge), as `Lattice2D.neighbours`. */
  readonly neighbours: Int32Array;
  /** Site offset of each Moore direction, as `Lattice2D.neighbourOffsets` (used away from the edges). */
  readonly neighbourOffsets: Int32Array;
  /** Moore steps from each site to the lattice edge, as `Lattice2D.edgeDistance` (offsets hold away from it). */
  readonly edgeDistance: Uint8Array;
  /** Free virus per site. */
  readonly virus: Float32Array;
  /** Antigen per site. */
  readonly antigen: Float32Array;
  /** Chemokine per site. */
  readonly chemokine: Float32Array;
  /** Cytokine per site. */
  readonly cytokine: Float32Array;
  /** The WebAssembly agent step over this world's memory, if it has one (used where it accepts the step). */
  readonly kernel?: AgentKernel | null;
}

/** What one agent step did that the model needs to know about. */
export interface AgentStepOutcome {
  /** Infected cells killed by NK cells. */
  nkKills: number;
  /** Infected cells killed by CTLs. */
  ctlKills: number;
  /** DCs that matured and left for the lymph node. */
  dcDepartures: number;
}

/**
 * Advances every agent by one step in a single pass over the arrays: death; movement (random walk, or for
 * chemotactic types a step to the better of two random neighbours by chemokine); then the type's action at
 * its site — phagocytosis and activation (macrophages, neutrophils), killing of infected cells (NK cells at
 * their site, CTLs at their site or one random neighbouring cell), antigen uptake and departure (DCs). All
 * randomness comes from `rng`, one raw output per draw, in a fixed order per agent.
 *
 * Written for speed (it is the model's hot loop): arrays and parameters live in locals; when an agent's hops
 * cannot reach the lattice edge its neighbours are `site + offset` rather than table reads; and the two coin
 * flips the CPU cannot predict (the fractional extra hop and the chemokine comparison) take no branches.
 * Where the world has an {@link AgentKernel} that accepts the step, the kernel runs it instead, bit for bit the
 * same (agentKernel.wat mirrors this loop operation by operation: change both together).
 */
export function stepAgents(pool: AgentPool, world: AgentWorld, s: AgentStep, rng: Rng, out: AgentStepOutcome): void {
  if (world.kernel && pool.count > 0 && world.kernel.step(pool, world, s, rng, out)) return;
  const { cells, neighbours, neighbourOffsets: offsets, edgeDistance, virus, antigen, chemokine, cytokine } = world;
  // Per-agent probabilities need no more than 32 random bits: one raw output per draw, not two.
  const U = 2.3283064365386963e-10;
  const size = cells.length;
  const { death, moves, chemotaxis, spatial, virusLeft, activation, deactivation, nkKill, ctlKill } = s;
  const cytokineRelease = s.cytokine;
  const chemokineRelease = s.chemokine;
  // The pool never grows during a step, so its arrays stay the same objects (removal only moves values).
  const { type: types, state: states, site: sites, load: loads } = pool;
  let nkKills = 0;
  let ctlKills = 0;
  let departures = 0;
  for (let i = 0; i < pool.count; i++) {
    const type = types[i];
    if (rng.nextUint32() * U < death[type]) {
      pool.remove(i);
      i--;
      continue;
    }
    let site = sites[i];
    if (!spatial) {
      site = rng.integer(size);
    } else {
      const m = moves[type];
      let hops = m | 0;
      hops += Number(rng.nextUint32() * U < m - hops);
      const chemo = chemotaxis[type];
      if (edgeDistance[site] >= hops) {
        // No hop reaches the edge, so both candidates are site + offset and exist. A chemotactic agent takes
        // the second if its chemokine is strictly higher: chosen without a branch (an unpredictable coin flip).
        for (let k = 0; k < hops; k++) {
          const bits = rng.nextUint32();
          const next = site + offsets[bits & 7];
          const other = site + offsets[(bits >>> 3) & 7];
          const better = chemo & Number(chemokine[other] > chemokine[next]);
          site = next ^ ((next ^ other) & -better);
        }
      } else {
        for (let k = 0; k < hops; k++) {
          const bits = rng.nextUint32();
          let next = neighbours[8 * site + (bits & 7)];
          if (chemo) {
            const other = neighbours[8 * site + ((bits >>> 3) & 7)];
            if (next < 0 || (other >= 0 && chemokine[other] > chemokine[next])) next = other;
          }
          if (next >= 0) site = next;
        }
      }
    }
    sites[i] = site;
    const cell = cells[site];
    if (type === 0) {
      virus[site] *= virusLeft;
      if (virus[site] + antigen[site] > activation) states[i] = 1;
      else if (states[i] === 1 && rng.nextUint32() * U < deactivation) states[i] = 0;
      if (states[i] === 1) {
        cytokine[site] += cytokineRelease;
        chemokine[site] += chemokineRelease;
      }
    } else if (type === 1) {
      virus[site] *= virusLeft;
      cytokine[site] += cytokineRelease;
    } else if (type === 4 || type === 2) {
      // A killer touches the cell at its site, or else (CTLs, scanning) one random neighbouring cell.
      let target = site;
      if (type === 4 && cell !== CELL.eclipse && cell !== CELL.productive) {
        target = neighbourAt(site, rng.nextUint32() & 7, neighbours, offsets, edgeDistance);
      }
      const tc = target >= 0 ? cells[target] : CELL.healthy;
      if ((tc === CELL.eclipse || tc === CELL.productive) && rng.nextUint32() * U < (type === 4 ? ctlKill : nkKill)) {
        cells[target] = CELL.dead;
        antigen[target] += s.antigen;
        if (type === 4) ctlKills++;
        else nkKills++;
      }
    } else {
      const load = loads[i] * s.dcLoadKept + s.dcUptake * (virus[site] + antigen[site]);
      if (load >= 1) {
        pool.remove(i);
        i--;
        departures++;
        continue;
      }
      loads[i] = load;
    }
  }
  out.nkKills += nkKills;
  out.ctlKills += ctlKills;
  out.dcDepartures += departures;
}
