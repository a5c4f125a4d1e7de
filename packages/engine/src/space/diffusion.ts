import { exp } from '../math/portableMath.js';
import {
  boxIsEmpty,
  clearBox,
  fullBox,
  implicitStepFloat32Active,
  includeInBox,
  type SiteBox,
} from './diffusionActive.js';
import {
  FLOAT32_MIN_NORMAL,
  flushSubnormal,
  implicitStepFloat32,
  thomasFactors,
  type Float32Factors,
} from './diffusionFloat32.js';
import { DiffusionKernelWorkspace } from './diffusionKernel.js';
import { allocateIn, type KernelMemory } from './kernelMemory.js';

/** A field stored as one value per lattice site, row-major. */
export type FieldArray = Float32Array | Float64Array;

/** How the diffusion part of a step is integrated. */
export type DiffusionScheme = 'implicit' | 'explicit';

/** Largest explicit diffusion number D·h/Δx² per sub-step (the 2D FTCS stability limit is 1/4). */
export const EXPLICIT_DIFFUSION_LIMIT = 0.2;

/**
 * How implicit Float32 steps visit the lattice: `dense` every site (in the WebAssembly kernel where it runs);
 * `active` only the field's active region ({@link DiffusionDecaySolver.activeRegion}), in JavaScript. Both give
 * the same bits.
 */
export type DiffusionMethod = 'dense' | 'active';

/** Settings of a {@link DiffusionDecaySolver}. */
export interface DiffusionDecayOptions {
  /** Diffusion coefficient in site² per time unit (D/Δx² in physical units), ≥ 0. */
  readonly diffusion: number;
  /** First-order decay rate per time unit, ≥ 0. */
  readonly decay: number;
  /**
   * `implicit` (default): locally one-dimensional backward Euler (an x sweep, then a y sweep, each a
   * tridiagonal solve): unconditionally stable, positivity-preserving, any step size. `explicit`: forward
   * Euler 5-point stencil in as many sub-steps as keep D·h ≤ {@link EXPLICIT_DIFFUSION_LIMIT}.
   */
  readonly scheme?: DiffusionScheme;
  /**
   * Whether implicit steps of Float32Array fields may run in the WebAssembly SIMD kernel where the platform
   * has it (default true). Its results are bit-identical to the JavaScript float32 implementation, which runs
   * otherwise (false forces it, e.g. to compare the two).
   */
  readonly simd?: boolean;
  /**
   * A floor for implicit Float32 steps: every value either sweep stores below it in magnitude becomes 0 (a
   * model's stated assumption that such amounts are nothing), ≥ 2^−126. Without one (default) only the y
   * sweep flushes, and only subnormals: the exact step. Floored steps run in JavaScript.
   */
  readonly floor?: number;
  /** `dense` (default) or `active`; see {@link DiffusionMethod}. */
  readonly method?: DiffusionMethod;
}

/**
 * Advances a diffusing, decaying field `∂u/∂t = D∇²u − k·u` on a `width × height` lattice of unit spacing
 * with closed (zero-flux) edges, so diffusion conserves the field's total exactly (up to rounding) and decay
 * multiplies it by e^(−k·dt). The two parts are split, which is exact here because both operators are linear
 * with constant coefficients and commute; the decay part is the exact exponential. Works in place on
 * Float32Array or Float64Array fields; no allocation per step. Implicit steps of Float32Array fields compute in
 * float32 arithmetic (factors rounded once to float32, every operation rounded to float32): in a WebAssembly
 * SIMD kernel (diffusionKernel.wat) where the platform has one, else in JavaScript (diffusionFloat32.ts), bit
 * for bit the same. Float64Array fields and explicit steps compute in float64. Fields from
 * {@link DiffusionDecaySolver.createField} live in the kernel's memory and step without copies; other
 * Float32Arrays are copied in and out.
 */
