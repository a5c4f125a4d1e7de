import { DIFFUSION_KERNEL_BASE64 } from './diffusionKernelBytes.js';

/** The kernel module's exported step (diffusionKernel.wat); pointers are byte offsets into its memory. */
type DiffuseFloat32 = (
  field: number,
  width: number,
  height: number,
  r: number,
  mx: number,
  gx: number,
  my: number,
  gy: number,
  scratch: number,
  rowBuffer: number,
  decayFactor: number,
  decay: number,
) => void;

interface KernelInstance {
  readonly memory: WasmMemory;
  readonly diffuseFloat32: DiffuseFloat32;
}

const PAGE_BYTES = 65536;

/** The one instance per JavaScript realm: undefined until first asked for, null where it cannot run. */
let shared: KernelInstance | null | undefined;

function decodeBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

function instantiate(): KernelInstance | null {
  const host = (globalThis as { WebAssembly?: WasmHost }).WebAssembly;
  if (!host) return null;
  try {
    const bytes = decodeBase64(DIFFUSION_KERNEL_BASE64);
    // False where the engine lacks fixed-width SIMD; the module is small enough (< 4 KB) for browsers to
    // compile synchronously even on the main thread.
    if (!host.validate(bytes)) return null;
    const { exports } = new host.Instance(new host.Module(bytes));
    return { memory: exports.memory as WasmMemory, diffuseFloat32: exports.diffuseFloat32 as DiffuseFloat32 };
  } catch {
    return null; // e.g. a content security policy that forbids compiling WebAssembly
  }
}

function kernel(): KernelInstance | null {
  if (shared === undefined) shared = instantiate();
  return shared;
}

/** Whether the WebAssembly SIMD diffusion kernel runs on this platform (it is compiled on the first call). */
export function diffusionKernelAvailable(): boolean {
  return kernel() !== null;
}

/**
 * One lattice's use of the shared kernel: where its factors, scratch rows and field sit in the kernel's linear
 * memory (every workspace uses the same addresses from 0, so each step copies its factors and field in and the
 * field back out), and typed-array views of them, rebuilt only when the memory has grown.
 */
export class DiffusionKernelWorkspace {
  private readonly instance: KernelInstance;
  private readonly width: number;
  private readonly height: number;
  private readonly rowBuffer: number;
  private readonly mx: number;
  private readonly gx: number;
  private readonly my: number;
  private readonly gy: number;
  private readonly field: number;
  private readonly bytes: number;
  private buffer: ArrayBuffer | null = null;
  private fieldView = new Float32Array(0);
  private factorView = new Float64Array(0);

  private constructor(instance: KernelInstance, width: number, height: number) {
    this.instance = instance;
    this.width = width;
    this.height = height;
    // Scratch (64·w bytes) from 0, then the row buffer, the factors and the field.
    this.rowBuffer = 64 * width;
    this.mx = this.rowBuffer + 8 * width;
    this.gx = this.mx + 8 * width;
    this.my = this.gx + 8 * width;
    this.gy = this.my + 8 * height;
    this.field = this.gy + 8 * height;
    this.bytes = this.field + 4 * width * height;
  }

  /** A workspace for a `width × height` lattice, or null where the kernel cannot run. */
  static create(width: number, height: number): DiffusionKernelWorkspace | null {
    const instance = kernel();
    return instance ? new DiffusionKernelWorkspace(instance, width, height) : null;
  }

  /**
   * One implicit diffusion step of D·dt = `r` on `field` in place, from the Thomas factors of the x and y
   * sweeps, then (if `decayFactor` is not null) the decay multiplication by it: the same result, bit for bit,
   * as the JavaScript implicit step followed by its decay loop. Returns false, leaving `field` untouched, if
   * the kernel's memory cannot grow to hold this lattice.
   */
  diffuse(
    field: Float32Array,
    r: number,
    mx: Float64Array,
    gx: Float64Array,
    my: Float64Array,
    gy: Float64Array,
    decayFactor: number | null,
  ): boolean {
    if (!this.bind()) return false;
    // The factors sit back to back from mx: mx, gx (width each), my, gy (height each).
    const factors = this.factorView;
    factors.set(mx, 0);
    factors.set(gx, this.width);
    factors.set(my, 2 * this.width);
    factors.set(gy, 2 * this.width + this.height);
    this.fieldView.set(field);
    this.instance.diffuseFloat32(
      this.field,
      this.width,
      this.height,
      r,
      this.mx,
      this.gx,
      this.my,
      this.gy,
      0,
      this.rowBuffer,
      decayFactor ?? 1,
      decayFactor === null ? 0 : 1,
    );
    field.set(this.fieldView);
    return true;
  }

  /**
   * Grows the shared memory to fit this lattice if needed (false if it cannot), and re-creates the views if
   * the memory has moved.
   */
  private bind(): boolean {
    const memory = this.instance.memory;
    const missing = this.bytes - memory.buffer.byteLength;
    if (missing > 0) {
      try {
        memory.grow(Math.ceil(missing / PAGE_BYTES));
      } catch {
        return false; // beyond the 4 GiB of a 32-bit memory, or out of memory
      }
    }
    if (memory.buffer === this.buffer) return true;
    this.buffer = memory.buffer;
    this.fieldView = new Float32Array(this.buffer, this.field, this.width * this.height);
    this.factorView = new Float64Array(this.buffer, this.mx, 2 * (this.width + this.height));
    return true;
  }
}
