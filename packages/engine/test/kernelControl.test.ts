import { describe, expect, it } from 'vitest';
import { createRng, KernelControl, KernelMemory, MOORE_DIRECTIONS, type Rng } from '../src/index.js';

describe('KernelControl: the block a WebAssembly kernel and its caller share', () => {
  const memory = KernelMemory.create(65536);
  if (!memory) throw new Error('WebAssembly memory unavailable');

  it('hands a generator’s state to the kernel and takes back what the kernel left, so draws go on from there', () => {
    const control = new KernelControl(memory, 64);
    const rng = createRng(3);
    const twin = createRng(3);
    control.giveState(rng);
    // The "kernel" draws two numbers: the block's words now hold the state after them.
    const kernel = createRng(99);
    kernel.setState(new Uint32Array(control.ints.buffer, control.offset, 4).slice());
    kernel.nextUint32();
    kernel.nextUint32();
    new Uint32Array(control.ints.buffer, control.offset, 4).set(kernel.getState());
    control.takeState(rng);
    twin.nextUint32();
    twin.nextUint32();
    expect(rng.nextUint32()).toBe(twin.nextUint32());
  });

  it('writes the Moore directions where the kernel reads them, and says which generators it can carry', () => {
    const control = new KernelControl(memory, 128);
    control.writeMooreDirections(4, 12);
    expect(Array.from(control.ints.subarray(4, 12))).toEqual(MOORE_DIRECTIONS.map(([dx]) => dx));
    expect(Array.from(control.ints.subarray(12, 20))).toEqual(MOORE_DIRECTIONS.map(([, dy]) => dy));
    expect(KernelControl.carries(createRng(1))).toBe(true);
    const other = { ...createRng(1) } as unknown as Rng; // not the engine's generator
    expect(KernelControl.carries(other)).toBe(false);
  });

  it('refuses a block that is not a whole number of float64 values', () => {
    expect(() => new KernelControl(memory, 20)).toThrow(/multiple of 8, at least 16; got 20/);
  });
});
