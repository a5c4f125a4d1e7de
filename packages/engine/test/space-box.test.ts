import { describe, expect, it } from 'vitest';
import { clearBox, includeNonZero } from '../src/index.js';

/** Boxes of what is not 0 in a state read from elsewhere (a restored snapshot), where nothing tracked the writes. */
describe('includeNonZero', () => {
  it('finds the exact box of the sites that are not 0, row by row', () => {
    // A 6 × 4 lattice: not 0 at (4, 1), (1, 2) and (2, 2); the box is x 1…4, y 1…2.
    const values = new Uint8Array(24);
    values[1 * 6 + 4] = 5;
    values[2 * 6 + 1] = 1;
    values[2 * 6 + 2] = 3;
    const box = Int32Array.of(1, 1, 0, 0);
    includeNonZero(box, values, 6);
    expect(Array.from(box)).toEqual([1, 1, 4, 2]);
  });

  it('grows a box it is given, finds the lattice edges, and leaves an all-0 state empty', () => {
    const values = new Float32Array(12); // 4 × 3
    const box = Int32Array.of(1, 1, 1, 1);
    includeNonZero(box, values, 4);
    expect(Array.from(box)).toEqual([1, 1, 1, 1]);
    values[0] = -0.5; // (0, 0)
    values[11] = 1e-30; // (3, 2)
    includeNonZero(box, values, 4);
    expect(Array.from(box)).toEqual([0, 0, 3, 2]);
    clearBox(box);
    includeNonZero(box, new Float32Array(12), 4);
    expect(box[0]).toBeGreaterThan(box[2]);
  });
});
