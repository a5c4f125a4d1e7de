import { describe, expect, it } from 'vitest';
import { createRng, DiffusionDecaySolver } from '../src/index.js';
import { xFloorBits } from '../src/space/diffusionKernel.js';
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

  it('flushes only where D·dt × floor ≥ 2^−100, the decay factor and every my are at most 1', () => {
    const minNormalBits = 0x00800000;
    expect(xFloorBits(10, 1e-9, 1, true)).toBe(minNormalBits);
    expect(xFloorBits(1, 2 ** -100, 0.5, true)).toBe(minNormalBits);
    expect(xFloorBits(1, 2 ** -101, 1, true)).toBe(0);
    // Without a model's floor (2^−126) no D·dt below 2^26 qualifies.
    expect(xFloorBits(1e6, 2 ** -126, 1, true)).toBe(0);
    expect(xFloorBits(10, 1e-9, 1.5, true)).toBe(0);
    expect(xFloorBits(10, 1e-9, 1, false)).toBe(0);
  });
});
