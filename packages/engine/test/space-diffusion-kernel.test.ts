import { afterEach, describe, expect, it, vi } from 'vitest';
import { createRng, DiffusionDecaySolver, diffusionKernelAvailable, fieldTotal } from '../src/index.js';
import { DIFFUSION_KERNEL_BASE64 } from '../src/space/diffusionKernelBytes.js';
import { differingBits } from './fieldBits.js';

/** A Float32 field of mixed magnitudes: mostly O(1), some zeros, some tiny (float32 subnormal) and negative values. */
function randomField(width: number, height: number, seed: number): Float32Array {
  const rng = createRng(seed);
  return Float32Array.from({ length: width * height }, () => {
    const kind = rng.uniform();
    if (kind < 0.1) return 0;
    if (kind < 0.2) return rng.uniform() * 1e-39;
    if (kind < 0.25) return -rng.uniform();
    return rng.uniform() * 100;
  });
}

const sizes: ReadonlyArray<readonly [number, number]> = [
  [1, 1],
  [1, 9],
  [9, 1],
  [2, 2],
  [3, 5],
  [5, 3],
  [7, 16],
  [16, 7],
  [17, 9],
  [33, 21],
  [64, 64],
  [65, 31],
  [2, 40],
  [1, 37],
  [37, 1],
  [512, 6],
  [6, 512],
];

/** The three ways a Float32 field can step: the kernel on a foreign array (copies), on its own field, JS. */
function stepAllWays(width: number, height: number, diffusion: number, decay: number, u0: Float32Array, dts: number[]) {
  const kernel = new DiffusionDecaySolver(width, height, { diffusion, decay });
  const reference = new DiffusionDecaySolver(width, height, { diffusion, decay, simd: false });
  const copied = u0.slice();
  const own = kernel.createField();
  own.set(u0);
  const javascript = u0.slice();
  for (const dt of dts) {
    kernel.step(copied, dt);
    kernel.step(own, dt);
    reference.step(javascript, dt);
  }
  return { copied, own, javascript };
}

/** Number of subnormal (nonzero, below 2^−126 in magnitude) values. */
function subnormals(u: Float32Array): number {
  let n = 0;
  for (const x of u) if (x !== 0 && Math.abs(x) < 2 ** -126) n++;
  return n;
}

/** Bound on the relative rounding of one float32 operation. */
const UNIT = 2 ** -24;