export class DiffusionDecaySolver {
  /** Sites per row. */
  readonly width: number;
  /** Rows. */
  readonly height: number;
  private diffusion: number;
  private decay: number;
  private readonly scheme: DiffusionScheme;
  private cachedR = NaN;
  private mx: Float64Array;
  private gx: Float64Array;
  private my: Float64Array;
  private gy: Float64Array;
  private scratch: Float64Array | null = null;
  /** The float32 factors of {@link cachedR} (a new object whenever they change). */
  private factors32: Float32Factors | null = null;
  /** Whether Float32 implicit steps may use the kernel (the `simd` option). */
  private readonly simd: boolean;
  /**
   * The kernel workspace that foreign Float32Arrays are copied through: undefined until the first such step,
   * null if the kernel is not used.
   */
  private workspace: DiffusionKernelWorkspace | null | undefined;
  private readonly floor: number | null;
  private readonly method: DiffusionMethod;
  /** The active region of the field this solver steps (the whole lattice until a step has found it). */
  private readonly box: SiteBox;
  /** The float32 threshold of {@link trackLevel} (values above it are those above the level), or null. */
  private level: number | null = null;
  /** Holds every site whose value is above the tracked level ({@link levelRegion}). */
  private readonly aboveBox: SiteBox;

  constructor(width: number, height: number, options: DiffusionDecayOptions) {
    if (!Number.isInteger(width) || width < 1 || !Number.isInteger(height) || height < 1) {
      throw new RangeError(`DiffusionDecaySolver: width and height must be positive integers; got ${width}×${height}`);
    }
    this.width = width;
    this.height = height;
    this.scheme = options.scheme ?? 'implicit';
    if (this.scheme !== 'implicit' && this.scheme !== 'explicit') {
      throw new RangeError(`DiffusionDecaySolver: scheme must be "implicit" or "explicit"; got ${String(this.scheme)}`);
    }
    this.diffusion = 0;
    this.decay = 0;
    this.setRates(options.diffusion, options.decay);
    this.mx = new Float64Array(width);
    this.gx = new Float64Array(width);
    this.my = new Float64Array(height);
    this.gy = new Float64Array(height);
    this.simd = options.simd !== false;
    if (!this.simd) this.workspace = null;
    const floor = options.floor;
    if (floor !== undefined && !(floor >= FLOAT32_MIN_NORMAL && Number.isFinite(floor))) {
      throw new RangeError(`DiffusionDecaySolver: floor must be a finite number ≥ 2^−126; got ${floor}`);
    }
    this.floor = floor ?? null;
    this.method = options.method ?? 'dense';
    if (this.method !== 'dense' && this.method !== 'active') {
      throw new RangeError(`DiffusionDecaySolver: method must be "dense" or "active"; got ${String(this.method)}`);
    }
    this.box = fullBox(width, height);
    this.aboveBox = fullBox(width, height);
  }

  /**
   * The active region `[x0, y0, x1, y1]` (inclusive) of the field this solver steps with the `active` method:
   * after a step it holds every site whose value is not 0. Whoever writes to the field between steps must grow
   * it over what they wrote ({@link include}, or `includeInBox`/`includeSite` on this box in a hot loop); a
   * restored or foreign field needs {@link includeAll}. Never shrink it by hand.
   */
  get activeRegion(): SiteBox {
    return this.box;
  }

  /**
   * Grows the active region (and the {@link levelRegion}) over the rectangle x0…x1 × y0…y1 (inclusive), where
   * values were written.
   */
  include(x0: number, y0: number, x1: number, y1: number): void {
    includeInBox(this.box, x0, y0, x1, y1);
    includeInBox(this.aboveBox, x0, y0, x1, y1);
  }

  /** Makes the active region and the {@link levelRegion} the whole lattice (after writes anywhere, e.g. a restore). */
  includeAll(): void {
    this.box.set(fullBox(this.width, this.height));
    this.aboveBox.set(fullBox(this.width, this.height));
  }

