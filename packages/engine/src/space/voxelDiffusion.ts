import { blockGrid, type FieldGrid } from './blockGrid.js';
import { DiffusionDecaySolver, type DiffusionDecayOptions } from './diffusion.js';
import { boxIsEmpty, clearBox, fullBox, includeInBox, type SiteBox } from './diffusionActive.js';
import { allocateIn, KernelMemory } from './kernelMemory.js';
import { VoxelReader } from './voxelRead.js';

/**
 * What a model steps a diffusing Float32 field with: a {@link DiffusionDecaySolver} (every site) or a
 * {@link VoxelDiffusionDecaySolver} (voxels of several sites). Both keep an active region and a level region.
 */
export interface FieldSolver {
  /** Holds every site whose value is not 0 after a step; writers grow it over what they write between steps. */
  readonly activeRegion: SiteBox;
  /** Holds every site above the tracked level after an active step (the whole lattice otherwise). */
  readonly levelRegion: SiteBox;
  /** A zeroed field for this solver, in `memory` when given. */
  createField(memory?: KernelMemory | null): Float32Array;
  /** Advances `field` by `dt` in place. */
  step(field: Float32Array, dt: number): void;
  /** Changes the diffusion coefficient (site²/time) and the decay rate (1/time). */
  setRates(diffusion: number, decay: number): void;
  /** Has the active steps find where the field is above `level` ({@link levelRegion}). */
  trackLevel(level: number): void;
  /** Grows the active and level regions over the rectangle x0…x1 × y0…y1 (inclusive). */
  include(x0: number, y0: number, x1: number, y1: number): void;
  /** Makes both regions the whole lattice (after writes anywhere). */
  includeAll(): void;
}

/**
 * A field of a `width × height` lattice that diffuses and decays on a coarser grid: voxels of `voxel × voxel`
 * sites (as PhysiCell's BioFVM puts its substrates on 20-µm voxels under 10-µm cells). The voxels hold the field;
 * the sites are where it is read and written:
 * - **reading:** after each step every site holds the bilinear interpolation of the voxels' values at its centre
 *   (between the centres of the four nearest voxels; beyond the outermost centres, the nearest), so a cell
 *   climbing the field sees a gradient at every site, not steps at voxel edges;
 * - **writing:** what a writer adds to a site between steps (a cell's secretion) is added, at the next step, to
 *   the site's voxel, spread over it: the voxel gains the sum of its sites' changes over voxel²; so the voxels'
 *   total gains exactly what was written;
 * - **stepping:** a {@link DiffusionDecaySolver} steps the voxels (diffusion D/voxel² in voxel units, the same
 *   decay, floor and method; its dense and active methods give the same bits).
 *
 * Where the lattice's side is not a multiple of `voxel`, the last voxels of a row or column reach past the
 * lattice's edge: their part outside it is diffusing space without sites. The voxels' values are the field's
 * state: a snapshot keeps them ({@link voxelValues}, {@link restoreVoxels}).
 *
 * The active method gathers only over the {@link writtenRegion} (elsewhere no site changed, so there is nothing
 * to add) and writes back only over the voxels' active region, one voxel wider (outside it every site is 0): the
 * bits are those of the dense method, which does both everywhere.
 */
export class VoxelDiffusionDecaySolver implements FieldSolver {
  /** Sites per row. */
  readonly width: number;
  /** Rows of sites. */
  readonly height: number;
  /** Sites per voxel side. */
  readonly voxel: number;
  /** The voxels. */
  private readonly grid: FieldGrid;
  /** Steps the voxels' field (in voxel units). */
  private readonly solver: DiffusionDecaySolver;
  /** Whether the sites may be read in the WebAssembly kernel (the solver's `simd` option). */
  private readonly simd: boolean;
  /** Reads the voxels at the sites (made with the field, in its memory). */
  private reader: VoxelReader | null = null;
  private sites: Float32Array | null = null;
  private voxels: Float32Array | null = null;
  /** Each voxel's sum of its sites' changes (zeroed over the gathered voxels before each gathering). */
  private sums: Float64Array | null = null;
  /** One row of sites' readings (scratch for the gathering). */
  private readings: Float32Array | null = null;
  private readonly box: SiteBox;
  private readonly aboveBox: SiteBox;
  private readonly written: SiteBox;
  /** The whole lattice. */
  private readonly all: SiteBox;
  /** Whether every site is gathered (not only the written ones): any method but `active`. */
  private readonly gatherAll: boolean;
  /** Scratch boxes: voxels, and the sites to write back to. */
  private readonly voxelBox: SiteBox = Int32Array.of(1, 1, 0, 0);
  private readonly writeBox: SiteBox = Int32Array.of(1, 1, 0, 0);

