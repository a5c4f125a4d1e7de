import { describe, expect, it } from 'vitest';
import { createRng, DiffusionDecaySolver, diffusionKernelAvailable } from '../src/index.js';
import { differingBits } from './fieldBits.js';
import { boxWhere } from './siteBoxes.js';

/**
 * The active-region method must give the dense method's bits (tiling never changes results): fields with sources
 * added at a few sites between steps, as a tissue model adds them, stepped both ways with the diffusion numbers
 * D·dt of the Lung Twin's fields (virions 0.56, chemokine 3.75, IFN 10, cytokine 222 site² per step).
 */
function runBothWays(
  width: number,
  height: number,
  diffusion: number,
  decay: number,
  floor: number | undefined,
  seed: number,
  steps: number,
  simd: boolean,
): { dense: Float32Array; active: Float32Array; region: Int32Array } {
  const dense = new DiffusionDecaySolver(width, height, { diffusion, decay, floor });
  const active = new DiffusionDecaySolver(width, height, { diffusion, decay, floor, method: 'active', simd });
  const u = dense.createField();
  // In the kernel's memory the active method steps bands of rows there; elsewhere it runs in JavaScript.
  const v = active.createField();
  const rng = createRng(seed);
  // Sources clustered in a corner patch, as foci are.
  const px = Math.floor(width / 3);
  const py = Math.floor(height / 4);
  for (let k = 0; k < steps; k++) {
    if (k < steps / 2) {
      for (let s = 0; s < 3; s++) {
        const x = px + rng.integer(5);
        const y = py + rng.integer(5);
        const amount = rng.uniform() * 1000;
        u[y * width + x] += amount;
        v[y * width + x] += amount;
        active.include(x, y, x, y);
      }
    }
    dense.step(u, 10);
    active.step(v, 10);
  }
  return { dense: u, active: v, region: Int32Array.from(active.activeRegion) };
}

