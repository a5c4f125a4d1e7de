import {
  bindKernel,
  KernelControl,
  KernelMemory,
  type BoundKernel,
  type Lattice2D,
  type Rng,
} from '@immunotwin/engine';
import type { AgentPool, AgentStep, AgentStepOutcome, AgentWorld } from './agents.js';
import { AGENT_KERNEL_BASE64 } from './agentKernelBytes.js';

/** The kernel's exported step (agentKernel.wat): pointers are byte offsets into its memory; returns the new count. */
type KernelStep = (
  count: number,
  type: number,
  state: number,
  site: number,
  load: number,
  clone: number,
  cells: number,
  edgeDistance: number,
  virus: number,
  antigen: number,
  chemokine: number,
  cytokine: number,
  control: number,
  width: number,
  height: number,
  periodic: number,
  spatial: number,
  size: number,
) => number;

/** Bytes of the control block (see agentKernel.wat). */
const CONTROL_BYTES = 336;
/** Int32 index of the kill and departure counts, and of the removals by type (the generator state is at 0). */
const I_KILLS = 4;
const I_REMOVED = 8;
/** Float64 index of the death probabilities, the expected moves and the ten scalars of a step. */
const F_DEATH = 7;
const F_MOVES = 12;
const F_SCALARS = 17;
/** Int32 index of the chemotaxis flags, the direction offsets, dx and dy. */
const I_CHEMOTAXIS = 54;
const I_OFFSETS = 59;
const I_DX = 67;
const I_DY = 75;

/** Agent types the kernel knows (the step's tables have one entry each). */
const TYPES = 5;

/**
 * The WebAssembly twin of {@link stepAgents}' loop (agentKernel.wat): on a world whose cells, fields and agent
 * arrays all live in one {@link KernelMemory}, it steps the agents in place, bit for bit as the JavaScript loop
 * does (same order, same draws from the engine's xoshiro128** generator, same float rounding), 1.6–1.8×
 * as fast in Node. {@link step} declines (returns false) whenever it cannot promise that — an array outside its
 * memory, another lattice, another generator — and the caller runs the JavaScript loop instead.
 */
export class AgentKernel {
  /** The lattice the kernel walks. */
  readonly lattice: Lattice2D;
  private readonly edgeDistance: Uint8Array;

  private constructor(
    private readonly kernel: BoundKernel<KernelStep>,
    lattice: Lattice2D,
  ) {
    this.lattice = lattice;
    this.edgeDistance = kernel.memory.allocate(Uint8Array, lattice.size);
    this.edgeDistance.set(lattice.edgeDistance);
    kernel.control.ints.set(lattice.neighbourOffsets, I_OFFSETS);
    kernel.control.writeMooreDirections(I_DX, I_DY);
  }

  /** Bytes a kernel for `lattice` takes in its {@link KernelMemory}. */
  static bytes(lattice: Lattice2D): number {
    return KernelMemory.bytes(lattice.size, 1) + KernelControl.bytes(CONTROL_BYTES);
  }

  /** A kernel for `lattice` in `memory` ({@link bytes} of it), or null where WebAssembly cannot run it. */
  static create(memory: KernelMemory, lattice: Lattice2D): AgentKernel | null {
    const kernel = bindKernel<KernelStep>(memory, AGENT_KERNEL_BASE64, CONTROL_BYTES);
    return kernel && new AgentKernel(kernel, lattice);
  }

  /**
   * Steps every agent of `pool` once, as `stepAgents` does, and returns true; or returns false, having
   * changed nothing, if the kernel cannot run this step bit for bit (an array outside its memory, e.g. after
   * the pool outgrew it; a world of another lattice; a generator other than the engine's xoshiro128**).
   */
  step(pool: AgentPool, world: AgentWorld, s: AgentStep, rng: Rng, out: AgentStepOutcome): boolean {
    if (!this.accepts(pool, world, rng)) return false;
    // Loaded every call (some 30 values), so a step whose arrays were changed in place is never stale.
    if (!this.load(s)) return false;
    const ints = this.kernel.control.ints;
    this.kernel.control.giveState(rng);
    ints.fill(0, I_KILLS, I_REMOVED + TYPES);
    const m = this.kernel.memory;
    const lattice = this.lattice;
    const count = this.kernel.step(
      pool.count,
      m.offsetOf(pool.type),
      m.offsetOf(pool.state),
      m.offsetOf(pool.site),
      m.offsetOf(pool.load),
      m.offsetOf(pool.clone),
      m.offsetOf(world.cells),
      m.offsetOf(this.edgeDistance),
      m.offsetOf(world.virus),
      m.offsetOf(world.antigen),
      m.offsetOf(world.chemokine),
      m.offsetOf(world.cytokine),
      this.kernel.control.offset,
      lattice.width,
      lattice.height,
      lattice.boundary === 'periodic' ? 1 : 0,
      s.spatial ? 1 : 0,
      lattice.size,
    );
    this.kernel.control.takeState(rng);
    pool.count = count;
    for (let t = 0; t < TYPES; t++) pool.byType[t] -= ints[I_REMOVED + t];
    out.nkKills += ints[I_KILLS];
    out.ctlKills += ints[I_KILLS + 1];
    out.dcDepartures += ints[I_KILLS + 2];
    return true;
  }

  private accepts(pool: AgentPool, world: AgentWorld, rng: Rng): boolean {
    const m = this.kernel.memory;
    return (
      KernelControl.carries(rng) &&
      world.neighbours === this.lattice.neighbours &&
      world.cells.length === this.lattice.size &&
      [pool.type, pool.state, pool.site, pool.load, pool.clone].every((a) => m.holds(a)) &&
      [world.cells, world.virus, world.antigen, world.chemokine, world.cytokine].every((a) => m.holds(a))
    );
  }

  /** Writes a step's tables and scalars into the control block; false if a value is beyond the kernel. */
  private load(s: AgentStep): boolean {
    if (s.death.length < TYPES || s.moves.length < TYPES || s.chemotaxis.length < TYPES) return false;
    // Whole moves are truncated to i32 in the kernel, as `m | 0` does only below 2^31.
    for (let t = 0; t < TYPES; t++) if (!(s.moves[t] >= 0 && s.moves[t] < 2 ** 31)) return false;
    const c = this.kernel.control.floats;
    c.set(s.death.subarray(0, TYPES), F_DEATH);
    c.set(s.moves.subarray(0, TYPES), F_MOVES);
    c.set(
      [
        s.virusLeft,
        s.activation,
        s.deactivation,
        s.cytokine,
        s.chemokine,
        s.nkKill,
        s.ctlKill,
        s.dcUptake,
        s.dcLoadKept,
        s.antigen,
      ],
      F_SCALARS,
    );
    this.kernel.control.ints.set(s.chemotaxis.subarray(0, TYPES), I_CHEMOTAXIS);
    return true;
  }
}
