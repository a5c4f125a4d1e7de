import { FLOAT32_MIN_NORMAL, xFloor, xFloorOf, type Float32Factors } from './diffusionFloat32.js';
import { DIFFUSION_KERNEL_BASE64 } from './diffusionKernelBytes.js';
import { KernelMemory } from './kernelMemory.js';
import { loadWasmModule } from './wasmModule.js';

/** The kernel module's exported step (diffusionKernel.wat); pointers are byte offsets into its memory. */
type Diffuse = (
  field: number,
  width: number,
  height: number,
  r: number,
  mx: number,
  gx: number,
  my: number,
  gy: number,
  scratch: number,
  decayFactor: number,
  decay: number,
  floorBits: number,
  track: number,
  level: number,
  xFloorBits: number,
  forwardFrom: number,
  leftTo: number,
  firstRow: number,
  rows: number,
) => void;

/** Whether the WebAssembly SIMD diffusion kernel runs on this platform (it is compiled on the first call). */
export function diffusionKernelAvailable(): boolean {
  return loadWasmModule(DIFFUSION_KERNEL_BASE64) !== null;
}

/** The floor as a float32 (`floorBits`) and its bits (`floorBits32`), for the kernel's integer compare. */
const floorBits = new Float32Array(1);
const floorBits32 = new Int32Array(floorBits.buffer);

/** The x floor as a float32 (`xFloorValue`) and its bits (`xFloorValueBits`), for the kernel's integer compare. */
const xFloorValue = new Float32Array(1);
const xFloorValueBits = new Int32Array(xFloorValue.buffer);

/** Workspaces by the field array they hand out ({@link DiffusionKernelWorkspace.field}). */
const owners = new WeakMap<Float32Array, DiffusionKernelWorkspace>();

/**
 * A field of a `width × height` lattice in a kernel memory with the kernel's factors and scratch area beside
 * it: either a memory of its own ({@link create}) or a {@link KernelMemory} shared with other fields and
 * kernels ({@link inMemory}). The memory is never grown, so {@link field}, a Float32Array over it, is never
 * detached. Steps run on `field` in place; a solver stepping another array copies it into `field` and back.
 */
export class DiffusionKernelWorkspace {
  /** The field in the kernel's memory. */
  readonly field: Float32Array;
  /** Sites per row. */
  readonly width: number;
  /** Rows. */
  readonly height: number;
  private readonly diffuseStep: Diffuse;
  private readonly factorView: Float32Array;
  private readonly fieldOffset: number;
  private readonly mx: number;
  private readonly scratch: number;
  /**
   * Where the kernel reports, when asked ({@link diffuse}'s `track`), the topmost and bottommost lattice rows but
   * the step's last with a value that is not 0 (words 0 and 1; −1 if none), then with a value above the level
   * (words 2 and 3), then the leftmost and rightmost columns of each (words 4 to 7; see {@link trackedColumns}),
   * then the step's last row (word 8; see {@link lastRow}).
   */
  private readonly extent: Int32Array;
  private readonly extentOffset: number;
  /** The factors now in memory (the object the solver passed), so they are copied only when they change. */
  private factors: Float32Factors | null = null;
  /** The first column from which mx and gx are constant up to column w − 2 (w if none): see diffusionKernel.wat. */
  private constantFrom = 0;

  private constructor(width: number, height: number, memory: KernelMemory, diffuseStep: Diffuse) {
    this.width = width;
    this.height = height;
    this.diffuseStep = diffuseStep;
    this.field = memory.allocate(Float32Array, width * height);
    this.factorView = memory.allocate(Float32Array, 2 * (width + height));
    this.fieldOffset = memory.offsetOf(this.field);
    this.mx = memory.offsetOf(this.factorView);
    this.scratch = memory.offsetOf(memory.allocate(Uint8Array, scratchBytes(width)));
    this.extent = memory.allocate(Int32Array, 9);
    this.extentOffset = memory.offsetOf(this.extent);
  }

  /** Bytes a workspace for a `width × height` lattice takes in a {@link KernelMemory}. */
  static bytes(width: number, height: number): number {
    return (
      KernelMemory.bytes(width * height, 4) +
      KernelMemory.bytes(2 * (width + height), 4) +
      KernelMemory.bytes(scratchBytes(width), 1) +
      KernelMemory.bytes(9, 4)
    );
  }

  /** A workspace in a memory of its own, or null where the kernel cannot run or the memory not be had. */
  static create(width: number, height: number): DiffusionKernelWorkspace | null {
    const memory = KernelMemory.create(DiffusionKernelWorkspace.bytes(width, height));
    return memory ? DiffusionKernelWorkspace.inMemory(memory, width, height) : null;
  }

  /**
   * A workspace allocated in `memory` ({@link bytes} of it), or null where the kernel cannot run (then
   * nothing is allocated).
   */
  static inMemory(memory: KernelMemory, width: number, height: number): DiffusionKernelWorkspace | null {
    const kernel = loadWasmModule(DIFFUSION_KERNEL_BASE64);
    if (!kernel) return null;
    const { diffuse } = memory.instantiate(kernel);
    return new DiffusionKernelWorkspace(width, height, memory, diffuse as Diffuse);
  }