describe('DiffusionDecaySolver active-region method', () => {
  const rates = [0.056, 0.375, 1, 22.2]; // site²/min: × 10 min = the lung fields' D·dt
  it('runs in the WebAssembly kernel here (the band path is tested, not only the JavaScript one)', () => {
    expect(diffusionKernelAvailable()).toBe(true);
  });
  for (const [floor, simd] of [
    [undefined, true],
    [1e-9, true],
    [1e-4, true],
    [undefined, false],
    [1e-9, false],
  ] as const) {
    it(`gives the dense bits (floor ${floor ?? 'none'}, ${simd ? 'kernel' : 'JavaScript'}) on several sizes, rates and seeds`, () => {
      for (const [w, h] of [
        [40, 30],
        [97, 61],
        [3, 200],
      ] as const) {
        for (const diffusion of rates) {
          for (const seed of [1, 2]) {
            const { dense, active } = runBothWays(w, h, diffusion, 0.01, floor, seed, 30, simd);
            expect(differingBits(dense, active)).toEqual([]);
            expect(dense.some((x) => x > 0)).toBe(true);
          }
        }
      }
    });
  }

  it('gives the dense bits as the region leaves the lattice’s left side (the kernel sweeps from its first column)', () => {
    // A patch at the left edge put once, and a source at three quarters of the width fed every step: under a floor
    // the left patch decays (or is cleared) away and the region's first column moves right, so the kernel's x
    // sweep starts further right than in earlier steps (whose values left of it it must not read again).
    for (const diffusion of rates) {
      const width = 600;
      const height = 24;
      const options = { diffusion, decay: 0.05, floor: 1e-4 };
      const dense = new DiffusionDecaySolver(width, height, options);
      const active = new DiffusionDecaySolver(width, height, { ...options, method: 'active' });
      const u = dense.createField();
      const v = active.createField();
      for (let y = 8; y < 16; y++) {
        for (let x = 0; x < 6; x++) {
          u[y * width + x] = 50;
          v[y * width + x] = 50;
        }
      }
      active.include(0, 8, 5, 15);
      const firstColumns = new Set<number>();
      for (let k = 0; k < 40; k++) {
        if (k === 10) {
          // A writer clears the left part (the region may hold more than the values): the next step's region
          // starts right of it, where the kernel's forward sweep then starts.
          for (let y = 0; y < height; y++) {
            u.fill(0, y * width, y * width + 200);
            v.fill(0, y * width, y * width + 200);
          }
        }
        u[12 * width + 450] += 100;
        v[12 * width + 450] += 100;
        active.include(450, 12, 450, 12);
        dense.step(u, 10);
        active.step(v, 10);
        expect(differingBits(u, v), `D ${diffusion}, step ${k}`).toEqual([]);
        firstColumns.add(active.activeRegion[0]);
      }
      expect(Math.max(...firstColumns), `D ${diffusion}: the region's first column moved right`).toBeGreaterThan(8);
      expect(Math.min(...firstColumns)).toBe(0);
    }
  });

  it('keeps its region around the sources under a floor, and every non-zero value inside it', () => {
    for (const simd of [true, false]) {
      const { active, region } = runBothWays(400, 400, 0.056, 0.004, 1e-6, 3, 40, simd);
      const [x0, y0, x1, y1] = region;
      // Virions (D·dt = 0.56 site²) from a 5 × 5 patch at rows 100…104: under the floor the y tails stop
      // within ~15 rows a step (a step's tail falls ~3.5× per site), so the region's rows are a small part of
      // the 400 (the kernel's band keeps whole rows; the JavaScript path also narrows the columns).
      expect(y1 - y0 + 1).toBeLessThan(100);
      for (let i = 0; i < active.length; i++) {
        if (active[i] === 0) continue;
        const x = i % 400;
        const y = Math.floor(i / 400);
        expect(x >= x0 && x <= x1 && y >= y0 && y <= y1).toBe(true);
      }
    }
  });

  it('finds in the kernel the tight boxes of the non-zero values and of those above a level, also where the tails run far past the band', () => {
    // 1000-unit sources in turn (D·dt = 222 site²: a step's tail falls ~0.935× a row, so under a 1e-9 floor it
    // reaches ~300 rows, far past the band of the region's rows and one more each side), so the kernel carries
    // the elimination on below the band and the back substitution above it, up to the lattice's edges here.
    // 63 and 97 sites a row: the kernel takes the last columns one at a time (not a whole vector); virions'
    // D·dt (0.56 site²) keeps the columns few, so the boxes' sides fall in every lane and in those last columns.
    for (const [w, diffusion] of [
      [63, 22.2],
      [64, 22.2],
      [63, 0.056],
      [97, 0.056],
    ]) {
      const h = 1500;
      const dense = new DiffusionDecaySolver(w, h, { diffusion, decay: 0.01, floor: 1e-9 });
      const active = new DiffusionDecaySolver(w, h, { diffusion, decay: 0.01, floor: 1e-9, method: 'active' });
      const u = dense.createField();
      const v = active.createField();
      // 0.05 is not a float32: the level box must hold the values above 0.05 itself, not above its float32.
      const level = 0.05;
      active.trackLevel(level);
      for (const [step, x, y] of [
        [0, 30, 700],
        [3, 5, 1400],
        [6, w - 2, 100],
      ]) {
        for (let k = 0; k < 3; k++) {
          if (k === 0) {
            u[y * w + x] += 1000;
            v[y * w + x] += 1000;
            active.include(x, y, x, y);
          }
          dense.step(u, 10);
          active.step(v, 10);
          expect(differingBits(u, v), `step ${step + k}`).toEqual([]);
          expect(Array.from(active.activeRegion), `step ${step + k}`).toEqual(boxWhere(v, w, (x) => x !== 0));
          const above = boxWhere(v, w, (x) => x > level);
          expect(above[2], 'some values are above the level').toBeGreaterThanOrEqual(0);
          expect(Array.from(active.levelRegion), `step ${step + k}`).toEqual(above);
        }
      }
    }
  });

  it('refuses a floor below the smallest normal float32 and an unknown method', () => {
    expect(() => new DiffusionDecaySolver(4, 4, { diffusion: 1, decay: 0, floor: 1e-40 })).toThrow(/floor/);
    expect(
      () => new DiffusionDecaySolver(4, 4, { diffusion: 1, decay: 0, method: 'tiles' as unknown as 'active' }),
    ).toThrow(/method/);
  });
});
