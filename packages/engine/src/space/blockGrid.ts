/** A lattice cut into square blocks of `stride × stride` sites, `width × height` of them. */
export interface FieldGrid {
  /** Sites per block side (1: every site). */
  readonly stride: number;
  /** Blocks per row, `ceil(lattice width / stride)`. */
  readonly width: number;
  /** Rows of blocks, `ceil(lattice height / stride)`. */
  readonly height: number;
}

/** The grid of `stride × stride` blocks over a `width × height` lattice (the last blocks may be partial). */
export function blockGrid(width: number, height: number, stride: number): FieldGrid {
  return { stride, width: Math.ceil(width / stride), height: Math.ceil(height / stride) };
}
