import { afterEach, describe, expect, it, vi } from 'vitest';
import { createRng, DiffusionDecaySolver, diffusionKernelAvailable, fieldTotal } from '../src/index.js';
import { DIFFUSION_KERNEL_BASE64 } from '../src/space/diffusionKernelBytes.js';

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

/** Indices where two Float32 fields differ in any bit (so −0 ≠ +0). */
function differingBits(a: Float32Array, b: Float32Array): number[] {
  const x = new Uint32Array(a.buffer, a.byteOffset, a.length);
  const y = new Uint32Array(b.buffer, b.byteOffset, b.length);
  const out: number[] = [];
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) out.push(i);
  return out;
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
];

describe('DiffusionDecaySolver: the WebAssembly SIMD kernel', () => {
  it('runs in Node (which has WebAssembly with fixed-width SIMD)', () => {
    expect(diffusionKernelAvailable()).toBe(true);
  });

  it('is small enough for browsers to compile synchronously on the main thread (≤ 4 KB)', () => {
    expect(atob(DIFFUSION_KERNEL_BASE64).length).toBeLessThanOrEqual(4096);
  });

  for (const [width, height] of sizes) {
    it(`gives bit-identical Float32 fields to the JavaScript path on ${width}×${height}`, () => {
      let seed = width * 1000 + height;
      for (const rate of [1e-3, 0.3, 3, 1e3]) {
        for (const decay of [0, 2]) {
          const kernel = new DiffusionDecaySolver(width, height, { diffusion: rate, decay });
          const reference = new DiffusionDecaySolver(width, height, { diffusion: rate, decay, simd: false });
          const u = randomField(width, height, seed++);
          const v = u.slice();
          for (const dt of [0.37, 0.37, 1, 0.01]) {
            kernel.step(u, dt);
            reference.step(v, dt);
          }
          expect(differingBits(u, v), `D = ${rate}, k = ${decay}`).toEqual([]);
        }
      }
    });
  }

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

  it('conserves the total of a Float32 field with closed edges (up to float32 rounding)', () => {
    const solver = new DiffusionDecaySolver(37, 23, { diffusion: 2.5, decay: 0 });
    const u = new Float32Array(37 * 23);
    u[11 * 37 + 18] = 1000;
    u[0] = 500;
    u[u.length - 1] = 250;
    for (let n = 0; n < 100; n++) solver.step(u, 0.37);
    expect(Math.abs(fieldTotal(u) - 1750) / 1750).toBeLessThan(1e-5);
    // The sources have spread to the edges and beyond the corners they started in.
    expect(Math.max(...u)).toBeLessThan(10);
    expect(Math.min(...u)).toBeGreaterThan(0);
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
