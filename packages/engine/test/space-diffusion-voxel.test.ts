import { describe, expect, it } from 'vitest';
import { createRng, DiffusionDecaySolver, KernelMemory, VoxelDiffusionDecaySolver } from '../src/index.js';
import { differingBits } from './fieldBits.js';

/** The Lung Twin's cytokine: D·dt = 222 site² per 10-min step (555.56 µm²/min on 5-µm sites), decay 0.0102 /min. */
const CYTOKINE = { diffusion: 22.2222, decay: 0.0102 };

/** Sum of a field's values in float64. */
function total(field: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < field.length; i++) sum += field[i];
  return sum;
}

/**
 * Steps a voxel field `steps` times with sources added at a few sites of a patch between steps (reported with
 * `include`, as a tissue model reports its writes), the same sources whatever the method; returns the field.
 */
function runWithSources(
  solver: VoxelDiffusionDecaySolver,
  field: Float32Array,
  seed: number,
  steps: number,
): Float32Array {
  const rng = createRng(seed);
  const { width, height } = solver;
  for (let k = 0; k < steps; k++) {
    if (k < steps / 2) {
      for (let s = 0; s < 3; s++) {
        const x = Math.floor(width / 3) + rng.integer(7);
        const y = Math.floor(height / 4) + rng.integer(7);
        field[y * width + x] += rng.uniform() * 1000;
        solver.include(x, y, x, y);
      }
    }
    solver.step(field, 10);
  }
  return field;
}