  /** `options` as for a {@link DiffusionDecaySolver} of the sites: the diffusion is in site² per time unit. */
  constructor(width: number, height: number, voxel: number, options: DiffusionDecayOptions) {
    if (!Number.isInteger(voxel) || voxel < 1) {
      throw new RangeError(
        `VoxelDiffusionDecaySolver: voxel must be a positive integer (sites per side); got ${voxel}`,
      );
    }
    if (!Number.isInteger(width) || width < 1 || !Number.isInteger(height) || height < 1) {
      throw new RangeError(
        `VoxelDiffusionDecaySolver: width and height must be positive integers; got ${width}×${height}`,
      );
    }
    this.width = width;
    this.height = height;
    this.voxel = voxel;
    this.grid = blockGrid(width, height, voxel);
    this.solver = new DiffusionDecaySolver(this.grid.width, this.grid.height, {
      ...options,
      diffusion: options.diffusion / (voxel * voxel),
    });
    this.simd = options.simd ?? true;
    this.box = fullBox(width, height);
    this.aboveBox = fullBox(width, height);
    this.written = fullBox(width, height);
    this.all = fullBox(width, height);
    this.gatherAll = options.method !== 'active';
  }

  /** Bytes one field from {@link createField} takes in a {@link KernelMemory} (its sites and its voxels). */
  static fieldBytes(width: number, height: number, voxel: number): number {
    const grid = blockGrid(width, height, voxel);
    return (
      KernelMemory.bytes(width * height, 4) +
      KernelMemory.bytes(width, 4) +
      VoxelReader.bytes(width, height, grid) +
      DiffusionDecaySolver.fieldBytes(grid.width, grid.height)
    );
  }

  get activeRegion(): SiteBox {
    return this.box;
  }

  get levelRegion(): SiteBox {
    return this.aboveBox;
  }

  /**
   * Holds every site written since the last step: with the `active` method, writers grow it as well as the
   * {@link activeRegion} ({@link include} grows both), and the step gathers only there.
   */
  get writtenRegion(): SiteBox {
    return this.written;
  }

  /** The voxels' values, row-major (`ceil(width / voxel)` per row): the field's state, for a snapshot. */
  get voxelValues(): Float32Array {
    if (!this.voxels) throw new Error('VoxelDiffusionDecaySolver: no field yet (createField)');
    return this.voxels;
  }

  /**
   * The field from {@link createField} (zeroed), with its voxels beside it: in `memory` when given (the voxels
   * then step in place in the diffusion kernel). One field per solver: the voxels are its state.
   */
  createField(memory?: KernelMemory | null): Float32Array {
    if (this.sites) {
      throw new Error('VoxelDiffusionDecaySolver: createField may be called once (the voxels hold the field)');
    }
    this.sites = allocateIn(memory, Float32Array, this.width * this.height);
    this.readings = allocateIn(memory, Float32Array, this.width);
    this.reader = new VoxelReader(this.width, this.height, this.grid, memory, this.simd);
    this.voxels = this.solver.createField(memory);
    this.sums = new Float64Array(this.grid.width * this.grid.height);
    return this.sites;
  }

  /**
   * Puts back the voxels' values of a snapshot ({@link voxelValues}) after the sites' values were put back: the
   * state continues as it was. Both regions become the whole lattice.
   */
  restoreVoxels(values: Float32Array): void {
    const voxels = this.voxelValues;
    if (values.length !== voxels.length) {
      throw new RangeError(`VoxelDiffusionDecaySolver: ${values.length} voxel values; expected ${voxels.length}`);
    }
    voxels.set(values);
    this.box.set(this.all);
    this.aboveBox.set(this.all);
    clearBox(this.written);
    this.solver.includeAll();
  }

  setRates(diffusion: number, decay: number): void {
    this.solver.setRates(diffusion / (this.voxel * this.voxel), decay);
  }

  trackLevel(level: number): void {
    this.solver.trackLevel(level);
  }

