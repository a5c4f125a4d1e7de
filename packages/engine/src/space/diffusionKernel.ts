import type { Float32Factors } from './diffusionFloat32.js';
import { DIFFUSION_KERNEL_BASE64 } from './diffusionKernelBytes.js';

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
) => void;

const PAGE_BYTES = 65536;
/** Pages of a 32-bit memory (4 GiB). */
const MAX_PAGES = 65536;

/** The compiled module, once per JavaScript realm: undefined until first asked for, null where it cannot run. */
let compiled: { host: WasmHost; module: object } | null | undefined;

function decodeBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

function compile(): { host: WasmHost; module: object } | null {
  const host = (globalThis as { WebAssembly?: WasmHost }).WebAssembly;
  if (!host) return null;
  try {
    const bytes = decodeBase64(DIFFUSION_KERNEL_BASE64);
    // False where the engine lacks fixed-width SIMD; the module is small enough (< 4 KB) for browsers to
    // compile synchronously even on the main thread.
    if (!host.validate(bytes)) return null;
    return { host, module: new host.Module(bytes) };
  } catch {
    return null; // e.g. a content security policy that forbids compiling WebAssembly
  }
}

function kernelModule(): { host: WasmHost; module: object } | null {
  if (compiled === undefined) compiled = compile();
  return compiled;
}

/** Whether the WebAssembly SIMD diffusion kernel runs on this platform (it is compiled on the first call). */
export function diffusionKernelAvailable(): boolean {
  return kernelModule() !== null;
}

/** Workspaces by the field array they hand out ({@link DiffusionKernelWorkspace.field}). */
const owners = new WeakMap<Float32Array, DiffusionKernelWorkspace>();

/**
 * One instance of the kernel with its own memory, sized once for a `width × height` lattice and never grown,
 * so {@link field}, a Float32Array over the memory, is never detached. The memory holds the field from byte
 * 0, then the float32 factors and the scratch area. Steps run on `field` in place; a solver stepping another
 * array copies it into `field` and back.
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
  private readonly mx: number;
  private readonly scratch: number;
  /** The factors now in memory (the object the solver passed), so they are copied only when they change. */
  private factors: Float32Factors | null = null;

  private constructor(width: number, height: number, memory: WasmMemory, diffuseStep: Diffuse) {
    this.width = width;
    this.height = height;
    this.diffuseStep = diffuseStep;
    this.mx = 4 * width * height;
    this.scratch = alignTo16(this.mx + 8 * (width + height));
    this.field = new Float32Array(memory.buffer, 0, width * height);
    this.factorView = new Float32Array(memory.buffer, this.mx, 2 * (width + height));
  }

  /** A workspace for a `width × height` lattice, or null where the kernel cannot run or the memory not be had. */
  static create(width: number, height: number): DiffusionKernelWorkspace | null {
    const kernel = kernelModule();
    if (!kernel) return null;
    const bytes = alignTo16(4 * width * height + 8 * (width + height)) + 64 * width + 128;
    const pages = Math.ceil(bytes / PAGE_BYTES);
    if (pages > MAX_PAGES) return null;
    try {
      const memory = new kernel.host.Memory({ initial: pages, maximum: pages });
      const { exports } = new kernel.host.Instance(kernel.module, { env: { memory } });
      return new DiffusionKernelWorkspace(width, height, memory, exports.diffuse as Diffuse);
    } catch {
      return null; // out of memory
    }
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
   * `decayFactor`, a float32 value, is not null) the decay: bit for bit what `implicitStepFloat32` does.
   */
  diffuse(factors: Float32Factors, decayFactor: number | null): void {
    if (factors !== this.factors) {
      // Back to back from mx: mx, gx (width each), my, gy (height each).
      const view = this.factorView;
      view.set(factors.mx, 0);
      view.set(factors.gx, this.width);
      view.set(factors.my, 2 * this.width);
      view.set(factors.gy, 2 * this.width + this.height);
      this.factors = factors;
    }
    const w = this.width;
    const h = this.height;
    const mx = this.mx;
    this.diffuseStep(
      0,
      w,
      h,
      factors.r,
      mx,
      mx + 4 * w,
      mx + 8 * w,
      mx + 8 * w + 4 * h,
      this.scratch,
      decayFactor ?? 1,
      decayFactor === null ? 0 : 1,
    );
  }
}

function alignTo16(bytes: number): number {
  return Math.ceil(bytes / 16) * 16;
}
