import { describe, expect, it } from 'vitest';
import {
  encodeTissueFrame,
  parseTissue,
  TISSUE_BUNDLE_VERSION,
  typedArrayToBase64,
  type TissueJson,
  type TissueView,
} from '../src/index.js';
import { tissueSection } from './fixtures/tissueSection.js';

function bundleOf(v: TissueView): TissueJson {
  return {
    version: TISSUE_BUNDLE_VERSION,
    model: 'lung',
    title: 'Lung Twin',
    timeUnit: 'day',
    width: v.width,
    height: v.height,
    siteSize: v.siteSize,
    cellStates: [...v.cellStates],
    agentTypes: [],
    field: null,
    frames: [encodeTissueFrame(v, 1, undefined)],
  };
}

/** Whether two large arrays hold the same values (toEqual is slow on millions of values). */
function same(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

describe('cell states as runs in a tissue bundle (version 3)', () => {
  it('store a 3000² section with one dead focus in 30 kB instead of 12 MB of base64, and read it back exactly', () => {
    // A dead disc of radius 200 sites at the centre: its 399 rows each cut one healthy run in three, so the
    // section is 1 + 2 · 399 = 799 runs (a code byte and a 4-byte length each: 3995 bytes).
    const v = tissueSection(3000, (x, y) => ((x - 1500) ** 2 + (y - 1500) ** 2 < 200 ** 2 ? 2 : 0));
    const cells = bundleOf(v).frames[0].cells as { codes: string; lengths: string };
    expect(cells.codes.length).toBe(Math.ceil(799 / 3) * 4);
    expect(cells.lengths.length).toBe(Math.ceil((799 * 4) / 3) * 4);
    expect(JSON.stringify(bundleOf(v)).length).toBeLessThan(30_000);
    const frame = parseTissue(JSON.stringify(bundleOf(v))).frames[0];
    expect(same(frame.cells, v.cells)).toBe(true);
    // With the counts by state summed over the runs (the legend's numbers, not counted again over 9 M sites).
    let dead = 0;
    for (let i = 0; i < v.cells.length; i++) if (v.cells[i] === 2) dead++;
    expect(dead).toBeGreaterThan(125_000); // π · 200² ≈ 125 664
    expect(frame.cellCounts).toEqual([9_000_000 - dead, 0, dead]);
  });

  it('store the states per site where runs would take more bytes (a checkerboard), and read them back', () => {
    const v = tissueSection(40, (x, y) => (x + y) % 2);
    const cells = bundleOf(v).frames[0].cells;
    expect(cells).toBe(typedArrayToBase64(v.cells));
    expect(parseTissue(bundleOf(v)).frames[0].cells).toEqual(v.cells);
    expect(parseTissue(bundleOf(v)).frames[0].cellCounts).toBeUndefined(); // the view counts these itself
  });

  it('read back every state exactly, runs across rows and at the ends included', () => {
    let state = 5;
    const random = () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    // Long runs of random length and state: runs are smaller, and some run over a row's end.
    let left = 0;
    let code = 0;
    const v = tissueSection(97, () => {
      if (left-- <= 0) [left, code] = [Math.floor(random() * 300), Math.floor(random() * 3)];
      return code;
    });
    expect(typeof bundleOf(v).frames[0].cells).toBe('object');
    expect(parseTissue(bundleOf(v)).frames[0].cells).toEqual(v.cells);
  });
});
