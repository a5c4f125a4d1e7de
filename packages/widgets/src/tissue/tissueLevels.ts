import {
  cellLevels,
  levelSides,
  severityRanks,
  type CellLevel,
  type Tissue,
  type TissueFrame,
} from '@immunotwin/engine';

/**
 * Every level of detail of a picture's cell states, level 0 (the cells) first: the coarser ones the picture came
 * with (`frame.levels`, made in the run's worker) when they have the sides of the lattice's levels, else computed
 * here ({@link cellLevels}; a bundle's pictures, or a maker that sent none).
 */
export function frameLevels(tissue: Tissue, frame: TissueFrame): CellLevel[] {
  const { width, height, cellStates } = tissue.header;
  const given = frame.levels;
  if (given && fitsLattice(given, width, height)) return [{ width, height, cells: frame.cells }, ...given];
  return cellLevels(frame.cells, width, height, severityRanks(cellStates));
}

/** Whether `levels` are a `width × height` lattice's levels 1 on ({@link levelSides}), each filled. */
function fitsLattice(levels: readonly CellLevel[], width: number, height: number): boolean {
  const sides = levelSides(width, height).slice(1);
  return (
    levels.length === sides.length &&
    levels.every(
      ({ width: w, height: h, cells }, l) => w === sides[l][0] && h === sides[l][1] && cells.length === w * h,
    )
  );
}

/**
 * The level to draw when one screen pixel spans `sitesPerPixel` sites: the finest whose blocks are at least a
 * pixel wide, so every block — and so every site's most severe state — holds at least one pixel's centre.
 */
export function levelFor(sitesPerPixel: number, levels: number): number {
  if (!(sitesPerPixel > 1)) return 0;
  return Math.min(levels - 1, Math.ceil(Math.log2(sitesPerPixel) - 1e-9));
}
