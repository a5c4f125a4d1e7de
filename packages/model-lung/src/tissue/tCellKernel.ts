import { bindKernel, KernelControl, type BoundKernel, type KernelMemory, type Rng } from '@immunotwin/engine';
import type { TCellPool, TCellRules, TCellWorld } from './tCells.js';
import { T_CELL_KERNEL_BASE64 } from './tCellKernelBytes.js';

/** The kernel's exported step (tCellKernel.wat): byte offsets into its memory; −1 when done, else a T cell. */
type KernelStep = (
  site: number,
  life: number,
  bound: number,
  occupied: number,
  cells: number,
  chemokine: number,
  control: number,
  first: number,
  resume: number,
  minutes: number,
  width: number,
  height: number,
  moveRate: number,
  chemotaxis: number,
  bindingPeriod: number,
) => number;

/** Bytes of the control block (see tCellKernel.wat). */
const CONTROL_BYTES = 128;
/** Int32 index of the pool's count, the kills, a binding's minute and site, and the directions' dx and dy. */
const I_COUNT = 4;
const I_KILLS = 5;
const I_MINUTE = 6;
const I_TARGET = 7;
const I_DX = 8;
const I_DY = 16;

/**
 * The WebAssembly twin of {@link stepTCells} (tCellKernel.wat): on a pool and a world that live in one
 * {@link KernelMemory}, it steps the T cells in place, bit for bit as the JavaScript loop does (same order, same
 * draws from the engine's xoshiro128** generator, same float32 countdowns). A bound cell's apoptosis period is
 * drawn here, with the engine's Poisson sampler, between two calls of the kernel. {@link step} declines (returns
 * null, having changed nothing) whenever it cannot promise the same bits — an array outside its memory, another
 * generator — and the caller runs the JavaScript loop instead.
 */
export class TCellKernel {
  private constructor(private readonly kernel: BoundKernel<KernelStep>) {
    kernel.control.writeMooreDirections(I_DX, I_DY);
  }

  /** Bytes a kernel takes in its {@link KernelMemory}. */
  static bytes(): number {
    return KernelControl.bytes(CONTROL_BYTES);
  }

  /** A kernel in `memory` ({@link bytes} of it free), or null where there is no memory or WebAssembly. */
  static create(memory: KernelMemory | null): TCellKernel | null {
    const kernel = bindKernel<KernelStep>(memory, T_CELL_KERNEL_BASE64, CONTROL_BYTES);
    return kernel && new TCellKernel(kernel);
  }

  /**
   * Advances every T cell by `minutes` whole minutes, as `stepTCells(pool, w, rules, minutes, rng)` does, and
   * returns the cells bound; or null, having changed nothing, if the kernel cannot run it bit for bit.
   */
  step(pool: TCellPool, w: TCellWorld, rules: TCellRules, minutes: number, rng: Rng): number | null {
    if (!this.accepts(pool, w, rng) || !(Number.isInteger(minutes) && minutes >= 0 && minutes < 2 ** 31)) return null;
    const m = this.kernel.memory;
    const control = this.kernel.control;
    const ints = control.ints;
    ints[I_COUNT] = pool.count;
    ints[I_KILLS] = 0;
    control.giveState(rng);
    const pointers = [pool.site, pool.life, pool.bound, pool.occupied, w.cells, w.chemokine].map((a) => m.offsetOf(a));
    const [site, life, bound, occupied, cells, chemokine] = pointers;
    let first = 0;
    let resume = -1;
    for (;;) {
      const at = this.kernel.step(
        site,
        life,
        bound,
        occupied,
        cells,
        chemokine,
        control.offset,
        first,
        resume,
        minutes,
        w.width,
        w.height,
        rules.moveRate,
        rules.chemotaxis,
        rules.bindingPeriod,
      );
      if (at < 0) break;
      // T cell `at` bound a cell: its apoptosis period, drawn as the JavaScript loop draws it; then on from there.
      control.takeState(rng);
      w.timers[ints[I_TARGET]] = rng.poisson(rules.apoptosisPeriod);
      control.giveState(rng);
      first = at;
      resume = ints[I_MINUTE];
    }
    control.takeState(rng);
    pool.count = ints[I_COUNT];
    return ints[I_KILLS];
  }

  private accepts(pool: TCellPool, w: TCellWorld, rng: Rng): boolean {
    const m = this.kernel.memory;
    return (
      KernelControl.carries(rng) &&
      [pool.site, pool.life, pool.bound, pool.occupied, w.cells, w.timers, w.chemokine].every((a) => m.holds(a))
    );
  }
}