  /**
   * Asks the active method's steps in the kernel to find, as they store the values, where the field is above
   * `level` (≥ 0): the {@link levelRegion}, for a reader that only looks at such sites (e.g. recruitment above a
   * signal's threshold). Costs a little in the kernel; the same bits are stored.
   */
  trackLevel(level: number): void {
    if (!(level >= 0) || !Number.isFinite(level)) {
      throw new RangeError(`DiffusionDecaySolver: level must be a finite number ≥ 0; got ${level}`);
    }
    this.level = float32AtMost(level);
  }

  /**
   * A box holding every site whose value is above the level given to {@link trackLevel}: after an active step
   * in the kernel the box of those sites, after any other step the whole lattice. Whoever writes to the field
   * between steps grows it over what they wrote ({@link include} does; or `includeInBox`/`includeSite` on it).
   */
  get levelRegion(): SiteBox {
    return this.aboveBox;
  }

  /**
   * A zeroed Float32Array of width·height sites for this solver's fields. Where the kernel runs (and `simd` is
   * not false) it lives in a WebAssembly memory beside the kernel's factors and scratch area, and implicit
   * steps run on it in place with no copies: a memory of its own of fixed size, or `memory`, a
   * {@link KernelMemory} shared with other fields and kernels (allocate {@link fieldBytes} in it per field).
   * Where the kernel does not run it is a plain Float32Array, or one allocated in `memory` if given (so other
   * kernels on that memory still reach it). Either way it is an ordinary Float32Array for reading and writing,
   * never detached, and any solver of the same width and height can step it.
   */
  createField(memory?: KernelMemory | null): Float32Array {
    const { width, height } = this;
    const workspace = !this.simd
      ? null
      : memory
        ? DiffusionKernelWorkspace.inMemory(memory, width, height)
        : DiffusionKernelWorkspace.create(width, height);
    return workspace ? workspace.handOut() : allocateIn(memory, Float32Array, width * height);
  }

  /** Bytes that one field from {@link createField} takes in a {@link KernelMemory} of a `width × height` lattice. */
  static fieldBytes(width: number, height: number): number {
    return DiffusionKernelWorkspace.bytes(width, height);
  }

  /** Changes the diffusion coefficient (site²/time) and decay rate (1/time), e.g. under an intervention. */
  setRates(diffusion: number, decay: number): void {
    if (!(diffusion >= 0) || !Number.isFinite(diffusion)) {
      throw new RangeError(`DiffusionDecaySolver: diffusion must be a finite number ≥ 0; got ${diffusion}`);
    }
    if (!(decay >= 0) || !Number.isFinite(decay)) {
      throw new RangeError(`DiffusionDecaySolver: decay must be a finite number ≥ 0; got ${decay}`);
    }
    if (diffusion !== this.diffusion) this.cachedR = NaN;
    this.diffusion = diffusion;
    this.decay = decay;
  }

  /** Advances `field` (length width·height) by `dt` ≥ 0 in place. */
  step(field: FieldArray, dt: number): void {
    if (field.length !== this.width * this.height) {
      throw new RangeError(
        `DiffusionDecaySolver: field has ${field.length} sites; expected ${this.width * this.height}`,
      );
    }
    if (!(dt >= 0)) throw new RangeError(`DiffusionDecaySolver: dt must be ≥ 0; got ${dt}`);
    const r = this.diffusion * dt;
    const decayFactor = this.decay > 0 && dt > 0 ? exp(-this.decay * dt) : null;
    // Only the active method's band steps find where the field is above the level; the others say "anywhere".
    this.aboveBox.set(fullBox(this.width, this.height));
    if (r > 0 && this.scheme === 'implicit' && field instanceof Float32Array) {
      this.implicitStepFloat32(field, r, decayFactor === null ? null : Math.fround(decayFactor));
      return;
    }
    if (r > 0) {
      if (this.scheme === 'implicit') this.implicitStep(field, r);
      else this.explicitSteps(field, r);
    }
    if (decayFactor !== null) {
      if (field instanceof Float32Array) {
        // In float32 arithmetic with subnormals flushed, as the float32 implicit step decays.
        const f = Math.fround(decayFactor);
        for (let i = 0; i < field.length; i++) field[i] = flushSubnormal(Math.fround(field[i] * f));
      } else {
        for (let i = 0; i < field.length; i++) field[i] *= decayFactor;
      }
    }
    if (r > 0) this.includeAll(); // steps other than the implicit float32 one do not track the active region
  }

