import type { FieldGrid } from './blockGrid.js';
import { allocateIn, KernelMemory } from './kernelMemory.js';
import { VOXEL_READ_KERNEL_BASE64 } from './voxelReadKernelBytes.js';
import { loadWasmModule } from './wasmModule.js';

/** For each site along one axis: its voxel, the neighbouring voxel it reads, and that neighbour's weight. */
interface AxisReading {
  readonly own: Int32Array;
  readonly other: Int32Array;
  readonly weight: Float64Array;
}

/** The kernel's export (voxelReadKernel.wat); pointers are byte offsets into its memory. */
type ReadKernel = (
  voxels: number,
  gridWidth: number,
  between: number,
  target: number,
  stride: number,
  x0: number,
  x1: number,
  y0: number,
  y1: number,
  bx0: number,
  bx1: number,
  rowOwn: number,
  rowOther: number,
  rowWeight: number,
  colOwn: number,
  colOther: number,
  colWeight: number,
  from: number,
  to: number,
) => void;

/**
 * How the sites of a `width × height` lattice read a field held on the voxels of `grid`: each site the bilinear
 * interpolation of the voxels' values at its centre (between the centres of the four nearest voxels; beyond the
 * outermost centres, the nearest), computed in float64 and rounded once to float32. In a WebAssembly SIMD kernel
 * (voxelReadKernel.wat) where the platform has one and every array is in the reader's memory, else in JavaScript:
 * bit for bit the same.
 */
export class VoxelReader {
  /** Each site column's voxel column. */
  readonly voxelOfColumn: Readonly<Int32Array>;
  /** Each site row's voxel row. */
  readonly voxelOfRow: Readonly<Int32Array>;
  private readonly grid: FieldGrid;
  private readonly columns: AxisReading;
  private readonly rows: AxisReading;
  /** One row of sites' reading between two rows of voxels (scratch, one value per voxel column). */
  private readonly between: Float64Array;
  /**
   * The kernel bound to the memory holding the tables and scratch, with their byte offsets there (they do not
   * move): between, then the rows' own, other and weight, then the columns'. Null: the JavaScript path.
   */
  private readonly bound: { kernel: ReadKernel; memory: KernelMemory; offsets: readonly number[] } | null;

  /**
   * Tables and scratch in `memory` when given (the kernel then reads there); `simd` false keeps to JavaScript
   * (to compare the two).
   */
  constructor(width: number, height: number, grid: FieldGrid, memory?: KernelMemory | null, simd = true) {
    this.grid = grid;
    this.columns = axisReading(width, grid.stride, grid.width, memory);
    this.rows = axisReading(height, grid.stride, grid.height, memory);
    this.voxelOfColumn = this.columns.own;
    this.voxelOfRow = this.rows.own;
    this.between = allocateIn(memory, Float64Array, grid.width);
    const module = memory && simd ? loadWasmModule(VOXEL_READ_KERNEL_BASE64) : null;
    const { columns: c, rows: r } = this;
    this.bound =
      module && memory
        ? {
            kernel: memory.instantiate(module).read as ReadKernel,
            memory,
            offsets: [this.between, r.own, r.other, r.weight, c.own, c.other, c.weight].map((a) => memory.offsetOf(a)),
          }
        : null;
  }

  /** Bytes a reader's tables and scratch take in a {@link KernelMemory}. */
  static bytes(width: number, height: number, grid: FieldGrid): number {
    const axis = (n: number): number => 2 * KernelMemory.bytes(n, 4) + KernelMemory.bytes(n, 8);
    return axis(width) + axis(height) + KernelMemory.bytes(grid.width, 8);
  }