describe('DiffusionDecaySolver: the WebAssembly SIMD kernel', () => {
  it('runs in Node (which has WebAssembly with fixed-width SIMD)', () => {
    expect(diffusionKernelAvailable()).toBe(true);
  });

  it('stays small (≤ 8 KB), for browsers that compile it synchronously, even on the main thread', () => {
    // Chromium 156 (the end-to-end tests') compiles modules of 100 KB synchronously on the main thread (checked);
    // older Chromium refused more than 4 KB there, and then loadWasmModule gives null and the JavaScript path
    // runs instead, with the same bits. In workers, where the twins run, there is no such limit.
    expect(atob(DIFFUSION_KERNEL_BASE64).length).toBeLessThanOrEqual(8192);
  });

  for (const [width, height] of sizes) {
    it(`gives bit-identical Float32 fields to the JavaScript float32 path on ${width}×${height}`, () => {
      let seed = width * 1000 + height;
      for (const rate of [1e-3, 0.3, 3, 1e3]) {
        for (const decay of [0, 2]) {
          const { copied, own, javascript } = stepAllWays(
            width,
            height,
            rate,
            decay,
            randomField(width, height, seed++),
            [0.37, 0.37, 1, 0.01],
          );
          expect(differingBits(copied, javascript), `copied, D = ${rate}, k = ${decay}`).toEqual([]);
          expect(differingBits(own, javascript), `own field, D = ${rate}, k = ${decay}`).toEqual([]);
          expect(subnormals(javascript)).toBe(0);
        }
      }
    });
  }

  it('stays bit-identical where values fall through the subnormal range (tails of tiny sources)', () => {
    // A source of 1e-30 spreads into tails that pass below 2^−126 within a few sites: the y sweep flushes what
    // it stores to zero, the x sweep does not. A path that flushed the x sweep's values too would differ here.
    for (const [width, height] of [
      [64, 64],
      [65, 31],
      [7, 130],
      [130, 7],
      [1, 200],
      [200, 1],
    ] as const) {
      for (const rate of [1e-3, 3, 1e3]) {
        for (const decay of [0, 40]) {
          for (const amplitude of [1e-30, -1e-33, 1e-36, 1]) {
            const u0 = new Float32Array(width * height);
            u0[(height >> 1) * width + (width >> 1)] = amplitude;
            u0[0] = 3 * amplitude;
            const { copied, own, javascript } = stepAllWays(width, height, rate, decay, u0, [0.5, 0.5, 0.5, 0.5]);
            const label = `${width}×${height}, D = ${rate}, k = ${decay}, source ${amplitude}`;
            expect(differingBits(copied, javascript), label).toEqual([]);
            expect(differingBits(own, javascript), label).toEqual([]);
            expect(subnormals(javascript), label).toBe(0);
          }
        }
      }
    }
  });

  it('stays bit-identical when rates change between steps and solvers of different sizes share the kernel', () => {
    const shapes = [
      [40, 24],
      [7, 130],
      [3, 3],
    ] as const;
    const pairs = shapes.map(([w, h], k) => {
      const u = randomField(w, h, 50 + k);
      return {
        kernel: new DiffusionDecaySolver(w, h, { diffusion: 1, decay: 0.5 }),
        reference: new DiffusionDecaySolver(w, h, { diffusion: 1, decay: 0.5, simd: false }),
        u,
        v: u.slice(),
      };
    });
    for (let n = 0; n < 12; n++) {
      for (const p of pairs) {
        if (n === 6) {
          p.kernel.setRates(4, 0);
          p.reference.setRates(4, 0);
        }
        p.kernel.step(p.u, 0.25 + n / 10);
        p.reference.step(p.v, 0.25 + n / 10);
      }
    }
    for (const p of pairs) expect(differingBits(p.u, p.v)).toEqual([]);
  });

  for (const simd of [true, false]) {
    it(`conserves the total of a Float32 field with closed edges up to float32 rounding (simd: ${simd})`, () => {
      const solver = new DiffusionDecaySolver(37, 23, { diffusion: 2.5, decay: 0, simd });
      const u = solver.createField();
      u[11 * 37 + 18] = 1000;
      u[0] = 500;
      u[u.length - 1] = 250;
      const steps = 100;
      for (let n = 0; n < steps; n++) solver.step(u, 0.37);
      // Each step changes the total only by rounding: per site at most ~10 float32 roundings of relative size
      // ≤ 2^−24 (2 forward, 2 backward per sweep, plus the factors' own rounding to float32, which perturbs the
      // matrix's column sums by a few units in the last place), so |Δtotal| ≤ steps·12·2^−24·Σ|u|.
      expect(Math.abs(fieldTotal(u) - 1750) / 1750).toBeLessThan(steps * 12 * UNIT);
      expect(Math.max(...u)).toBeLessThan(10);
      expect(Math.min(...u)).toBeGreaterThan(0);
    });
  }

  it('agrees with the float64 path within 1e-5 of the field maximum', () => {
    // The implicit step's matrix inverse is non-negative with unit row sums, so it does not amplify errors in
    // the max norm: each step adds at most ~12 roundings of 2^−24 of the maximum (6e-7), 10 steps ≤ 1e-5.
    for (const [width, height, rate, decay] of [
      [40, 24, 0.3, 0],
      [33, 21, 3, 2],
      [65, 31, 1e3, 0.5],
      [64, 64, 1e-3, 1],
    ] as const) {
      const solver32 = new DiffusionDecaySolver(width, height, { diffusion: rate, decay });
      const solver64 = new DiffusionDecaySolver(width, height, { diffusion: rate, decay });
      const u = randomField(width, height, width + height);
      const v = Float64Array.from(u);
      for (let n = 0; n < 10; n++) {
        solver32.step(u, 0.4);
        solver64.step(v, 0.4);
      }
      let max = 0;
      let error = 0;
      for (let i = 0; i < u.length; i++) {
        max = Math.max(max, Math.abs(v[i]));
        error = Math.max(error, Math.abs(u[i] - v[i]));
      }
      expect(error / max, `${width}×${height}, D = ${rate}, k = ${decay}`).toBeLessThan(1e-5);
    }
  });
});

