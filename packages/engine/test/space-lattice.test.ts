import { describe, expect, it } from 'vitest';
import { Lattice2D, mooreNeighbour, neighbourAt, type LatticeBoundary } from '../src/index.js';

describe('Lattice2D', () => {
  it('precomputes the 8 Moore neighbours, the first 4 von Neumann, and −1 beyond closed edges', () => {
    const lattice = new Lattice2D(4, 3);
    const centre = lattice.index(1, 1);
    const moore = Array.from({ length: 8 }, (_, k) => lattice.neighbour(centre, k));
    expect(moore.slice(0, 4).sort((a, b) => a - b)).toEqual([1, 4, 6, 9]);
    expect(moore.slice(4).sort((a, b) => a - b)).toEqual([0, 2, 8, 10]);
    const corner = Array.from({ length: 8 }, (_, k) => lattice.neighbour(0, k));
    expect(corner.filter((n) => n >= 0).sort((a, b) => a - b)).toEqual([1, 4, 5]);
  });

  it('wraps around with periodic edges, so every site has 8 distinct neighbours', () => {
    const lattice = new Lattice2D(5, 4, 'periodic');
    for (let i = 0; i < lattice.size; i++) {
      const set = new Set(Array.from({ length: 8 }, (_, k) => lattice.neighbour(i, k)));
      expect(set.size).toBe(8);
      expect(set.has(-1)).toBe(false);
      expect(set.has(i)).toBe(false);
    }
    expect(lattice.neighbour(lattice.index(4, 0), 0)).toBe(lattice.index(0, 0));
    expect(lattice.neighbour(lattice.index(0, 0), 3)).toBe(lattice.index(0, 3));
  });

  it('neighbour relations are symmetric', () => {
    const lattice = new Lattice2D(6, 7);
    for (let i = 0; i < lattice.size; i++) {
      for (let k = 0; k < 8; k++) {
        const j = lattice.neighbour(i, k);
        if (j < 0) continue;
        expect(Array.from({ length: 8 }, (_, m) => lattice.neighbour(j, m))).toContain(i);
      }
    }
  });

  it('converts between (x, y) and site indices and lists discs clipped to the lattice', () => {
    const lattice = new Lattice2D(10, 10);
    expect([lattice.x(37), lattice.y(37)]).toEqual([7, 3]);
    expect(lattice.disc(5, 5, 1).length).toBe(5);
    expect(lattice.disc(0, 0, 1).length).toBe(3);
    expect(Array.from(lattice.disc(2.2, 3.1, 0))).toEqual([lattice.index(2, 3)]);
  });

  const shapes: [number, number, LatticeBoundary][] = [
    [1, 1, 'closed'],
    [1, 5, 'closed'],
    [5, 1, 'closed'],
    [2, 2, 'closed'],
    [3, 3, 'closed'],
    [6, 4, 'closed'],
    [17, 9, 'closed'],
    [1, 1, 'periodic'],
    [2, 3, 'periodic'],
    [3, 3, 'periodic'],
    [7, 5, 'periodic'],
  ];

  it('neighbourAt (offsets away from the edges) equals the table for every site and direction, edges included', () => {
    for (const [width, height, boundary] of shapes) {
      const lattice = new Lattice2D(width, height, boundary);
      const { neighbours, neighbourOffsets, edgeDistance } = lattice;
      for (let i = 0; i < lattice.size; i++) {
        for (let k = 0; k < 8; k++) {
          expect(neighbourAt(i, k, neighbours, neighbourOffsets, edgeDistance)).toBe(neighbours[8 * i + k]);
        }
      }
    }
  });

  it('edgeDistance is the distance to the edge, and offsets hold for every site it puts off the edge', () => {
    for (const [width, height, boundary] of shapes) {
      const lattice = new Lattice2D(width, height, boundary);
      const { neighbours, neighbourOffsets, edgeDistance } = lattice;
      for (let i = 0; i < lattice.size; i++) {
        const [x, y] = [lattice.x(i), lattice.y(i)];
        expect(edgeDistance[i]).toBe(Math.min(x, y, width - 1 - x, height - 1 - y));
        if (edgeDistance[i] === 0) continue;
        for (let k = 0; k < 8; k++) {
          const j = neighbours[8 * i + k];
          expect(j).toBe(i + neighbourOffsets[k]);
          expect(j).toBeGreaterThanOrEqual(0);
          // One Moore step lowers the distance by at most 1, so a walk of d steps from distance d stays off the edge.
          expect(edgeDistance[j]).toBeGreaterThanOrEqual(edgeDistance[i] - 1);
        }
      }
    }
  });

  it('caps edgeDistance at 255', () => {
    const lattice = new Lattice2D(600, 600);
    expect(edgeDistanceAt(lattice, 300, 300)).toBe(255);
    expect(edgeDistanceAt(lattice, 254, 300)).toBe(254);
  });

  it('rejects bad sizes, naming the argument', () => {
    expect(() => new Lattice2D(0, 3)).toThrow(/width must be an integer/);
    expect(() => new Lattice2D(3, 2.5)).toThrow(/height must be an integer/);
  });
});

function edgeDistanceAt(lattice: Lattice2D, x: number, y: number): number {
  return lattice.edgeDistance[lattice.index(x, y)];
}

describe('mooreNeighbour', () => {
  it('gives the closed lattice table’s neighbour for every site and direction (edges, corners, thin lattices)', () => {
    for (const [w, h] of [
      [7, 5],
      [1, 4],
      [4, 1],
      [13, 13],
    ] as const) {
      const lattice = new Lattice2D(w, h);
      for (let site = 0; site < w * h; site++) {
        for (let k = 0; k < 8; k++) expect(mooreNeighbour(site, k, w, h)).toBe(lattice.neighbours[8 * site + k]);
      }
    }
  });
});