  /**
   * Stores the readings of the sites x0…x1 × y0…y1 (inclusive, in the lattice) of `voxels` (the grid's values,
   * row-major): site (x, y) at `target[start + (y − y0)·stride + x − x0]`.
   */
  read(
    voxels: Float32Array,
    target: Float32Array,
    start: number,
    stride: number,
    x0: number,
    y0: number,
    x1: number,
    y1: number,
  ): void {
    const v = this.grid.stride;
    const gw = this.grid.width;
    const bx0 = Math.max(0, ((x0 / v) | 0) - 1);
    const bx1 = Math.min(gw - 1, ((x1 / v) | 0) + 1);
    // With 4-site voxels, the sites of the whole voxels with a neighbour on each side take constant weights.
    let firstWhole = 0;
    let endWhole = 0;
    if (v === 4) {
      firstWhole = Math.max(4, (x0 + 3) & ~3);
      endWhole = Math.min((gw - 1) * 4, (x1 + 1) & ~3);
      if (firstWhole >= endWhole) firstWhole = endWhole = 0;
    }
    const bound = this.bound;
    if (bound && bound.memory.holds(voxels) && bound.memory.holds(target)) {
      const m = bound.memory;
      const [between, rowOwn, rowOther, rowWeight, colOwn, colOther, colWeight] = bound.offsets;
      bound.kernel(
        m.offsetOf(voxels),
        gw,
        between,
        m.offsetOf(target) + 4 * start,
        4 * stride,
        x0,
        x1,
        y0,
        y1,
        bx0,
        bx1,
        rowOwn,
        rowOther,
        rowWeight,
        colOwn,
        colOther,
        colWeight,
        4 * firstWhole,
        4 * endWhole,
      );
      return;
    }
    for (let y = y0; y <= y1; y++) {
      this.readRow(voxels, y, bx0, bx1);
      this.readInto(target, start + (y - y0) * stride, x0, x1, firstWhole, endWhole);
    }
  }

  /**
   * Fills {@link between} for site row `y`, voxel columns bx0 … bx1 (those its sites read): each the row
   * interpolation of its voxel column between the two voxel rows the site row reads.
   */
  private readRow(voxels: Float32Array, y: number, bx0: number, bx1: number): void {
    const gw = this.grid.width;
    const a = this.rows.own[y] * gw;
    const b = this.rows.other[y] * gw;
    const w = this.rows.weight[y];
    const between = this.between;
    for (let bx = bx0; bx <= bx1; bx++) between[bx] = (1 - w) * voxels[a + bx] + w * voxels[b + bx];
  }

  /**
   * Stores the readings of site columns x0…x1 on the row {@link readRow} prepared at `target[start]` onwards
   * (rounded to float32 there, as a site holds them); the whole 4-site voxels of columns firstWhole … endWhole − 1
   * (none if equal) with their constant weights.
   */
  private readInto(
    target: Float32Array,
    start: number,
    x0: number,
    x1: number,
    firstWhole: number,
    endWhole: number,
  ): void {
    const { own, other, weight } = this.columns;
    const between = this.between;
    let x = x0;
    let t = start;
    if (firstWhole < endWhole) {
      // The same products and sums as the loop below (weights 3/8 and 1/8 of the neighbour, 1 − w of its own).
      for (; x < firstWhole; x++, t++) target[t] = (1 - weight[x]) * between[own[x]] + weight[x] * between[other[x]];
      for (let k = firstWhole >> 2; x < endWhole; k++, x += 4) {
        const b = between[k];
        const left = between[k - 1];
        const right = between[k + 1];
        target[t++] = 0.625 * b + 0.375 * left;
        target[t++] = 0.875 * b + 0.125 * left;
        target[t++] = 0.875 * b + 0.125 * right;
        target[t++] = 0.625 * b + 0.375 * right;
      }
    }
    for (; x <= x1; x++, t++) target[t] = (1 - weight[x]) * between[own[x]] + weight[x] * between[other[x]];
  }
}

/**
 * How the sites along an axis of `sites` read `voxels` voxels of `voxel` sites: a site's centre lies at
 * p = (offset + ½)/voxel − ½ voxels from its voxel's centre; it reads its voxel with weight 1 − |p| and the
 * neighbour on p's side with |p| (its own voxel alone where there is no neighbour: beyond the outermost centres).
 */
function axisReading(sites: number, voxel: number, voxels: number, memory?: KernelMemory | null): AxisReading {
  const own = allocateIn(memory, Int32Array, sites);
  const other = allocateIn(memory, Int32Array, sites);
  const weight = allocateIn(memory, Float64Array, sites);
  for (let s = 0; s < sites; s++) {
    const k = Math.floor(s / voxel);
    const p = (s - k * voxel + 0.5) / voxel - 0.5;
    const neighbour = p < 0 ? k - 1 : k + 1;
    own[s] = k;
    const reaches = p !== 0 && neighbour >= 0 && neighbour < voxels;
    other[s] = reaches ? neighbour : k;
    weight[s] = reaches ? Math.abs(p) : 0;
  }
  return { own, other, weight };
}
