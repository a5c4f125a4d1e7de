import { describe, expect, it } from 'vitest';
import { cellLevels, levelFor, severityRanks } from '../src/tissue/cellLevels.js';
import { clampCamera, easeCamera, fitCamera, panBy, zoomAbout } from '../src/tissue/tissueCamera.js';

const LUNG = ['healthy', 'incubating', 'expressing', 'apoptotic', 'dead', 'antiviral'];

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
        const { width: w, height: h, cells: blocks } = levels[l];
        const best = new Int16Array(w * h).fill(-1);
        for (let y = 0; y < height; y++) {
          for (let x = 0; x < width; x++) {
            const block = Math.min(y >> l, h - 1) * w + Math.min(x >> l, w - 1);
            best[block] = Math.max(best[block], ranks[cells[y * width + x]]);
          }
        }
        expect([...blocks].map((code) => ranks[code])).toEqual([...best]);
      }
    }
  });

  it('are drawn at the finest level whose blocks are at least a screen pixel wide', () => {
    // A 3000² section in a 420-px view: 7.14 sites per pixel → blocks of 8 (level 3).
    expect(levelFor(3000 / 420, 13)).toBe(3);
    expect([0.5, 1, 1.01, 2, 2.01, 8, 8.5].map((spp) => levelFor(spp, 13))).toEqual([0, 0, 1, 1, 2, 3, 4]);
    expect(levelFor(1e6, 12)).toBe(11);
    // So every block (and every severe site) holds at least one pixel's centre: block side ≥ sites per pixel.
    for (let spp = 1; spp < 3000; spp *= 1.37) expect(2 ** levelFor(spp, 20)).toBeGreaterThanOrEqual(spp);
  });
});

describe('the tissue view’s camera', () => {
  const v = { sitesX: 3000, sitesY: 3000, width: 420, height: 420 };

  it('fits the whole section, and zooms about the pointer keeping the site under it in place', () => {
    const fit = fitCamera(v);
    expect(fit).toEqual({ x: 1500, y: 1500, zoom: 0.14 });
    const zoomed = zoomAbout(fit, 4, 105, 315, v); // a quarter in from the left, a quarter up from the bottom
    expect(zoomed.zoom).toBeCloseTo(0.56, 12);
    // The site under (105, 315) before: (1500 − 105/0.14, 1500 + 105/0.14) = (750, 2250); after, the same.
    expect(zoomed.x + (105 - 210) / zoomed.zoom).toBeCloseTo(750, 9);
    expect(zoomed.y + (315 - 210) / zoomed.zoom).toBeCloseTo(2250, 9);
  });

  it('keeps the section in view and the zoom between fit and 48 px a site', () => {
    expect(clampCamera({ x: 1500, y: 1500, zoom: 0.01 }, v)).toEqual(fitCamera(v));
    expect(clampCamera({ x: 1500, y: 1500, zoom: 500 }, v).zoom).toBe(48);
    // At 1 px a site the view spans 420 sites: its centre stays 210 sites from each edge.
    expect(panBy({ x: 300, y: 2900, zoom: 1 }, 1000, -1000, v)).toEqual({ x: 210, y: 2790, zoom: 1 });
  });

  it('eases towards where it is sent and arrives', () => {
    const from = { x: 1500, y: 1500, zoom: 0.14 };
    const to = { x: 700, y: 800, zoom: 2 };
    const half = easeCamera(from, to, 60 * Math.LN2); // one half-life
    expect(half.zoom).toBeCloseTo(Math.sqrt(0.14 * 2), 9); // halfway in log zoom
    expect(half.x).toBeCloseTo(1100, 9);
    let camera = from;
    let frames = 0;
    while (camera !== to && frames < 100) [camera, frames] = [easeCamera(camera, to, 16), frames + 1];
    expect(camera).toBe(to);
    expect(frames).toBeLessThan(40); // under 0.7 s at 60 frames a second
  });
});
