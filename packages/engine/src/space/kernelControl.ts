import type { Rng } from '../rng/types.js';
import { Xoshiro128StarStar } from '../rng/xoshiro128.js';
import { KernelMemory } from './kernelMemory.js';
import { MOORE_DIRECTIONS } from './lattice.js';
import { loadWasmModule } from './wasmModule.js';

/**
 * The control block through which a model's WebAssembly kernel and its JavaScript caller talk, allocated in the
 * kernel memory both reach: its bytes as float64 and int32 values, the first four int32 words being the engine's
 * xoshiro128** generator state, handed to the kernel before a call and taken back after it (so the kernel draws
 * the numbers the JavaScript loop would). Each kernel's source lays out the rest.
 */
export class KernelControl {
  /** The block's byte offset in the memory: the kernel's pointer to it. */
  readonly offset: number;
  /** The block as float64 values. */
  readonly floats: Float64Array;
  /** The block as int32 values (the generator state at 0–3). */
  readonly ints: Int32Array;
  private readonly state: Uint32Array;

  /** A block of `bytes` bytes (a multiple of 8) in `memory` ({@link KernelControl.bytes} of it free). */
  constructor(memory: KernelMemory, bytes: number) {
    if (!(Number.isInteger(bytes) && bytes >= 16 && bytes % 8 === 0)) {
      throw new RangeError(`KernelControl: bytes must be a multiple of 8, at least 16; got ${bytes}`);
    }
    this.floats = memory.allocate(Float64Array, bytes / 8);
    this.offset = memory.offsetOf(this.floats);
    this.ints = new Int32Array(memory.buffer, this.offset, bytes / 4);
    this.state = new Uint32Array(memory.buffer, this.offset, 4);
  }

  /** Bytes a block of `bytes` bytes takes in a {@link KernelMemory}. */
  static bytes(bytes: number): number {
    return KernelMemory.bytes(bytes, 1);
  }

  /** Whether a kernel can draw `rng`'s numbers: it is the engine's xoshiro128** (whose state the block carries). */
  static carries(rng: Rng): boolean {
    return rng instanceof Xoshiro128StarStar;
  }

  /** Writes the Moore directions' dx and dy (the engine's `MOORE_DIRECTIONS` order) at int32 indices `dx`, `dy`. */
  writeMooreDirections(dx: number, dy: number): void {
    this.ints.set(
      MOORE_DIRECTIONS.map(([x]) => x),
      dx,
    );
    this.ints.set(
      MOORE_DIRECTIONS.map(([, y]) => y),
      dy,
    );
  }

  /** Hands `rng`'s state to the kernel (before a call). */
  giveState(rng: Rng): void {
    this.state.set(rng.getState());
  }

  /** Takes back into `rng` the state the kernel left (after a call). */
  takeState(rng: Rng): void {
    rng.setState(this.state);
  }
}

/** A model's WebAssembly kernel bound to a memory: its exported `step` and a control block of its own there. */
export interface BoundKernel<Step> {
  /** The memory the kernel and its arrays live in. */
  readonly memory: KernelMemory;
  /** The kernel's exported `step`. */
  readonly step: Step;
  /** Its control block. */
  readonly control: KernelControl;
}

/**
 * The kernel compiled from `base64` bound to `memory`, with a control block of `controlBytes` bytes allocated there
 * ({@link KernelControl.bytes} of it free); null where there is no memory or this platform cannot run it.
 */
export function bindKernel<Step>(
  memory: KernelMemory | null,
  base64: string,
  controlBytes: number,
): BoundKernel<Step> | null {
  const kernel = memory ? loadWasmModule(base64) : null;
  if (!memory || !kernel) return null;
  const { step } = memory.instantiate(kernel);
  return { memory, step: step as Step, control: new KernelControl(memory, controlBytes) };
}
