import { bindKernel, KernelControl, type BoundKernel, type KernelMemory, type Rng } from '@immunotwin/engine';
import { INNATE, INNATE_TYPES, type InnatePool } from './innate.js';
import { INNATE_KERNEL_BASE64 } from './innateKernelBytes.js';
import { clearNeutrophilRos, nkAttack, type InnateOutcome, type InnateRules, type InnateWorld } from './innateStep.js';

/** The kernel's exported step (innateKernel.wat): byte offsets into its memory; −1 when done, else an NK cell. */
type KernelStep = (
  type: number,
  state: number,
  site: number,
  load: number,
  cells: number,
  timers: number,
  debris: number,
  virions: number,
  chemokine: number,
  cytokine: number,
  ros: number,
  control: number,
  first: number,
  width: number,
  height: number,
) => number;

/** Bytes of the control block (see innateKernel.wat). */
const CONTROL_BYTES = 400;
/** Int32 index of the pool's count, the engulfed cells, the removals by type (from type 1), the boxes and flags. */
const I_COUNT = 4;
const I_ENGULFED = 5;
const I_REMOVED = 5; // + type (1 neutrophil, 2 NK)
const I_CHEMOKINE_BOX = 8;
const I_CYTOKINE_BOX = 12;
const I_ABOVE_BOX = 16;
const I_VIRIONS_BOX = 20;
const I_CELLS_BOX = 24;
const I_REGIONS = 28;
const I_ABOVE = 29;
const I_SITES = 30;
const I_THRESHOLD = 31;
const I_ATTRACTANT = 52;
const I_WRITTEN_BOX = 86;
const I_WRITTEN = 90;
const I_DX = 70;
const I_DY = 78;
/** Float64 index of the death probabilities, mean moves, inflammatory moves, biases and the step's scalars. */
const F_DEATH = 16;
const F_MOVES = 19;
const F_INFLAMMATORY_MOVES = 22;
const F_BIAS = 23;
const F_SCALARS = 28;

/**
 * The WebAssembly twin of {@link stepInnate} (innateKernel.wat): on a pool and a world that live in one
 * {@link KernelMemory}, it steps the innate cells in place, bit for bit as the JavaScript loop does (same order,
 * same draws from the engine's xoshiro128** generator, same float rounding, the same boxes grown). An NK cell's
 * attack on an infected cell ({@link nkAttack}) runs here, in JavaScript, between two calls of the kernel.
 * {@link step} declines (returns false, having changed nothing) whenever it cannot promise the same bits — an
 * array outside its memory (e.g. after the pool outgrew its room), another generator — and the caller runs the
 * JavaScript loop instead.
 */
export class InnateKernel {
  private constructor(private readonly kernel: BoundKernel<KernelStep>) {
    kernel.control.writeMooreDirections(I_DX, I_DY);
  }

  /** Bytes a kernel takes in its {@link KernelMemory}. */
  static bytes(): number {
    return KernelControl.bytes(CONTROL_BYTES);
  }

  /** A kernel in `memory` ({@link bytes} of it free), or null where there is no memory or WebAssembly. */
  static create(memory: KernelMemory | null): InnateKernel | null {
    const kernel = bindKernel<KernelStep>(memory, INNATE_KERNEL_BASE64, CONTROL_BYTES);
    return kernel && new InnateKernel(kernel);
  }

