import { describe, expect, it } from 'vitest';
import { createRng, DiffusionDecaySolver } from '../src/index.js';
import { DiffusionKernelWorkspace, xFloorBits } from '../src/space/diffusionKernel.js';
import { implicitStepFloat32, thomasFactors, type Float32Factors } from '../src/space/diffusionFloat32.js';
import { differingBits } from './fieldBits.js';

/**
 * Under a model's floor the kernel flushes the x sweep's subnormal values and skips the runs of its tails where
 * a subnormal repeats (diffusionKernel.wat). Both must leave every stored bit as the JavaScript float32 step
 * (which does neither) stores it. The tails are long here: rows of 300–700 sites with sources near one end and
 * D·dt of the Lung Twin's fields (chemokine 3.75, IFN 10, cytokine 222 site² per step), whose x tails fall
 * through the subnormals and, past about D·dt = 2, stick at a subnormal the sweep rounds back to itself.
 */
function stepBothWays(
  width: number,
  height: number,
  diffusion: number,
  decay: number,
  floor: number,
  amplitude: number,
  side: 0 | 1,
  seed: number,
): { javascript: Float32Array; dense: Float32Array; active: Float32Array } {
  const reference = new DiffusionDecaySolver(width, height, { diffusion, decay, floor, simd: false });
  const dense = new DiffusionDecaySolver(width, height, { diffusion, decay, floor });
  const active = new DiffusionDecaySolver(width, height, { diffusion, decay, floor, method: 'active' });
  const javascript = new Float32Array(width * height);
  const u = dense.createField();
  const v = active.createField();
  const rng = createRng(seed);
  for (let k = 0; k < 12; k++) {
    if (k < 6) {
      // Sources near one end (a long tail the other way, where the active region's columns end), in a few rows.
      for (const x0 of [2 + (width - 11) * side]) {
        const x = x0 + rng.integer(6);
        const y = (height >> 1) + rng.integer(4);
        const amount = amplitude * (0.5 + rng.uniform());
        javascript[y * width + x] += amount;
        u[y * width + x] += amount;
        v[y * width + x] += amount;
        active.include(x, y, x, y);
      }
    }
    reference.step(javascript, 10);
    dense.step(u, 10);
    active.step(v, 10);
  }
  return { javascript, dense: u, active: v };
}