describe('DiffusionDecaySolver.createField', () => {
  it('hands out zeroed fields in memories of their own that later fields never detach', () => {
    const solver = new DiffusionDecaySolver(48, 40, { diffusion: 2, decay: 0.3 });
    const reference = new DiffusionDecaySolver(48, 40, { diffusion: 2, decay: 0.3, simd: false });
    const first = solver.createField();
    expect(first).toBeInstanceOf(Float32Array);
    expect(first.length).toBe(48 * 40);
    expect(first.every((x) => x === 0)).toBe(true);
    first.set(randomField(48, 40, 3));
    const copy = first.slice();
    // Many more fields, some large, from this and other solvers: no memory is ever grown, so `first` stays usable.
    const others = [solver.createField(), new DiffusionDecaySolver(700, 300, { diffusion: 1, decay: 0 }).createField()];
    for (let k = 0; k < 20; k++)
      others.push(new DiffusionDecaySolver(64 + k, 33, { diffusion: 1, decay: 0 }).createField());
    expect(new Set([first, ...others].map((f) => f.buffer)).size).toBe(others.length + 1);
    for (let n = 0; n < 5; n++) {
      solver.step(first, 0.3);
      reference.step(copy, 0.3);
      for (const other of others.slice(0, 2)) {
        other.fill(1);
        if (other.length === first.length) solver.step(other, 0.3);
      }
    }
    expect(first.byteLength).toBe(48 * 40 * 4);
    expect(differingBits(first, copy)).toEqual([]);
  });

  it('steps a field from another solver of the same shape in place, and one of another shape by copying', () => {
    const a = new DiffusionDecaySolver(20, 12, { diffusion: 1.5, decay: 0 });
    const b = new DiffusionDecaySolver(20, 12, { diffusion: 0.5, decay: 1 });
    const c = new DiffusionDecaySolver(12, 20, { diffusion: 0.5, decay: 1 });
    const reference = new DiffusionDecaySolver(20, 12, { diffusion: 0.5, decay: 1, simd: false });
    const referenceC = new DiffusionDecaySolver(12, 20, { diffusion: 0.5, decay: 1, simd: false });
    const field = a.createField();
    field.set(randomField(20, 12, 9));
    const expected = field.slice();
    const expectedC = field.slice();
    const onC = field.slice();
    for (let n = 0; n < 4; n++) {
      a.step(field, 0.2); // a's factors in the field's memory …
      reference.setRates(1.5, 0);
      reference.step(expected, 0.2);
      b.step(field, 0.2); // … replaced by b's
      reference.setRates(0.5, 1);
      reference.step(expected, 0.2);
      c.step(onC, 0.2);
      referenceC.step(expectedC, 0.2);
    }
    expect(differingBits(field, expected)).toEqual([]);
    expect(differingBits(onC, expectedC)).toEqual([]);
    // A 12×20 solver given the 20×12 field's own array steps it through its copy path: same bits as JS.
    const transposed = field.slice();
    c.step(field, 0.2);
    referenceC.step(transposed, 0.2);
    expect(differingBits(field, transposed)).toEqual([]);
  });

  it('gives plain Float32Arrays where the kernel is not used', () => {
    const field = new DiffusionDecaySolver(5, 4, { diffusion: 1, decay: 0, simd: false }).createField();
    expect(field).toBeInstanceOf(Float32Array);
    expect(field.buffer.byteLength).toBe(5 * 4 * 4);
  });
});

describe('DiffusionDecaySolver without WebAssembly', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.resetModules();
  });

  it('falls back to the JavaScript path with the same results', async () => {
    const u = randomField(19, 11, 7);
    const v = u.slice();
    new DiffusionDecaySolver(19, 11, { diffusion: 3, decay: 1 }).step(u, 0.5);
    vi.stubGlobal('WebAssembly', undefined);
    vi.resetModules();
    const fresh = await import('../src/index.js');
    expect(fresh.diffusionKernelAvailable()).toBe(false);
    new fresh.DiffusionDecaySolver(19, 11, { diffusion: 3, decay: 1 }).step(v, 0.5);
    expect(differingBits(u, v)).toEqual([]);
  });
});
