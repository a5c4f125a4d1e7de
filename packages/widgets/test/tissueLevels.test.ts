import { describe, expect, it } from 'vitest';
import type { CellLevel, Tissue, TissueFrame } from '@immunotwin/engine';
import { frameLevels, levelFor } from '../src/tissue/tissueLevels.js';
import { clampCamera, easeCamera, fitCamera, panBy, zoomAbout } from '../src/tissue/tissueCamera.js';

describe('levels of detail in the view', () => {
  const header = (width: number, height: number) => ({
    version: 2 as const,
    model: 'lung',
    title: 'test',
    timeUnit: 'day',
    width,
    height,
    siteSize: 1,
    cellStates: ['healthy', 'incubating', 'expressing', 'apoptotic', 'dead', 'antiviral'],
    agentTypes: [],
    field: null,
  });
  const frame = (cells: Uint8Array, levels?: CellLevel[]): TissueFrame => ({
    time: 0,
    cells,
    agentSites: new Int32Array(0),
    agentTypes: new Uint8Array(0),
    field: undefined,
    levels,
  });
  const tissue = (width: number, height: number, f: TissueFrame): Tissue => ({
    header: header(width, height),
    fieldGrid: { stride: 1, width, height },
    frames: [f],
  });

  it('are those the live picture came with (made in the worker), not computed again on the page', () => {
    // Levels that are not this picture's (a dead block where every site is healthy) show they were taken as given.
    const given = [
      { width: 2, height: 2, cells: Uint8Array.from([4, 0, 0, 0]) },
      { width: 1, height: 1, cells: Uint8Array.from([4]) },
    ];
    const cells = new Uint8Array(16);
    const f = frame(cells, given);
    const levels = frameLevels(tissue(4, 4, f), f);
    expect(levels[0]).toEqual({ width: 4, height: 4, cells });
    expect(levels[1].cells).toBe(given[0].cells);
    expect(levels[2].cells).toBe(given[1].cells);
  });

  it('are computed when the picture has none, or none of the lattice’s sides', () => {
    const cells = new Uint8Array(16);
    cells[15] = 4; // dead at (3, 3)
    const expected = [[0, 0, 0, 4], [4]];
    const codes = (levels: CellLevel[]) => levels.slice(1).map((l) => [...l.cells]);
    expect(codes(frameLevels(tissue(4, 4, frame(cells)), frame(cells)))).toEqual(expected);
    for (const wrong of [
      [{ width: 2, height: 2, cells: new Uint8Array(4) }], // stops before 1 × 1
      [
        { width: 3, height: 2, cells: new Uint8Array(6) },
        { width: 1, height: 1, cells: new Uint8Array(1) },
      ],
      [
        { width: 2, height: 2, cells: new Uint8Array(3) },
        { width: 1, height: 1, cells: new Uint8Array(1) },
      ],
    ]) {
      const f = frame(cells, wrong);
      expect(codes(frameLevels(tissue(4, 4, f), f))).toEqual(expected);
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