  include(x0: number, y0: number, x1: number, y1: number): void {
    includeInBox(this.box, x0, y0, x1, y1);
    includeInBox(this.aboveBox, x0, y0, x1, y1);
    includeInBox(this.written, x0, y0, x1, y1);
  }

  includeAll(): void {
    this.box.set(this.all);
    this.aboveBox.set(this.all);
    this.written.set(this.all);
  }

  /** Advances the field from {@link createField} by `dt` ≥ 0: gathers the writes, steps the voxels, reads back. */
  step(field: Float32Array, dt: number): void {
    if (field !== this.sites) {
      throw new RangeError('VoxelDiffusionDecaySolver: step the field this solver created (createField)');
    }
    const voxels = this.voxels as Float32Array;
    const vb = this.voxelBox;
    this.gather(field, voxels, this.gatherAll ? this.all : this.written);
    clearBox(this.written);
    this.toVoxels(this.box, vb);
    this.solver.include(vb[0], vb[1], vb[2], vb[3]);
    this.solver.step(voxels, dt);
    this.writeBox.set(this.box);
    this.readSites(this.solver.activeRegion, this.box);
    includeInBox(this.writeBox, this.box[0], this.box[1], this.box[2], this.box[3]);
    if (!boxIsEmpty(this.writeBox)) this.writeBack(field, voxels, this.writeBox);
    this.readSites(this.solver.levelRegion, this.aboveBox);
  }

  /**
   * Adds to each voxel the changes of its sites in `box` since they were last read (their value less their
   * reading), over voxel²: row by row, left to right, in float64, so unchanged sites add nothing and the bits
   * do not depend on the box.
   */
  private gather(field: Float32Array, voxels: Float32Array, box: SiteBox): void {
    if (boxIsEmpty(box)) return;
    const sums = this.sums as Float64Array;
    const reader = this.reader as VoxelReader;
    const readings = this.readings as Float32Array;
    const gw = this.grid.width;
    const vb = this.voxelBox;
    this.toVoxels(box, vb);
    for (let by = vb[1]; by <= vb[3]; by++) sums.fill(0, by * gw + vb[0], by * gw + vb[2] + 1);
    const own = reader.voxelOfColumn;
    for (let y = box[1]; y <= box[3]; y++) {
      reader.read(voxels, readings, 0, 0, box[0], y, box[2], y);
      const row = reader.voxelOfRow[y] * gw;
      for (let x = box[0], s = y * this.width + box[0]; x <= box[2]; x++, s++) {
        const change = field[s] - readings[x - box[0]];
        if (change !== 0) sums[row + own[x]] += change;
      }
    }
    const area = this.voxel * this.voxel;
    for (let by = vb[1]; by <= vb[3]; by++) {
      for (let i = by * gw + vb[0]; i <= by * gw + vb[2]; i++) if (sums[i] !== 0) voxels[i] += sums[i] / area;
    }
  }

  /** Writes each site's reading in `box` (the voxels outside their active region are 0). */
  private writeBack(field: Float32Array, voxels: Float32Array, box: SiteBox): void {
    (this.reader as VoxelReader).read(
      voxels,
      field,
      box[1] * this.width + box[0],
      this.width,
      box[0],
      box[1],
      box[2],
      box[3],
    );
  }

  /** Sets `voxels` to the voxels holding the sites of `sites`, or empties it. */
  private toVoxels(sites: SiteBox, voxels: SiteBox): void {
    if (boxIsEmpty(sites)) clearBox(voxels);
    else for (let k = 0; k < 4; k++) voxels[k] = (sites[k] / this.voxel) | 0;
  }

  /** Sets `sites` to the sites the voxels of `voxelBox` reach when read (one voxel wider, clipped), or empties it. */
  private readSites(voxelBox: SiteBox, sites: SiteBox): void {
    if (boxIsEmpty(voxelBox)) {
      clearBox(sites);
      return;
    }
    const v = this.voxel;
    sites[0] = Math.max(0, voxelBox[0] - 1) * v;
    sites[1] = Math.max(0, voxelBox[1] - 1) * v;
    sites[2] = Math.min(this.width, (voxelBox[2] + 2) * v) - 1;
    sites[3] = Math.min(this.height, (voxelBox[3] + 2) * v) - 1;
  }
}
