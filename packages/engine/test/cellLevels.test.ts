import { describe, expect, it } from 'vitest';
import { cellLevels, pictureTissue, severityRanks, tissueCounts, type CellLevel } from '../src/index.js';

const LUNG = ['healthy', 'incubating', 'expressing', 'apoptotic', 'dead', 'antiviral'];

/**
 * Each block's most severe rank, found the long way: every site goes to the block the shader looks it up in
 * (min(site >> level, side − 1)); -1 for a block no site maps to.
 */
function blockMaxima(cells: Uint8Array, width: number, height: number, level: CellLevel, l: number, ranks: Uint8Array) {
  const { width: w, height: h } = level;
  const best = new Int16Array(w * h).fill(-1);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const block = Math.min(y >> l, h - 1) * w + Math.min(x >> l, w - 1);
      best[block] = Math.max(best[block], ranks[cells[y * width + x]]);
    }
  }
  return [...best];
}

describe('severity of cell states', () => {
  it('ranks the Lung Twin’s and the immune twin’s states healthy < antiviral < incubating < expressing < apoptotic < dead', () => {
    expect([...severityRanks(LUNG).slice(0, 6)]).toEqual([0, 2, 3, 4, 5, 1]);
    expect([...severityRanks(['healthy', 'eclipse', 'productive', 'dead', 'antiviral']).slice(0, 5)]).toEqual([
      0, 2, 3, 5, 1,
    ]);
  });

  it('ranks by code when a model names a state otherwise', () => {
    expect([...severityRanks(['dead', 'alive']).slice(0, 3)]).toEqual([0, 1, 2]);
  });
});

describe('levels of detail of the cell states', () => {
  const ranks = severityRanks(LUNG);

  it('keep the most severe state of each 2 × 2 block, down to one value', () => {
    // 4 × 4: one expressing site (2) among healthy (0) top left; antiviral (5) and dead (4) top right;
    // incubating (1) bottom left; healthy bottom right.
    const cells = Uint8Array.from([0, 0, 5, 5, 0, 2, 4, 0, 1, 1, 0, 0, 1, 0, 0, 0]);
    const levels = cellLevels(cells, 4, 4, ranks);
    expect(levels.map((l) => [l.width, l.height])).toEqual([
      [4, 4],
      [2, 2],
      [1, 1],
    ]);
    expect([...levels[1].cells]).toEqual([2, 4, 1, 0]);
    expect([...levels[2].cells]).toEqual([4]);
  });

  it('have the sides of WebGL mipmap levels, the last block of an odd side taking three sites', () => {
    // 5 × 3 → 2 × 1 → 1 × 1. Block 1 of level 1 spans columns 2–4 and rows 0–2: the dead site at (4, 2) is in it.
    const cells = new Uint8Array(15);
    cells[2 * 5 + 4] = 4;
    const levels = cellLevels(cells, 5, 3, ranks);
    expect(levels.map((l) => [l.width, l.height])).toEqual([
      [5, 3],
      [2, 1],
      [1, 1],
    ]);
    expect([...levels[1].cells]).toEqual([0, 4]);
  });

  it('give each block exactly the most severe state of the sites that map to it (the shader’s min(site >> level, side − 1))', () => {
    for (const [width, height, seed] of [
      [37, 23, 1],
      [64, 64, 2],
      [3, 50, 3],
    ]) {
      let state = seed;
      const random = () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
      // Mostly healthy, a few sites of every other state: what a section looks like.
      const cells = Uint8Array.from({ length: width * height }, () => (random() < 0.9 ? 0 : Math.floor(random() * 6)));
      const levels = cellLevels(cells, width, height, ranks);
      for (let l = 1; l < levels.length; l++) {
        const ranked = [...levels[l].cells].map((code) => ranks[code]);
        expect(ranked).toEqual(blockMaxima(cells, width, height, levels[l], l, ranks));
      }
    }
  });
});

describe('a live picture (pictureTissue)', () => {
  it('comes with the levels of detail of its cells from level 1 down to 1 × 1, so a view only uploads them', () => {
    // 6 × 5 → 3 × 2 → 1 × 1: an apoptotic site (3) at (5, 4) and an incubating one (1) at (0, 0) among healthy.
    const cells = new Uint8Array(30);
    cells[4 * 6 + 5] = 3;
    cells[0] = 1;
    const view = {
      width: 6,
      height: 5,
      siteSize: 1,
      cells,
      cellStates: LUNG,
      fields: {},
      agents: { sites: new Int32Array(0), types: new Uint8Array(0), agentTypes: [] },
    };
    const frame = pictureTissue(view, 0.5, undefined);
    expect(frame.levels!.map((l) => [l.width, l.height])).toEqual([
      [3, 2],
      [1, 1],
    ]);
    // Level 1: blocks of columns 0–1, 2–3, 4–5 and rows 0–1, 2–4 (the odd side's last block takes three rows).
    expect([...frame.levels![0].cells]).toEqual([1, 0, 0, 0, 0, 3]);
    expect([...frame.levels![1].cells]).toEqual([3]);
    const ranks = severityRanks(LUNG);
    // And its counts by state, so the legend does not count 9 million sites on the page: 28 healthy, 1 incubating,
    // 1 apoptotic.
    expect(frame.cellCounts).toEqual([28, 1, 0, 1, 0, 0]);
    frame.levels!.forEach((level, i) =>
      expect([...level.cells].map((code) => ranks[code])).toEqual(blockMaxima(cells, 6, 5, level, i + 1, ranks)),
    );
  });
});

describe('counts of a picture (tissueCounts)', () => {
  const tissue = (cellStates: string[]) =>
    ({ header: { cellStates, agentTypes: ['cd8', 'nk'] } }) as unknown as Parameters<typeof tissueCounts>[0];
  const frame = (cellCounts?: number[]) => ({
    time: 0,
    cells: Uint8Array.from([0, 0, 1, 0]),
    agentSites: Int32Array.from([0, 1, 2]),
    agentTypes: Uint8Array.from([1, 1, 0]),
    field: undefined,
    cellCounts,
  });

  it('take the counts a live picture came with, and count the immune cells', () => {
    // Counts that are not these cells' (9 and 7) show they were taken as given.
    expect(tissueCounts(tissue(['healthy', 'dead']), frame([9, 7]))).toEqual({ cells: [9, 7], agents: [1, 2] });
  });

  it('count the sites when the picture has no counts, or not one per state', () => {
    for (const given of [undefined, [9], [9, 7, 5]]) {
      expect(tissueCounts(tissue(['healthy', 'dead']), frame(given)).cells).toEqual([3, 1]);
    }
  });
});
