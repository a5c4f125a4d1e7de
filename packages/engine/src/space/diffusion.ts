import { flushSubnormal, implicitStepFloat32, thomasFactors, type Float32Factors } from './diffusionFloat32.js';
import { DiffusionKernelWorkspace } from './diffusionKernel.js';
import { allocateIn, type KernelMemory } from './kernelMemory.js';

/** A field stored as one value per lattice site, row-major. */
export type FieldArray = Float32Array | Float64Array;

/** How the diffusion part of a step is integrated. */
export type DiffusionScheme = 'implicit' | 'explicit';

/** Largest explicit diffusion number D·h/Δx² per sub-step (the 2D FTCS stability limit is 1/4). */
export const EXPLICIT_DIFFUSION_LIMIT = 0.2;

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
    const decayFactor = this.decay > 0 && dt > 0 ? Math.exp(-this.decay * dt) : null;
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
    if (this.simd) {
      const owner = DiffusionKernelWorkspace.owning(field);
      if (owner && owner.width === this.width && owner.height === this.height) {
        owner.diffuse(factors, f);
        return;
      }
      if (this.workspace === undefined) this.workspace = DiffusionKernelWorkspace.create(this.width, this.height);
      if (this.workspace) {
        this.workspace.field.set(field);
        this.workspace.diffuse(factors, f);
        field.set(this.workspace.field);
        return;
      }
    }
    implicitStepFloat32(field, this.width, this.height, factors, f);
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

/** Sum of a field's values (in double precision). */
export function fieldTotal(field: ArrayLike<number>): number {
  let total = 0;
  for (let i = 0; i < field.length; i++) total += field[i];
  return total;
}
