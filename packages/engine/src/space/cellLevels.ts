/**
 * Levels of detail of a lattice's cell states for drawing it zoomed out: level 0 is the lattice, each next level
 * halves both sides and keeps, for each block of 2 × 2 sites of the level below (3 at an odd side's last block),
 * its most severe state. A single infected cell among thousands of healthy ones so stays visible when a screen
 * pixel covers many sites, where averaging or picking one site would lose it.
 */

/** One level: `width × height` states, row-major. */
export interface CellLevel {
  /** Blocks per row. */
  readonly width: number;
  /** Rows of blocks. */
  readonly height: number;
  /** The most severe state code in each block. */
  readonly cells: Uint8Array;
}

/** Well-known states from least to most severe (a model's names for one stage share a rank). */
const SEVERITY: Record<string, number> = {
  healthy: 0,
  uninfected: 0,
  antiviral: 1,
  incubating: 2,
  eclipse: 2,
  expressing: 3,
  productive: 3,
  infected: 3,
  apoptotic: 4,
  dead: 5,
};

/**
 * The severity rank of each state code: by the well-known names when every state has one (healthy < antiviral
 * < incubating < expressing < apoptotic < dead), else by code (models list their states healthy first, in the
 * order of the disease).
 */
export function severityRanks(cellStates: readonly string[]): Uint8Array {
  const known = cellStates.every((name) => SEVERITY[name.toLowerCase()] !== undefined);
  const ranks = new Uint8Array(256);
  for (let code = 0; code < 256; code++) {
    const name = cellStates[code];
    ranks[code] = known && name !== undefined ? SEVERITY[name.toLowerCase()] : Math.min(code, 255);
  }
  return ranks;
}

/**
 * The sides of every level of a `width × height` lattice, from the lattice itself down to 1 × 1: each the last's
 * floor-halved, at least 1 (the sides WebGL expects of a texture's mipmap levels, `max(1, floor(side / 2^level))`).
 */
export function levelSides(width: number, height: number): [number, number][] {
  const sides: [number, number][] = [[width, height]];
  let [w, h] = [width, height];
  while (w > 1 || h > 1) {
    [w, h] = [Math.max(1, Math.floor(w / 2)), Math.max(1, Math.floor(h / 2))];
    sides.push([w, h]);
  }
  return sides;
}

/** The next level, `width × height` ({@link levelSides}): each block's most severe state. */
function halve(level: CellLevel, [width, height]: [number, number], ranks: Uint8Array): CellLevel {
  const { width: w, height: h, cells } = level;
  const out = new Uint8Array(width * height);
  // Whole 2 × 2 blocks first, unrolled (nearly all of them); then the last row and column of blocks in general.
  // A block of one state (most of a section: healthy tissue, a dead core) is that state, without the ranks.
  for (let by = 0; by < height - 1; by++) {
    const top = 2 * by * w;
    for (let bx = 0; bx < width - 1; bx++) {
      const i = top + 2 * bx;
      const a = cells[i];
      const b = cells[i + 1];
      const c = cells[i + w];
      const d = cells[i + w + 1];
      let best = a;
      if (a !== b || a !== c || a !== d) {
        if (ranks[b] > ranks[best]) best = b;
        if (ranks[c] > ranks[best]) best = c;
        if (ranks[d] > ranks[best]) best = d;
      }
      out[by * width + bx] = best;
    }
  }
  // The last column of blocks (each row of blocks), then the rest of the last row: the blocks that take an odd
  // side's leftover column or row.
  const edgeBlock = (bx: number, by: number): void => {
    const x1 = bx === width - 1 ? w : 2 * bx + 2;
    const y1 = by === height - 1 ? h : 2 * by + 2;
    let best = cells[2 * by * w + 2 * bx];
    for (let y = 2 * by; y < y1; y++) {
      for (let x = 2 * bx; x < x1; x++) {
        const code = cells[y * w + x];
        if (ranks[code] > ranks[best]) best = code;
      }
    }
    out[by * width + bx] = best;
  };
  for (let by = 0; by < height; by++) edgeBlock(width - 1, by);
  for (let bx = 0; bx < width - 1; bx++) edgeBlock(bx, height - 1);
  return { width, height, cells: out };
}

/**
 * Every level from the lattice itself down to 1 × 1, with the sides of {@link levelSides}: about a third of a pass
 * over the sites more than the lattice, computed once per picture — where the picture is made, for a live run's
 * pictures ({@link pictureTissue}), so a view only uploads them.
 */
export function cellLevels(cells: Uint8Array, width: number, height: number, ranks: Uint8Array): CellLevel[] {
  const sides = levelSides(width, height);
  const levels: CellLevel[] = [{ width, height, cells }];
  for (let l = 1; l < sides.length; l++) levels.push(halve(levels[l - 1], sides[l], ranks));
  return levels;
}