describe('DiffusionDecaySolver kernel under a floor: the x sweep flushed and its constant runs skipped', () => {
  it('gives the JavaScript bits, dense and active, for the lung rates, several floors, widths and amplitudes', () => {
    let seed = 1;
    let cases = 0;
    let nonZero = 0;
    for (const [width, height] of [
      [700, 40],
      [301, 23],
      [514, 17],
    ] as const) {
      for (const diffusion of [0.375, 1, 22.2]) {
        for (const floor of [1e-9, 1e-4, 1e-30]) {
          for (const amplitude of [100 * floor, 1, 1e3]) {
            const side = (seed & 1) as 0 | 1;
            const { javascript, dense, active } = stepBothWays(
              width,
              height,
              diffusion,
              0.002,
              floor,
              amplitude,
              side,
              seed++,
            );
            const label = `${width}×${height}, D = ${diffusion}, floor ${floor}, sources ${amplitude} at side ${side}`;
            cases++;
            if (javascript.some((x) => x > 0)) nonZero++;
            expect(differingBits(dense, javascript), `dense: ${label}`).toEqual([]);
            expect(differingBits(active, javascript), `active: ${label}`).toEqual([]);
          }
        }
      }
    }
    // Not a comparison of zeros: most runs keep values (some with sources near the floor do not).
    expect(nonZero).toBeGreaterThan(cases / 2);
  });

  it('keeps an x value that changes the y sweep: just above the x floor, below a row near the floor', () => {
    // D·dt = 1, floor 1e-4: the x floor is 2^−41 (≤ 1e-4 × 2^−27 = 7.5e-13). A row of 1e-3 (5e-4 after the
    // y elimination's first factor) above a row whose x value at one column is ~4e-10: far above the x floor, and
    // several ulps of r × 5e-4 (2^−34), so it changes the sum — an x floor 2^15 times too high (r·floor·2^−12)
    // would flush it and change the bits.
    const [w, h] = [16, 3];
    const options = { diffusion: 0.1, decay: 0, floor: 1e-4 };
    const kernel = new DiffusionDecaySolver(w, h, options);
    const javascript = new DiffusionDecaySolver(w, h, { ...options, simd: false });
    const u = kernel.createField();
    u.fill(1e-3, 0, w);
    u[w + 8] = 1e-9;
    const reference = u.slice();
    kernel.step(u, 10);
    javascript.step(reference, 10);
    expect(differingBits(u, reference)).toEqual([]);
    // The value of that column in the second row differs from the one the row would get without the 1e-9.
    const without = new Float32Array(w * h).fill(1e-3, 0, w);
    javascript.step(without, 10);
    expect(u[w + 8]).not.toBe(without[w + 8]);
  });

  it('stores the 0s of an x sweep that flushes a region’s values away (the active method as the dense one)', () => {
    // D·dt = 10⁶ site²: one value of 1.5 × floor spreads over ~1000 sites at ~1e-7, below the x floor (2^−21, ~0.005
    // of the floor here), so the x sweep leaves nothing; the site's old value must still be overwritten with 0.
    const options = { diffusion: 1e5, decay: 0, floor: 1e-4 };
    const [w, h] = [2048, 8];
    const dense = new DiffusionDecaySolver(w, h, options);
    const active = new DiffusionDecaySolver(w, h, { ...options, method: 'active' });
    const u = dense.createField();
    const v = active.createField();
    u[3 * w + 1000] = 1.5e-4;
    v[3 * w + 1000] = 1.5e-4;
    active.include(1000, 3, 1000, 3);
    dense.step(u, 10);
    active.step(v, 10);
    expect(differingBits(u, v)).toEqual([]);
    expect(v[3 * w + 1000]).toBe(0);
  });

  it('starts the x sweep at the first column of the values without reading what an earlier step left in its scratch', () => {
    // IFN's D·dt (10 site²) on 400 × 20 sites, floor 1e-4, decay over a step 0.9 (as float32).
    const [w, h, r] = [400, 20, 10];
    const factorsOf = (n: number) => {
      const m = new Float64Array(n);
      const g = new Float64Array(n);
      thomasFactors(n, r, m, g);
      return [Float32Array.from(m), Float32Array.from(g)];
    };
    const [mx, gx] = factorsOf(w);
    const [my, gy] = factorsOf(h);
    const factors: Float32Factors = { r, mx, gx, my, gy };
    const f = Math.fround(0.9);
    const floor = Math.fround(1e-4);
    const workspace = DiffusionKernelWorkspace.create(w, h)!;
    const u = workspace.field;
    // First a step with large values on the left in every row (the x sweep's forward values there fill the
    // scratch, which its last group of rows leaves so)…
    u.fill(0);
    for (let y = 0; y < h; y++) u.fill(1000, y * w, y * w + 100);
    workspace.diffuse(factors, f, floor, 0, h - 1, false, Infinity, [0, w - 1]);
    // …then one whose values are all in columns 250–260: its sweep starts at column 248, and its backward tail
    // runs left of there (to column 0: ~280 columns to fall from 50 to 2^−126) over forward values that are 0.
    u.fill(0);
    for (let y = 8; y < 13; y++) u.fill(50, y * w + 250, y * w + 261);
    const reference = u.slice();
    workspace.diffuse(factors, f, floor, 0, h - 1, false, Infinity, [250, 260]);
    implicitStepFloat32(reference, w, h, factors, f, floor);
    expect(differingBits(reference, u)).toEqual([]);
    // What the kernel would have stored reading those values is not 0 (so the check above can fail).
    expect(u[10 * w + 240]).toBeGreaterThan(0);
  });

  it('flushes below the largest power of two ≤ floor and ≤ D·dt × floor × 2^−27, else below 2^−126 where D·dt × floor ≥ 2^−100, only where the decay factor and every my are at most 1', () => {
    const minNormalBits = 0x00800000;
    const bitsOf = (x: number) => new Int32Array(Float32Array.of(x).buffer)[0];
    // 10 × 1e-9 × 2^−27 = 7.45e-17 lies between 2^−54 (5.55e-17) and 2^−53 (1.11e-16).
    expect(xFloorBits(10, 1e-9, 1, true)).toBe(bitsOf(2 ** -54));
    // 1e9 × 1e-9 × 2^−27 = 7.45e-9 is above the floor 1e-9, which lies between 2^−30 and 2^−29.
    expect(xFloorBits(1e9, 1e-9, 1, true)).toBe(bitsOf(2 ** -30));
    // 2^−100 × 2^−27 is below 2^−126: the subnormals only.
    expect(xFloorBits(1, 2 ** -100, 0.5, true)).toBe(minNormalBits);
    expect(xFloorBits(1, 2 ** -100, 0.5, true)).toBe(minNormalBits);
    expect(xFloorBits(1, 2 ** -101, 1, true)).toBe(0);
    // Without a model's floor (2^−126) no D·dt below 2^26 qualifies.
    expect(xFloorBits(1e6, 2 ** -126, 1, true)).toBe(0);
    expect(xFloorBits(10, 1e-9, 1.5, true)).toBe(0);
    expect(xFloorBits(10, 1e-9, 1, false)).toBe(0);
  });

  it('flushes the x sweep’s forward recurrence below the x floor, in the kernel and in JavaScript alike', () => {
    // One row (no y sweep: what the x sweep stores is the result, flushed below the floor), the cytokine's D·dt
    // (222 site²), floor 1e-4: the x floor is 2^−33 (the largest power of two ≤ 222 × 1e-4 × 2^−27 = 1.65e-10). A
    // source of 1 at column 0 and a second of 0.01 just past the column where the first's forward tail falls
    // below 2^−33: flushed, that tail adds nothing to the second source's elimination; unflushed, r × its last
    // value (~2e-8) is some twenty ulps of 0.01 and changes the stored bits there. The reference is written out
    // here from the method's definition.
    const [w, diffusion, floor, xFloorValue] = [1000, 22.2, Math.fround(1e-4), 2 ** -33];
    const r = Math.fround(diffusion * 10);
    const m = new Float64Array(w);
    const g = new Float64Array(w);
    thomasFactors(w, diffusion * 10, m, g);
    const [mx, gx] = [Float32Array.from(m), Float32Array.from(g)];
    const fr = Math.fround;
    // Where the first source's forward tail falls below the x floor.
    let p = 0;
    let below = -1;
    for (let i = 0; i < w && below < 0; i++) {
      p = fr(fr((i === 0 ? 1 : 0) + fr(r * p)) * mx[i]);
      if (Math.abs(p) < xFloorValue) below = i;
    }
    expect(below).toBeGreaterThan(10);
    const second = below + 1;
    const source = new Float32Array(w);
    source[0] = 1;
    source[second] = 0.01;
    const reference = (flush: boolean): Float32Array => {
      const u = source.slice();
      let q = 0;
      for (let i = 0; i < w; i++) {
        q = fr(fr(u[i] + fr(r * q)) * mx[i]);
        if (flush && Math.abs(q) < xFloorValue) q = 0;
        u[i] = q;
      }
      let n = 0;
      for (let i = w - 1; i >= 0; i--) {
        n = fr(u[i] + fr(gx[i] * n));
        u[i] = Math.abs(n) < floor ? 0 : n;
      }
      return u;
    };
    const flushed = reference(true);
    // Unflushed, the second source's site differs: the check below can fail.
    expect(reference(false)[second]).not.toBe(flushed[second]);
    expect(flushed[second]).toBeGreaterThan(floor);
    for (const method of ['dense', 'active'] as const) {
      for (const simd of [true, false]) {
        const solver = new DiffusionDecaySolver(w, 1, { diffusion, decay: 0, floor, method, simd });
        const u = solver.createField();
        u.set(source);
        solver.include(0, 0, w - 1, 0);
        solver.step(u, 10);
        expect(differingBits(u, flushed), `${method}, ${simd ? 'kernel' : 'JavaScript'}`).toEqual([]);
      }
    }
    // Two such rows (a y sweep after the x sweep, and the active method's own JavaScript loop, which needs two
    // rows): every path gives the bits of the dense JavaScript step, checked above on one row.
    const twoRows = (method: 'dense' | 'active', simd: boolean): Float32Array => {
      const solver = new DiffusionDecaySolver(w, 2, { diffusion, decay: 0, floor, method, simd });
      const u = solver.createField();
      u.set(source);
      u.set(source, w);
      solver.include(0, 0, w - 1, 1);
      solver.step(u, 10);
      return u;
    };
    const dense = twoRows('dense', false);
    expect(dense[second]).toBeGreaterThan(floor);
    for (const [method, simd] of [
      ['active', false],
      ['dense', true],
      ['active', true],
    ] as const) {
      expect(differingBits(twoRows(method, simd), dense), `two rows, ${method}, simd ${simd}`).toEqual([]);
    }
  });
});