  /** Recomputes the x and y sweeps' factors if D·dt has changed since they were last computed. */
  private refactor(r: number): void {
    if (r === this.cachedR) return;
    thomasFactors(this.width, r, this.mx, this.gx);
    thomasFactors(this.height, r, this.my, this.gy);
    this.cachedR = r;
    this.factors32 = null;
  }

  /** The float32 factors of D·dt = `r` (rounded once from the float64 ones). */
  private float32Factors(r: number): Float32Factors {
    this.refactor(r);
    if (!this.factors32) {
      this.factors32 = {
        r: Math.fround(r),
        mx: Float32Array.from(this.mx),
        gx: Float32Array.from(this.gx),
        my: Float32Array.from(this.my),
        gy: Float32Array.from(this.gy),
      };
    }
    return this.factors32;
  }

  /**
   * An implicit step of a Float32 field in float32 arithmetic, then its decay by the float32 factor `f`: in
   * place in the kernel if the field lives in a kernel memory, through this solver's workspace (copies in and
   * out) otherwise, or in JavaScript where the kernel is not used.
   */
  private implicitStepFloat32(field: Float32Array, r: number, f: number | null): void {
    const factors = this.float32Factors(r);
    const floor = this.floor === null ? null : Math.fround(this.floor);
    if (this.simd) {
      const owner = DiffusionKernelWorkspace.owning(field);
      if (owner && owner.width === this.width && owner.height === this.height) {
        if (this.method === 'active' && this.width > 1 && this.height > 1) this.bandStep(owner, factors, f, floor);
        else owner.diffuse(factors, f, floor);
        return;
      }
    }
    if (this.method === 'active' && this.width > 1 && this.height > 1) {
      implicitStepFloat32Active(field, this.width, this.height, factors, f, floor, this.box);
      return;
    }
    if (this.simd) {
      if (this.workspace === undefined) this.workspace = DiffusionKernelWorkspace.create(this.width, this.height);
      if (this.workspace) {
        this.workspace.field.set(field);
        this.workspace.diffuse(factors, f, floor);
        field.set(this.workspace.field);
        return;
      }
    }
    implicitStepFloat32(field, this.width, this.height, factors, f, floor);
  }

  /**
   * The active method in the kernel: the step of the band of the active region's rows and one more on each
   * side (a band has at least two rows). The rows outside it are 0, so the kernel needs no x sweep there and
   * carries the y sweep on past the band's ends while its rows there come out not all 0 (its tails), which makes
   * the band's step the whole step's bits. The region becomes the box of the values that are not 0, which the
   * kernel finds as it stores them (rows, and a mask of the columns).
   */
  private bandStep(
    owner: DiffusionKernelWorkspace,
    factors: Float32Factors,
    f: number | null,
    floor: number | null,
  ): void {
    const b = this.box;
    if (boxIsEmpty(b)) {
      clearBox(this.aboveBox); // all 0: stays 0, above no level ≥ 0
      return;
    }
    const u = owner.field;
    const w = this.width;
    const first = Math.max(0, b[1] - 1);
    const last = Math.min(this.height - 1, b[3] + 1);
    const level = this.level ?? Infinity;
    owner.diffuse(factors, f, floor, first, last, true, level, [b[0], b[2]]);
    const end = owner.lastRow();
    const [top, bottom] = owner.trackedRows();
    trackedBox(b, top, bottom, owner.trackedColumns(), u, w, end, null);
    if (boxIsEmpty(b)) {
      clearBox(this.aboveBox);
      return;
    }
    if (this.level !== null) {
      const [above0, above1] = owner.trackedRows(true);
      trackedBox(this.aboveBox, above0, above1, owner.trackedColumns(true), u, w, end, level);
    }
  }