  /**
   * Advances every innate cell by one step, as `stepInnate(pool, w, r, rng, out)` does, and returns true; or
   * returns false, having changed nothing, if the kernel cannot run it bit for bit.
   */
  step(pool: InnatePool, w: InnateWorld, r: InnateRules, rng: Rng, out: InnateOutcome): boolean {
    if (!this.accepts(pool, w, r, rng)) return false;
    this.load(w, r);
    clearNeutrophilRos(pool, w.ros);
    const control = this.kernel.control;
    const ints = control.ints;
    ints[I_COUNT] = pool.count;
    ints.fill(0, I_ENGULFED, I_REMOVED + INNATE_TYPES);
    control.giveState(rng);
    const m = this.kernel.memory;
    const pointers = [pool.type, pool.state, pool.site, pool.load, w.cells, w.timers, w.debris];
    const [type, state, site, load, cells, timers, debris] = pointers.map((a) => m.offsetOf(a));
    const [virions, chemokine, cytokine, ros] = [w.virions, w.chemokine, w.cytokine, w.ros].map((a) => m.offsetOf(a));
    let first = 0;
    for (;;) {
      const at = this.kernel.step(
        type,
        state,
        site,
        load,
        cells,
        timers,
        debris,
        virions,
        chemokine,
        cytokine,
        ros,
        control.offset,
        first,
        w.width,
        w.height,
      );
      if (at < 0) break;
      // NK cell `at` is at an infected cell: its attack, drawn as the JavaScript loop draws it; then the next cell.
      control.takeState(rng);
      nkAttack(pool.site[at], w, r, rng, out);
      control.giveState(rng);
      first = at + 1;
    }
    control.takeState(rng);
    pool.count = ints[I_COUNT];
    pool.byType[INNATE.neutrophil] -= ints[I_REMOVED + INNATE.neutrophil];
    pool.byType[INNATE.nk] -= ints[I_REMOVED + INNATE.nk];
    out.engulfedDeaths += ints[I_ENGULFED];
    const regions = w.regions;
    if (regions) {
      regions.cytokine.set(ints.subarray(I_CYTOKINE_BOX, I_CYTOKINE_BOX + 4));
      regions.cytokineAbove?.set(ints.subarray(I_ABOVE_BOX, I_ABOVE_BOX + 4));
      regions.cytokineWritten?.set(ints.subarray(I_WRITTEN_BOX, I_WRITTEN_BOX + 4));
    }
    return true;
  }

  private accepts(pool: InnatePool, w: InnateWorld, r: InnateRules, rng: Rng): boolean {
    const m = this.kernel.memory;
    const arrays = [pool.type, pool.state, pool.site, pool.load, w.cells, w.timers, w.debris];
    return (
      KernelControl.carries(rng) &&
      [...arrays, w.virions, w.chemokine, w.cytokine, w.ros, w.ifn].every((a) => m.holds(a)) &&
      [r.death, r.moves, r.bias, r.attractant].every((table) => table.length >= INNATE_TYPES) &&
      // Whole moves are truncated to i32 in the kernel.
      [...r.moves, r.inflammatoryMoves].every((mean) => mean >= 0 && mean < 2 ** 31) &&
      (w.regions === undefined || w.regions.width === w.width)
    );
  }

  /** Writes a step's rules, the section's size and the regions' boxes into the control block. */
  private load(w: InnateWorld, r: InnateRules): void {
    const c = this.kernel.control.floats;
    const ints = this.kernel.control.ints;
    c.set(r.death.subarray(0, INNATE_TYPES), F_DEATH);
    c.set(r.moves.subarray(0, INNATE_TYPES), F_MOVES);
    c[F_INFLAMMATORY_MOVES] = r.inflammatoryMoves;
    c.set(r.bias.subarray(0, INNATE_TYPES), F_BIAS);
    c.set([r.virionsLeft, r.engulf, r.activation, r.cellLoad, r.loadKept, r.cytokine, r.rosLevel], F_SCALARS);
    ints.set(r.attractant.subarray(0, INNATE_TYPES), I_ATTRACTANT);
    const sites = w.cells.length;
    ints[I_SITES] = sites;
    ints[I_THRESHOLD] = (2 ** 32 - sites) % sites;
    const regions = w.regions;
    ints[I_REGIONS] = regions ? 1 : 0;
    ints[I_ABOVE] = regions?.cytokineAbove ? 1 : 0;
    ints[I_WRITTEN] = regions?.cytokineWritten ? 1 : 0;
    // Without regions the kernel reads every site and no box.
    if (!regions) return;
    ints.set(regions.chemokine, I_CHEMOKINE_BOX);
    ints.set(regions.cytokine, I_CYTOKINE_BOX);
    if (regions.cytokineAbove) ints.set(regions.cytokineAbove, I_ABOVE_BOX);
    if (regions.cytokineWritten) ints.set(regions.cytokineWritten, I_WRITTEN_BOX);
    ints.set(regions.virions, I_VIRIONS_BOX);
    ints.set(regions.cells, I_CELLS_BOX);
  }
}
