import { KernelMemory, loadWasmModule, MOORE_DIRECTIONS, Xoshiro128StarStar, type Rng } from '@immunotwin/engine';
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
const CONTROL_BYTES = 96;
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
  private readonly memory: KernelMemory;
  private readonly run: KernelStep;
  private readonly ints: Int32Array;
  private readonly rngState: Uint32Array;
  private readonly controlOffset: number;

  private constructor(memory: KernelMemory, run: KernelStep) {
    this.memory = memory;
    this.run = run;
    this.ints = memory.allocate(Int32Array, CONTROL_BYTES / 4);
    this.controlOffset = memory.offsetOf(this.ints);
    this.rngState = new Uint32Array(memory.buffer, this.controlOffset, 4);
    this.ints.set(
      MOORE_DIRECTIONS.map(([dx]) => dx),
      I_DX,
    );
    this.ints.set(
      MOORE_DIRECTIONS.map(([, dy]) => dy),
      I_DY,
    );
  }

  /** Bytes a kernel takes in its {@link KernelMemory}. */
  static bytes(): number {
    return KernelMemory.bytes(CONTROL_BYTES, 1);
  }

  /** A kernel in `memory` ({@link bytes} of it free), or null where there is no memory or WebAssembly. */
  static create(memory: KernelMemory | null): TCellKernel | null {
    if (!memory) return null;
    const kernel = loadWasmModule(T_CELL_KERNEL_BASE64);
    if (!kernel) return null;
    const { step } = memory.instantiate(kernel);
    return new TCellKernel(memory, step as KernelStep);
  }

  /**
   * Advances every T cell by `minutes` whole minutes, as `stepTCells(pool, w, rules, minutes, rng)` does, and
   * returns the cells bound; or null, having changed nothing, if the kernel cannot run it bit for bit.
   */
  step(pool: TCellPool, w: TCellWorld, rules: TCellRules, minutes: number, rng: Rng): number | null {
    if (!this.accepts(pool, w, rng) || !(Number.isInteger(minutes) && minutes >= 0 && minutes < 2 ** 31)) return null;
    const m = this.memory;
    const ints = this.ints;
    ints[I_COUNT] = pool.count;
    ints[I_KILLS] = 0;
    this.rngState.set(rng.getState());
    const pointers = [pool.site, pool.life, pool.bound, pool.occupied, w.cells, w.chemokine].map((a) => m.offsetOf(a));
    const [site, life, bound, occupied, cells, chemokine] = pointers;
    let first = 0;
    let resume = -1;
    for (;;) {
      const at = this.run(
        site,
        life,
        bound,
        occupied,
        cells,
        chemokine,
        this.controlOffset,
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
      rng.setState(this.rngState);
      w.timers[ints[I_TARGET]] = rng.poisson(rules.apoptosisPeriod);
      this.rngState.set(rng.getState());
      first = at;
      resume = ints[I_MINUTE];
    }
    rng.setState(this.rngState);
    pool.count = ints[I_COUNT];
    return ints[I_KILLS];
  }

  private accepts(pool: TCellPool, w: TCellWorld, rng: Rng): boolean {
    const m = this.memory;
    return (
      rng instanceof Xoshiro128StarStar &&
      [pool.site, pool.life, pool.bound, pool.occupied, w.cells, w.timers, w.chemokine].every((a) => m.holds(a))
    );
  }
}
