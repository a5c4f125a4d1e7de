import { bindKernel, KernelControl, type BoundKernel, type KernelMemory, type Rng } from '@immunotwin/engine';
import {
  visitedRows,
  type Epithelium,
  type EpitheliumFields,
  type EpitheliumOutcome,
  type EpitheliumRates,
  type EpitheliumRegion,
} from './epithelium.js';
import { EPITHELIUM_KERNEL_BASE64 } from './epitheliumKernelBytes.js';

/** The kernel's exported step (epitheliumKernel.wat): byte offsets into its memory; −1 when done, else a site. */
type KernelStep = (
  cells: number,
  types: number,
  timers: number,
  debris: number,
  virions: number,
  ifn: number,
  chemokine: number,
  cytokine: number,
  ros: number,
  control: number,
  rowWidth: number,
  x0: number,
  x1: number,
  y1: number,
  row: number,
  site: number,
  width: number,
  height: number,
  track: number,
) => number;

/** Bytes of the control block (see epitheliumKernel.wat). */
const CONTROL_BYTES = 224;
/** Int32 index of the changed box, the death counts and the kind of period to draw (the generator is at 0). */
const I_CHANGED = 4;
const I_DEATHS = 8;
const I_ROS_DEATHS = 9;
const I_PERIOD = 10;
/** Float64 index of the rates and of the regeneration table. */
const F_RATES = 6;
const F_REGENERATION = 19;
/** Neighbour counts the regeneration table covers (0 … 8). */
const REGENERATION_ENTRIES = 9;

/**
 * The WebAssembly twin of {@link stepEpithelium}'s loop (epitheliumKernel.wat): on an epithelium and fields that
 * live in one {@link KernelMemory}, it steps the sites in place, bit for bit as the JavaScript loop does (same
 * order, same draws from the engine's xoshiro128** generator, same float rounding, stdlib's expm1 ported). A
 * new incubating or expressing period is drawn here, with the engine's Poisson sampler, between two calls of the
 * kernel. {@link step} declines (returns false, having changed nothing) whenever it cannot promise the same bits
 * — an array outside its memory, another generator — and the caller runs the JavaScript loop instead.
 */
export class EpitheliumKernel {
  /** The rates last written to the control block. */
  private loaded: EpitheliumRates | null = null;

  private constructor(private readonly kernel: BoundKernel<KernelStep>) {}

  /** Bytes a kernel takes in its {@link KernelMemory}. */
  static bytes(): number {
    return KernelControl.bytes(CONTROL_BYTES);
  }

  /** A kernel in `memory` ({@link bytes} of it free), or null where there is no memory or WebAssembly. */
  static create(memory: KernelMemory | null): EpitheliumKernel | null {
    const kernel = bindKernel<KernelStep>(memory, EPITHELIUM_KERNEL_BASE64, CONTROL_BYTES);
    return kernel && new EpitheliumKernel(kernel);
  }

  /**
   * One step of the epithelium, as `stepEpithelium(e, f, r, rng, out, region)` does, and true; or false, having
   * changed nothing, if the kernel cannot run it bit for bit.
   */
  step(
    e: Epithelium,
    f: EpitheliumFields,
    r: EpitheliumRates,
    rng: Rng,
    out: EpitheliumOutcome,
    region?: EpitheliumRegion,
  ): boolean {
    if (!this.accepts(e, f, rng) || r.regeneration.length !== REGENERATION_ENTRIES) return false;
    if (this.loaded !== r) this.load(r);
    const m = this.kernel.memory;
    const control = this.kernel.control;
    const ints = control.ints;
    ints[I_DEATHS] = 0;
    ints[I_ROS_DEATHS] = 0;
    if (region) ints.set(region.changed, I_CHANGED);
    const [rowWidth, x0, y0, x1, y1] = visitedRows(e.cells.length, region);
    const pointers = [e.cells, e.types, e.timers, e.debris, f.virions, f.ifn, f.chemokine, f.cytokine, f.ros].map((a) =>
      m.offsetOf(a),
    );
    const [cells, types, timers, debris, virions, ifn, chemokine, cytokine, ros] = pointers;
    control.giveState(rng);
    let row = y0;
    let site = y0 * rowWidth + x0;
    for (;;) {
      const at = this.kernel.step(
        cells,
        types,
        timers,
        debris,
        virions,
        ifn,
        chemokine,
        cytokine,
        ros,
        control.offset,
        rowWidth,
        x0,
        x1,
        y1,
        row,
        site,
        e.width,
        e.height,
        region ? 1 : 0,
      );
      if (at < 0) break;
      // A new period at `at`, drawn as the JavaScript loop draws it, then on from the next site.
      control.takeState(rng);
      e.timers[at] = rng.poisson(ints[I_PERIOD] === 0 ? r.incubationPeriod : r.expressingPeriod);
      control.giveState(rng);
      row = (at / rowWidth) | 0;
      site = at + 1;
    }
    control.takeState(rng);
    if (region) region.changed.set(ints.subarray(I_CHANGED, I_CHANGED + 4));
    out.deaths += ints[I_DEATHS];
    out.rosDeaths += ints[I_ROS_DEATHS];
    return true;
  }

  private accepts(e: Epithelium, f: EpitheliumFields, rng: Rng): boolean {
    const m = this.kernel.memory;
    return (
      KernelControl.carries(rng) &&
      [e.cells, e.types, e.timers, e.debris, f.virions, f.ifn, f.chemokine, f.cytokine, f.ros].every((a) => m.holds(a))
    );
  }

  /** Writes a step's rates and regeneration table into the control block. */
  private load(r: EpitheliumRates): void {
    this.kernel.control.floats.set(
      [
        r.minutes,
        r.infectionHazard,
        r.antiviralHazardShare,
        r.antiviralEntry,
        r.antiviralExit,
        r.ifnHalf,
        r.virions,
        r.chemokine,
        r.ifn,
        r.cytokine,
        r.rosThreshold,
        r.rosKill,
        r.rosHalf,
      ],
      F_RATES,
    );
    this.kernel.control.floats.set(r.regeneration, F_REGENERATION);
    this.loaded = r;
  }
}