  /** The workspace whose {@link field} `array` is, if any. */
  static owning(array: Float32Array): DiffusionKernelWorkspace | undefined {
    return owners.get(array);
  }

  /** Registers {@link field} so that {@link owning} finds this workspace from it, and returns it. */
  handOut(): Float32Array {
    owners.set(this.field, this);
    return this.field;
  }

  /**
   * One implicit diffusion step of {@link field} in place with the given float32 factors, then (if
   * `decayFactor`, a float32 value, is not null) the decay: bit for bit what `implicitStepFloat32` does with the
   * same `floor` (a float32 value ≥ 2^−126, or null for 2^−126). With rows `first`…`last` (at least two) and
   * every other row 0, it steps that band and goes on into the rows below and above while the band's last or
   * first row comes out not all 0 (the elimination, then the back substitution, carried on: diffusionKernel.wat),
   * so that it is the whole step. With `track` the kernel also finds where the rows but the step's last are not
   * 0 ({@link trackedRows}, {@link trackedColumns}) and where they are above `level`, a float32 value ≥ 0 (the
   * same with `aboveLevel`), and the step's last row ({@link lastRow}); read them once the step is done. The
   * same bits are stored either way. With `columns` [c0, c1], every value of the band outside those columns is 0
   * (the active region's box): the x sweep then starts at c0 (its chunk of four columns), skips the runs of its
   * tails where values below the x floor ({@link xFloorBits}) repeat and stores nothing where the values it would
   * store are 0 outside the box (they are 0 already), and the y sweep runs only over the columns the x sweep left
   * values that are not 0 in (diffusionKernel.wat), with the same bits.
   */
  diffuse(
    factors: Float32Factors,
    decayFactor: number | null,
    floor: number | null = null,
    first = 0,
    last = this.height - 1,
    track = false,
    level = Infinity,
    columns: readonly [number, number] = [0, this.width - 1],
  ): void {
    if (factors !== this.factors) {
      // Back to back from mx: mx, gx (width each), my, gy (height each).
      const view = this.factorView;
      view.set(factors.mx, 0);
      view.set(factors.gx, this.width);
      view.set(factors.my, 2 * this.width);
      view.set(factors.gy, 2 * this.width + this.height);
      this.factors = factors;
      this.constantFrom = constantFrom(factors.mx, factors.gx);
    }
    const w = this.width;
    const h = this.height;
    const mx = this.mx;
    floorBits[0] = floor ?? FLOAT32_MIN_NORMAL;
    xFloorValue[0] = xFloorOf(factors, decayFactor, floor);
    const xFloor = xFloorValueBits[0];
    this.diffuseStep(
      this.fieldOffset + 4 * w * first,
      w,
      last - first + 1,
      factors.r,
      mx,
      mx + 4 * w,
      mx + 8 * w + 4 * first,
      mx + 8 * w + 4 * h + 4 * first,
      this.scratch,
      decayFactor ?? 1,
      decayFactor === null ? 0 : 1,
      floorBits32[0],
      track ? this.extentOffset : 0,
      level,
      xFloor,
      4 * Math.max(columns[1] + 1, this.constantFrom),
      4 * Math.max(0, columns[0]),
      first,
      h,
    );
  }

  /**
   * After a tracked {@link diffuse}: the topmost and bottommost rows but the step's last ({@link lastRow})
   * holding a value that is not 0 (or, with `aboveLevel`, above the level) ([−1, −1] if none).
   */
  trackedRows(aboveLevel = false): [number, number] {
    const slot = aboveLevel ? 2 : 0;
    return [this.extent[slot], this.extent[slot + 1]];
  }

  /** After a tracked {@link diffuse}: the step's last row (the band's, or the one below it where it ended). */
  lastRow(): number {
    return this.extent[8];
  }

  /**
   * After a tracked {@link diffuse}: the leftmost and rightmost columns holding a value that is not 0 (or, with
   * `aboveLevel`, above the level) in the band's rows but its last ([width, −1] if none).
   */
  trackedColumns(aboveLevel = false): [number, number] {
    const slot = aboveLevel ? 6 : 4;
    return [this.extent[slot], this.extent[slot + 1]];
  }
}

/**
 * The bits of {@link xFloor}'s value, which the kernel compares magnitudes' bits with. Exported for the tests.
 */
export function xFloorBits(r: number, floor: number, decayFactor: number, myAtMostOne: boolean): number {
  xFloorValue[0] = xFloor(r, floor, decayFactor, myAtMostOne);
  return xFloorValueBits[0];
}

/** The first column from which `mx` and `gx` hold the values of column w − 2 up to it (w for fewer than 3 columns). */
function constantFrom(mx: Float32Array, gx: Float32Array): number {
  const w = mx.length;
  if (w < 3) return w;
  let k = w - 2;
  while (k > 0 && mx[k - 1] === mx[w - 2] && gx[k - 1] === gx[w - 2]) k--;
  return k;
}

/** Bytes of the kernel's scratch area for rows of `width` sites (see diffusionKernel.wat). */
function scratchBytes(width: number): number {
  return 64 * width + 128;
}
