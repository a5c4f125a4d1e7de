import { describe, expect, it } from 'vitest';
import { allocateIn, createRng, DiffusionDecaySolver, KernelMemory } from '../src/index.js';
import { differingBits } from './fieldBits.js';

function randomField(length: number, seed: number): Float32Array {
  const rng = createRng(seed);
  return Float32Array.from({ length }, () => rng.uniform() * 10);
}

describe('KernelMemory', () => {
  it('hands out zeroed, 16-byte-aligned, disjoint arrays over one buffer, at the offsets kernels use', () => {
    const memory = KernelMemory.create(1000);
    expect(memory).not.toBeNull();
    const m = memory!;
    expect(m.byteLength).toBe(65536); // one page
    const a = m.allocate(Uint8Array, 3);
    const b = m.allocate(Float64Array, 5);
    const c = m.allocate(Int32Array, 7);
    for (const array of [a, b, c]) {
      expect(m.holds(array)).toBe(true);
      expect(m.offsetOf(array) % 16).toBe(0);
      expect(Array.from(array).every((x) => x === 0)).toBe(true);
    }
    expect(m.offsetOf(b)).toBe(16);
    expect(m.offsetOf(c)).toBe(16 + 48);
    a.fill(255);
    b.fill(-1);
    c.fill(-1);
    expect(new Uint8Array(m.buffer, 3, 13).every((x) => x === 0)).toBe(true); // padding after a untouched
    expect(m.available).toBe(65536 - 16 - 48 - 32);
    expect(m.holds(new Uint8Array(4))).toBe(false);
    expect(() => m.offsetOf(new Uint8Array(4))).toThrow(/not in this memory/);
  });

  it('allocateIn places an array in the memory when given one, and makes a plain zeroed one otherwise', () => {
    const m = KernelMemory.create(64)!;
    const inMemory = allocateIn(m, Int32Array, 5);
    expect(m.holds(inMemory)).toBe(true);
    expect(m.offsetOf(inMemory)).toBe(0);
    for (const none of [null, undefined]) {
      const plain = allocateIn(none, Float64Array, 3);
      expect(plain).toBeInstanceOf(Float64Array);
      expect(m.holds(plain)).toBe(false);
      expect(plain.buffer.byteLength).toBe(24);
      expect(Array.from(plain)).toEqual([0, 0, 0]);
    }
  });

  it('refuses an allocation that does not fit, naming what was asked and what is left', () => {
    const m = KernelMemory.create(65536)!;
    m.allocate(Uint8Array, 65536 - 32);
    expect(() => m.allocate(Float32Array, 9)).toThrow(
      'KernelMemory: cannot allocate 9 elements of 4 bytes (48 bytes); 32 of 65536 bytes are left',
    );
    expect(() => KernelMemory.create(-1)).toThrow(/bytes must be an integer ≥ 0; got -1/);
    expect(KernelMemory.bytes(5, 4)).toBe(32);
  });
});

describe('DiffusionDecaySolver.createField in a shared KernelMemory', () => {
  it('puts fields of several solvers in one memory, stepping each in place bit for bit as JavaScript', () => {
    const [w, h] = [23, 17];
    const memory = KernelMemory.create(3 * DiffusionDecaySolver.fieldBytes(w, h) + KernelMemory.bytes(w * h, 4))!;
    const rates: [number, number][] = [
      [2, 0.5],
      [0.3, 0],
      [5, 3],
    ];
    const solvers = rates.map(([diffusion, decay]) => new DiffusionDecaySolver(w, h, { diffusion, decay }));
    const references = rates.map(
      ([diffusion, decay]) => new DiffusionDecaySolver(w, h, { diffusion, decay, simd: false }),
    );
    const fields = solvers.map((s) => s.createField(memory));
    // A plain allocation after the fields, as a model's agent arrays follow them.
    const after = memory.allocate(Float32Array, w * h);
    after.fill(7);
    fields.forEach((f, k) => f.set(randomField(w * h, k + 1)));
    const expected = fields.map((f) => f.slice());
    for (let n = 0; n < 6; n++) {
      fields.forEach((f, k) => solvers[k].step(f, 0.25));
      expected.forEach((f, k) => references[k].step(f, 0.25));
    }
    for (let k = 0; k < fields.length; k++) {
      expect(memory.holds(fields[k])).toBe(true);
      expect(differingBits(fields[k], expected[k])).toEqual([]);
    }
    expect(after.every((x) => x === 7)).toBe(true);
    expect(() => memory.allocate(Uint8Array, memory.available + 1)).toThrow(RangeError);
  });

  it('allocates the field in the memory, stepped in JavaScript, when the solver does not use the kernel', () => {
    const memory = KernelMemory.create(DiffusionDecaySolver.fieldBytes(8, 8))!;
    const solver = new DiffusionDecaySolver(8, 8, { diffusion: 1, decay: 0.2, simd: false });
    const field = solver.createField(memory);
    expect(memory.holds(field)).toBe(true);
    field.set(randomField(64, 9));
    const expected = field.slice();
    solver.step(field, 0.5);
    solver.step(expected, 0.5);
    expect(differingBits(field, expected)).toEqual([]);
  });
});
