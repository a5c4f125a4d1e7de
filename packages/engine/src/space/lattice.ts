/** How a lattice treats its edges: `closed` edges have no neighbour beyond them, `periodic` ones wrap around. */
export type LatticeBoundary = 'closed' | 'periodic';

/**
 * Offsets (dx, dy) of the 8 Moore neighbours in the order of `Lattice2D.neighbours` (direction k); the first 4
 * are the von Neumann neighbours.
 */
export const MOORE_DIRECTIONS: readonly (readonly [number, number])[] = [
  [1, 0],
  [-1, 0],
  [0, 1],
  [0, -1],
  [1, 1],
  [-1, 1],
  [1, -1],
  [-1, -1],
];

/**
 * A rectangular 2D lattice of `width × height` sites stored row-major (site `i = y·width + x`), with every
 * site's 8 Moore neighbours in one flat `Int32Array` (`neighbours[8·i + k]`, the first 4 being the von Neumann
 * ones), built on first use. A missing neighbour beyond a closed edge is −1. Agents keep only a site index, so
 * neighbour lookup needs no per-agent objects and no modulo arithmetic in hot loops.
 *
 * Hot loops can skip the table (8 words per site) away from the edges: the k-th neighbour of site i is
 * `i + neighbourOffsets[k]` whenever `edgeDistance[i]` ≥ 1 (see `neighbourAt`), and a walk of at most
 * `edgeDistance[i]` Moore steps from site i meets only such sites.
 */
export class Lattice2D {
  /** Sites per row. */
  readonly width: number;
  /** Rows. */
  readonly height: number;
  /** Number of sites (`width · height`). */
  readonly size: number;
  /** Edge treatment. */
  readonly boundary: LatticeBoundary;
  /** `dx + dy·width` of the 8 Moore directions, in the order of `neighbours`. */
  readonly neighbourOffsets: Int32Array;
  private neighbourTable: Int32Array | null = null;
  private edgeDistances: Uint8Array | null = null;

  constructor(width: number, height: number, boundary: LatticeBoundary = 'closed') {
    for (const [name, value] of [
      ['width', width],
      ['height', height],
    ] as const) {
      if (!Number.isInteger(value) || value < 1 || value > 1 << 14) {
        throw new RangeError(`Lattice2D: ${name} must be an integer from 1 to ${1 << 14}; got ${value}`);
      }
    }
    this.width = width;
    this.height = height;
    this.size = width * height;
    this.boundary = boundary;
    this.neighbourOffsets = Int32Array.from(MOORE_DIRECTIONS, ([dx, dy]) => dx + dy * width);
  }

  /**
   * `neighbours[8·i + k]`: k-th Moore neighbour of site i (k < 4: von Neumann), or −1 beyond a closed edge. Built
   * on first use (8 words per site: 288 MB for 3000 × 3000 sites; code that computes neighbours, e.g. with
   * {@link mooreNeighbour}, never pays for it).
   */
  get neighbours(): Int32Array {
    if (!this.neighbourTable) {
      const { width, height, boundary } = this;
      const table = new Int32Array(this.size * 8);
      for (let y = 0; y < height; y++) {
        for (let x = 0; x < width; x++) {
          const base = 8 * (y * width + x);
          for (let k = 0; k < 8; k++) {
            let nx = x + MOORE_DIRECTIONS[k][0];
            let ny = y + MOORE_DIRECTIONS[k][1];
            if (boundary === 'periodic') {
              nx = (nx + width) % width;
              ny = (ny + height) % height;
            }
            table[base + k] = nx < 0 || ny < 0 || nx >= width || ny >= height ? -1 : ny * width + nx;
          }
        }
      }
      this.neighbourTable = table;
    }
    return this.neighbourTable;
  }

