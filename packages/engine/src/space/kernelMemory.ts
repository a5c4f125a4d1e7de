import type { WasmModule } from './wasmModule.js';

/** Bytes of a WebAssembly page. */
const PAGE_BYTES = 65536;
/** Pages of a 32-bit memory (4 GiB). */
const MAX_PAGES = 65536;
/** Alignment of every allocation (a SIMD vector). */
const ALIGNMENT = 16;

/** A typed-array constructor that {@link KernelMemory.allocate} can place in the memory. */
type TypedArrayConstructor<T> = {
  new (buffer: ArrayBuffer, byteOffset: number, length: number): T;
  new (length: number): T;
  readonly BYTES_PER_ELEMENT: number;
};

/**
 * A zeroed array of `length` elements: allocated in `memory` if one is given (so its kernels reach it), else a
 * plain typed array (where there is no memory, e.g. without WebAssembly).
 */
export function allocateIn<T>(
  memory: KernelMemory | null | undefined,
  type: TypedArrayConstructor<T>,
  length: number,
): T {
  return memory ? memory.allocate(type, length) : new type(length);
}

/**
 * One WebAssembly memory of fixed size (never grown, so the typed arrays it hands out are never detached)
 * from which a model allocates the arrays its WebAssembly kernels work on together: fields, lattice states,
 * agent arrays. Each allocation is a zeroed, 16-byte-aligned typed array over the memory, an ordinary
 * typed array for JavaScript; kernels instantiated on the memory ({@link instantiate}) read and write the same
 * bytes at {@link offsetOf}. Allocation only moves forward (arrays live as long as the memory). Size it up
 * front by summing {@link KernelMemory.bytes} of what it will hold.
 */
export class KernelMemory {
  /** The memory's bytes. */
  readonly buffer: ArrayBuffer;
  /** Bytes the memory holds. */
  readonly byteLength: number;
  private readonly memory: WasmMemory;
  private readonly host: WasmHost;
  private used = 0;
  /** Kernel instances on this memory, by module. */
  private readonly instances = new WeakMap<object, Record<string, unknown>>();

  private constructor(host: WasmHost, memory: WasmMemory) {
    this.host = host;
    this.memory = memory;
    this.buffer = memory.buffer;
    this.byteLength = memory.buffer.byteLength;
  }

  /**
   * A memory of at least `bytes` bytes, or null where WebAssembly is missing or the memory cannot be had
   * (then keep the arrays in plain typed arrays and step them in JavaScript).
   */
  static create(bytes: number): KernelMemory | null {
    if (!(Number.isInteger(bytes) && bytes >= 0)) {
      throw new RangeError(`KernelMemory: bytes must be an integer ≥ 0; got ${bytes}`);
    }
    const host = (globalThis as { WebAssembly?: WasmHost }).WebAssembly;
    const pages = Math.max(1, Math.ceil(bytes / PAGE_BYTES));
    if (!host || pages > MAX_PAGES) return null;
    try {
      return new KernelMemory(host, new host.Memory({ initial: pages, maximum: pages }));
    } catch {
      return null; // out of memory
    }
  }

  /** Bytes that `length` elements of `bytesPerElement` bytes take in a memory, alignment included. */
  static bytes(length: number, bytesPerElement: number): number {
    return Math.ceil((length * bytesPerElement) / ALIGNMENT) * ALIGNMENT;
  }

  /** Bytes not yet allocated. */
  get available(): number {
    return this.byteLength - this.used;
  }

  /**
   * A zeroed array of `length` elements in the memory; a RangeError naming the shortfall if it does not fit
   * (a sizing mistake of the caller).
   */
  allocate<T>(type: TypedArrayConstructor<T>, length: number): T {
    const bytes = KernelMemory.bytes(length, type.BYTES_PER_ELEMENT);
    if (!(Number.isInteger(length) && length >= 0) || bytes > this.available) {
      throw new RangeError(
        `KernelMemory: cannot allocate ${length} elements of ${type.BYTES_PER_ELEMENT} bytes (${bytes} bytes); ` +
          `${this.available} of ${this.byteLength} bytes are left`,
      );
    }
    const array = new type(this.buffer, this.used, length);
    this.used += bytes;
    return array;
  }

  /** Whether `array` is a view of this memory (so kernels on it can reach it). */
  holds(array: ArrayBufferView): boolean {
    return array.buffer === this.buffer;
  }

  /** The byte offset of `array` in the memory, which kernels take as its address (see {@link holds}). */
  offsetOf(array: ArrayBufferView): number {
    if (!this.holds(array)) throw new RangeError('KernelMemory: the array is not in this memory');
    return array.byteOffset;
  }

  /**
   * The exports of `kernel` instantiated on this memory (imported as `env.memory`), once per module and
   * memory.
   */
  instantiate(kernel: WasmModule): Record<string, unknown> {
    let exports = this.instances.get(kernel.module);
    if (!exports) {
      exports = new this.host.Instance(kernel.module, { env: { memory: this.memory } }).exports;
      this.instances.set(kernel.module, exports);
    }
    return exports;
  }
}