describe('VoxelDiffusionDecaySolver', () => {
  it('keeps the total of what was added, less its decay, and reads each site between its four nearest voxels', () => {
    const solver = new VoxelDiffusionDecaySolver(40, 40, 4, CYTOKINE);
    const field = solver.createField();
    field[13 * 40 + 21] = 100;
    solver.include(21, 13, 21, 13);
    for (let k = 0; k < 5; k++) solver.step(field, 10);
    const voxels = solver.voxelValues;
    // Diffusion keeps the total (closed edges); decay takes e^(−k·50 min). Float32 rounding: ~1e-6 relative.
    const kept = 100 * Math.exp(-0.0102 * 50);
    expect((16 * total(voxels)) / kept).toBeCloseTo(1, 5);
    // Bilinear reading conserves the total too (each voxel's weights over the sites sum to its 16 sites).
    expect(total(field) / kept).toBeCloseTo(1, 5);
    // Site (9, 22): its centre is 1/8 of a voxel left of voxel (2, 5)'s centre and 1/8 below it: between
    // voxel rows 5 and 6 (weights 7/8, 1/8), then voxel columns 2 and 1 (the same weights).
    const at = (bx: number, by: number): number => voxels[by * 10 + bx];
    const between = (bx: number): number => (7 / 8) * at(bx, 5) + (1 / 8) * at(bx, 6);
    expect(field[22 * 40 + 9]).toBe(Math.fround((7 / 8) * between(2) + (1 / 8) * between(1)));
    // A corner site reads its corner voxel alone (no voxel beyond it).
    expect(field[0]).toBe(at(0, 0));
    // It spread: the source's site holds far less than the 100 spread over its voxel's 16 sites.
    expect(field[13 * 40 + 21]).toBeLessThan(100 / 16 / 2);
  });

  it('follows the field on sites for a smooth field (the cytokine on 20-µm voxels against 5-µm sites)', () => {
    // A Gaussian hill 30 sites wide on a 240² section, 10 steps of 10 min. The voxels see the same hill, so the two
    // solutions differ by the coarser grid's discretisation error, O(voxel²·u''): for a hill 30 sites wide and
    // 4-site voxels a few per cent of the peak at most. 3 % is that bound; with the diffusion not rescaled to
    // voxel units (D instead of D/16) the voxels' hill would spread 4× too far and miss it by tens of per cent.
    const side = 240;
    const hill = (x: number, y: number): number => 10 * Math.exp(-((x - 120) ** 2 + (y - 100) ** 2) / (2 * 30 ** 2));
    const sites = new DiffusionDecaySolver(side, side, CYTOKINE);
    const fine = sites.createField();
    const voxels = new VoxelDiffusionDecaySolver(side, side, 4, CYTOKINE);
    const coarse = voxels.createField();
    for (let y = 0; y < side; y++) {
      for (let x = 0; x < side; x++) {
        fine[y * side + x] = hill(x, y);
        coarse[y * side + x] = hill(x, y);
      }
    }
    voxels.includeAll();
    for (let k = 0; k < 10; k++) {
      sites.step(fine, 10);
      voxels.step(coarse, 10);
    }
    let peak = 0;
    let worst = 0;
    for (let i = 0; i < fine.length; i++) {
      peak = Math.max(peak, fine[i]);
      worst = Math.max(worst, Math.abs(fine[i] - coarse[i]));
    }
    expect(worst / peak).toBeLessThan(0.03);
    expect(total(coarse) / total(fine)).toBeCloseTo(1, 4);
  });

  it('gives the dense method’s bits with the active method, on sides that are and are not multiples of the voxel', () => {
    for (const [width, height, voxel] of [
      [120, 96, 4],
      [101, 77, 4],
      [64, 50, 3],
      [1600, 1440, 4],
    ] as const) {
      for (const floor of [undefined, 1e-9]) {
        const options = { ...CYTOKINE, floor };
        const dense = new VoxelDiffusionDecaySolver(width, height, voxel, options);
        const active = new VoxelDiffusionDecaySolver(width, height, voxel, { ...options, method: 'active' });
        const memory = KernelMemory.create(VoxelDiffusionDecaySolver.fieldBytes(width, height, voxel));
        const u = runWithSources(dense, dense.createField(), 5, 24);
        const v = runWithSources(active, active.createField(memory), 5, 24);
        expect(differingBits(u, v), `${width}×${height}, voxel ${voxel}, floor ${floor}`).toEqual([]);
        expect(total(u)).toBeGreaterThan(0);
        if (width === 1600 && floor) {
          // The large section with a floor: the active region grew from the sources and stayed inside it.
          const [x0, y0, x1, y1] = active.activeRegion;
          expect((x1 - x0 + 1) * (y1 - y0 + 1)).toBeLessThan((width * height) / 2);
          expect(x1).toBeGreaterThan(x0);
        }
      }
    }
  });

  it('clears the sites of voxels that emptied when the active region shrinks, as the dense method does', () => {
    // Fast decay (0.1 /min: ×0.37 per step): once the sources stop, the region shrinks to nothing within 20 steps.
    const options = { diffusion: 2, decay: 0.1, floor: 1e-9 };
    const dense = new VoxelDiffusionDecaySolver(400, 400, 4, options);
    const active = new VoxelDiffusionDecaySolver(400, 400, 4, { ...options, method: 'active' });
    const u = dense.createField();
    const v = active.createField();
    let widest = 0;
    const rng = createRng(11);
    for (let k = 0; k < 40; k++) {
      if (k < 10) {
        const [x, y] = [150 + rng.integer(20), 180 + rng.integer(20)];
        u[y * 400 + x] += 1e4;
        v[y * 400 + x] += 1e4;
        active.include(x, y, x, y);
      }
      dense.step(u, 10);
      active.step(v, 10);
      widest = Math.max(widest, active.activeRegion[2] - active.activeRegion[0] + 1);
      expect(differingBits(u, v), `step ${k}`).toEqual([]);
    }
    expect(widest).toBeGreaterThan(40);
    expect(active.activeRegion[2] - active.activeRegion[0] + 1).toBeLessThan(widest / 2);
  });

  it('gathers only what was written: a write not reported to the active method is not gathered', () => {
    // The contract the model keeps (writers grow the written region): shown by breaking it.
    const active = new VoxelDiffusionDecaySolver(64, 64, 4, { ...CYTOKINE, method: 'active' });
    const field = active.createField();
    field[10 * 64 + 10] = 50;
    active.include(10, 10, 10, 10);
    active.step(field, 10);
    const before = total(field);
    field[40 * 64 + 40] += 30; // not reported
    active.step(field, 10);
    // The 30 was overwritten by its voxel's value, not gathered: only the decay of what was there.
    expect(total(field) / (before * Math.exp(-0.102))).toBeCloseTo(1, 5);
  });

  it('keeps the voxels’ total where the last voxels reach past the edge, and restores from its sites', () => {
    // 30 sites: voxels of 4 cover 32, so the last column and row of voxels hold 2 sites of their 4 across.
    const solver = new VoxelDiffusionDecaySolver(30, 30, 4, { diffusion: 5, decay: 0 });
    const field = solver.createField();
    field[29 * 30 + 29] = 64; // in the corner voxel, which holds 2 × 2 of its 16 sites
    solver.include(29, 29, 29, 29);
    solver.step(field, 10);
    // The corner voxel's value is 64/16 (the amount over the whole voxel); the voxels' total is 64.
    expect(solver.voxelValues[63]).toBeLessThan(64 / 16);
    expect(16 * total(solver.voxelValues)).toBeCloseTo(64, 3);
    for (let k = 0; k < 3; k++) solver.step(field, 10);
    // A restore: a fresh solver given the same sites and voxels continues with the same bits.
    const restored = new VoxelDiffusionDecaySolver(30, 30, 4, { diffusion: 5, decay: 0 });
    const copy = restored.createField();
    copy.set(field);
    restored.restoreVoxels(solver.voxelValues.slice());
    for (let k = 0; k < 3; k++) {
      field[5 * 30 + 7] += 1;
      copy[5 * 30 + 7] += 1;
      solver.include(7, 5, 7, 5);
      restored.include(7, 5, 7, 5);
      solver.step(field, 10);
      restored.step(copy, 10);
    }
    expect(differingBits(field, copy)).toEqual([]);
  });

  it('says what is wrong with its arguments', () => {
    expect(() => new VoxelDiffusionDecaySolver(10, 10, 0, CYTOKINE)).toThrow(/voxel must be a positive integer/);
    expect(() => new VoxelDiffusionDecaySolver(10, 10, 2.5, CYTOKINE)).toThrow(/voxel must be a positive integer/);
    const solver = new VoxelDiffusionDecaySolver(10, 10, 2, CYTOKINE);
    solver.createField();
    expect(() => solver.createField()).toThrow(/createField may be called once/);
    expect(() => solver.step(new Float32Array(100), 10)).toThrow(/step the field this solver created/);
    expect(() => solver.restoreVoxels(new Float32Array(3))).toThrow(/3 voxel values; expected 25/);
  });
});