  /**
   * Moore steps from site i to the nearest edge site (`min(x, y, width − 1 − x, height − 1 − y)`, capped at
   * 255), built on first use. Where it is ≥ 1 every neighbour of i is `i + neighbourOffsets[k]`; on the edge (0)
   * some neighbour is missing (−1) or wraps around, so read the table there.
   */
  get edgeDistance(): Uint8Array {
    if (!this.edgeDistances) {
      const { width, height } = this;
      const distances = new Uint8Array(this.size);
      for (let y = 0; y < height; y++) {
        for (let x = 0; x < width; x++) {
          distances[y * width + x] = Math.min(x, y, width - 1 - x, height - 1 - y, 255);
        }
      }
      this.edgeDistances = distances;
    }
    return this.edgeDistances;
  }

  /** Site index of column `x`, row `y`. */
  index(x: number, y: number): number {
    return y * this.width + x;
  }

  /** Column of site `i`. */
  x(i: number): number {
    return i % this.width;
  }

  /** Row of site `i`. */
  y(i: number): number {
    return (i / this.width) | 0;
  }

  /** The k-th Moore neighbour of site i (k in 0…7; 0…3 are the von Neumann neighbours), or −1. */
  neighbour(i: number, k: number): number {
    return this.neighbours[8 * i + k];
  }

  /**
   * The sites within Euclidean distance `radius` of (cx, cy), clipped to the lattice; never empty (a radius
   * below 0.5 gives the nearest site).
   */
  disc(cx: number, cy: number, radius: number): Int32Array {
    const r = Math.max(0, radius);
    const sites: number[] = [];
    const x0 = Math.max(0, Math.floor(cx - r));
    const x1 = Math.min(this.width - 1, Math.ceil(cx + r));
    const y0 = Math.max(0, Math.floor(cy - r));
    const y1 = Math.min(this.height - 1, Math.ceil(cy + r));
    for (let y = y0; y <= y1; y++) {
      for (let x = x0; x <= x1; x++) if ((x - cx) ** 2 + (y - cy) ** 2 <= r * r + 1e-9) sites.push(y * this.width + x);
    }
    if (sites.length === 0) sites.push(this.index(Math.round(cx), Math.round(cy)));
    return Int32Array.from(sites);
  }
}

/**
 * The k-th Moore neighbour of `site` (or −1), read as `site + offsets[k]` away from the edges
 * (`edgeDistance[site]` ≥ 1) and from the table on them: the same value as `neighbours[8·site + k]`, without
 * touching the table (8 words per site) for interior sites.
 */
export function neighbourAt(
  site: number,
  k: number,
  neighbours: Int32Array,
  offsets: Int32Array,
  edgeDistance: Uint8Array,
): number {
  return edgeDistance[site] === 0 ? neighbours[8 * site + k] : site + offsets[k];
}

/** x and y steps of {@link MOORE_DIRECTIONS}, for {@link mooreNeighbour}. */
const MOORE_DX = Int8Array.from(MOORE_DIRECTIONS, ([dx]) => dx);
const MOORE_DY = Int8Array.from(MOORE_DIRECTIONS, ([, dy]) => dy);

/**
 * The k-th Moore neighbour of `site` on a closed `width × height` lattice, or −1 beyond the edge: the value of
 * a closed {@link Lattice2D}'s `neighbours[8·site + k]`, computed without reading memory (for agents scattered
 * over a large lattice, where every read of the table misses the cache).
 */
export function mooreNeighbour(site: number, k: number, width: number, height: number): number {
  const y = (site / width) | 0;
  return mooreNeighbourAt(site - y * width, y, k, width, height);
}

/**
 * The k-th Moore neighbour of the site at column `x`, row `y` of a closed `width × height` lattice, or −1 beyond
 * the edge (as {@link mooreNeighbour}, for a caller that has the site's column and row already).
 */
export function mooreNeighbourAt(x: number, y: number, k: number, width: number, height: number): number {
  const nx = x + MOORE_DX[k];
  const ny = y + MOORE_DY[k];
  return nx < 0 || ny < 0 || nx >= width || ny >= height ? -1 : ny * width + nx;
}