  private implicitStep(u: FieldArray, r: number): void {
    const w = this.width;
    const h = this.height;
    this.refactor(r);
    const mx = this.mx;
    const gx = this.gx;
    if (w > 1) {
      for (let row = 0; row < h; row++) {
        const o = row * w;
        let prev = u[o] * mx[0];
        u[o] = prev;
        for (let i = 1; i < w; i++) {
          prev = (u[o + i] + r * prev) * mx[i];
          u[o + i] = prev;
        }
        let next = u[o + w - 1];
        for (let i = w - 2; i >= 0; i--) {
          next = u[o + i] + gx[i] * next;
          u[o + i] = next;
        }
      }
    }
    if (h > 1) {
      // The y sweep runs over whole rows at a time so memory is read contiguously.
      const my = this.my;
      const gy = this.gy;
      const m0 = my[0];
      for (let i = 0; i < w; i++) u[i] *= m0;
      for (let row = 1; row < h; row++) {
        const o = row * w;
        const p = o - w;
        const m = my[row];
        for (let i = 0; i < w; i++) u[o + i] = (u[o + i] + r * u[p + i]) * m;
      }
      for (let row = h - 2; row >= 0; row--) {
        const o = row * w;
        const n = o + w;
        const g = gy[row];
        for (let i = 0; i < w; i++) u[o + i] += g * u[n + i];
      }
    }
  }

  private explicitSteps(u: FieldArray, r: number): void {
    const steps = Math.ceil(r / EXPLICIT_DIFFUSION_LIMIT);
    const a = r / steps;
    const w = this.width;
    const h = this.height;
    const n = w * h;
    if (!this.scratch || this.scratch.length !== n) this.scratch = new Float64Array(n);
    const s = this.scratch;
    for (let k = 0; k < steps; k++) {
      for (let y = 0; y < h; y++) {
        const o = y * w;
        const up = y > 0 ? o - w : o;
        const down = y < h - 1 ? o + w : o;
        for (let x = 0; x < w; x++) {
          const c = u[o + x];
          const left = x > 0 ? u[o + x - 1] : c;
          const right = x < w - 1 ? u[o + x + 1] : c;
          s[o + x] = c + a * (left + right + u[up + x] + u[down + x] - 4 * c);
        }
      }
      for (let i = 0; i < n; i++) u[i] = s[i];
    }
  }
}

/**
 * Sets `box` to the box of a tracked band step's sites that are not 0 (`level` null) or above `level`: rows `top`…
 * `bottom` (−1: none) and `columns`, found by the kernel over the band's rows but its last, and the sites of row
 * `last`, read here.
 */
function trackedBox(
  box: SiteBox,
  top: number,
  bottom: number,
  columns: readonly [number, number],
  u: Float32Array,
  w: number,
  last: number,
  level: number | null,
): void {
  clearBox(box);
  if (top >= 0) includeInBox(box, columns[0], top, columns[1], bottom);
  const o = last * w;
  for (let i = 0; i < w; i++) {
    const v = u[o + i];
    if (level === null ? v !== 0 : v > level) includeInBox(box, i, last, i, last);
  }
}

/** Bits of a float32, to step to the next float32 down. */
const levelFloat = new Float32Array(1);
const levelBits = new Int32Array(levelFloat.buffer);

/**
 * The largest float32 at most `x` (≥ 0): a float32 value v is above `x` exactly when it is above this one (if it
 * is below x, the next float32 up is at least x).
 */
function float32AtMost(x: number): number {
  levelFloat[0] = x;
  if (levelFloat[0] > x) levelBits[0] -= 1; // x ≥ 0, so its float32 is ≥ 0 and one bit pattern down is the next float down
  return levelFloat[0];
}

/** Sum of a field's values (in double precision). */
export function fieldTotal(field: ArrayLike<number>): number {
  let total = 0;
  for (let i = 0; i < field.length; i++) total += field[i];
  return total;
}
