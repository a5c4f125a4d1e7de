import {
  allocateIn,
  DiffusionDecaySolver,
  fieldTotal,
  KernelMemory,
  VoxelDiffusionDecaySolver,
  type DiffusionMethod,
  type FieldSolver,
  type SiteBox,
} from '@immunotwin/engine';

/** Ids of the section's fields, in storage order. */
export const LUNG_FIELD_IDS = ['virions', 'ifn', 'chemokine', 'cytokine', 'ros'] as const;

/** One field id. */
export type LungFieldId = (typeof LUNG_FIELD_IDS)[number];

/** The fields stepped by the diffusion–decay solver (ROS is quasi-steady: rewritten by its sources every step). */
export const DIFFUSING_FIELD_IDS = ['virions', 'ifn', 'chemokine', 'cytokine'] as const;

/** One diffusing field id. */
export type DiffusingFieldId = (typeof DIFFUSING_FIELD_IDS)[number];

/** Units of the fields, for tissue views. */
export const LUNG_FIELD_UNITS: Readonly<Record<LungFieldId, string>> = {
  virions: 'virions/site',
  ifn: 'a.u./site',
  chemokine: '1 (1 = saturating)',
  cytokine: 'a.u./site',
  ros: 'a.u./site',
};

/** Sites per voxel side of the diffusing fields that diffuse on voxels (the others: every site). */
export type FieldVoxels = Readonly<Partial<Record<DiffusingFieldId, number>>>;

/**
 * Floors of the diffusing fields (per site, in each field's unit): values below a field's floor are set to 0 by its
 * solver; a field without one has the exact step.
 */
export type FieldFloors = Readonly<Partial<Record<DiffusingFieldId, number>>>;

/**
 * The fields' floors from the parameters: `fieldFloor` for every diffusing field, except where IFN or the cytokine
 * has a floor of its own (`ifnFloor`, `cytokineFloor`); 0 is none.
 */
export function lungFieldFloors(p: {
  readonly fieldFloor: number;
  readonly ifnFloor: number;
  readonly cytokineFloor: number;
}): FieldFloors {
  const floors: Partial<Record<DiffusingFieldId, number>> = {};
  for (const id of DIFFUSING_FIELD_IDS) {
    const own = id === 'ifn' ? p.ifnFloor : id === 'cytokine' ? p.cytokineFloor : 0;
    const floor = own > 0 ? own : p.fieldFloor;
    if (floor > 0) floors[id] = floor;
  }
  return floors;
}

/** Diffusion (site²/min) and decay (1/min) of one field. */
export interface FieldRates {
  /** Diffusion coefficient in site² per minute. */
  readonly diffusion: number;
  /** First-order decay rate per minute. */
  readonly decay: number;
}

/**
 * The section's fields: one Float32Array per id. The diffusing ones each have their own engine
 * {@link DiffusionDecaySolver} (implicit, closed edges, exact decay), created in `memory` when given so the
 * solver's WebAssembly kernel steps it in place; a field with a voxel size in `voxels` diffuses on voxels of that
 * many sites a side ({@link VoxelDiffusionDecaySolver}) and is read and written per site as the others are. ROS is
 * quasi-steady (it decays in about a second, far faster than a step, and its diffusion length is far below a site),
 * so its sources rewrite it every step. Time is in minutes.
 */
export class LungFields {
  /** Field values by id, one per site. */
  readonly values: Readonly<Record<LungFieldId, Float32Array>>;
  private readonly solvers: Readonly<Record<DiffusingFieldId, FieldSolver>>;
  private readonly rates: Record<DiffusingFieldId, FieldRates>;

  /**
   * `floors`: below its floor (in the field's unit per site) a field's values count as nothing and are set to 0 by
   * its solver (a field without one: the exact step). `method`: `active` steps each diffusing field over its active
   * region only ({@link region}; callers report what they write with {@link include}), `dense` over every site;
   * same bits.
   */
  constructor(
    side: number,
    rates: Readonly<Record<DiffusingFieldId, FieldRates>>,
    memory?: KernelMemory | null,
    floors: FieldFloors = {},
    method: DiffusionMethod = 'dense',
    voxels: FieldVoxels = {},
  ) {
    const values = {} as Record<LungFieldId, Float32Array>;
    const solvers = {} as Record<DiffusingFieldId, FieldSolver>;
    for (const id of DIFFUSING_FIELD_IDS) {
      const options = { ...rates[id], floor: floors[id], method };
      const voxel = voxels[id] ?? 1;
      solvers[id] =
        voxel > 1
          ? new VoxelDiffusionDecaySolver(side, side, voxel, options)
          : new DiffusionDecaySolver(side, side, options);
      values[id] = solvers[id].createField(memory);
    }
    values.ros = allocateIn(memory, Float32Array, side * side);
    this.values = values;
    this.solvers = solvers;
    this.rates = { ...rates };
  }

  /** Bytes the fields of a `side × side` section (`voxels` as for the constructor) take in a {@link KernelMemory}. */
  static bytes(side: number, voxels: FieldVoxels = {}): number {
    let bytes = KernelMemory.bytes(side * side, 4);
    for (const id of DIFFUSING_FIELD_IDS) {
      const voxel = voxels[id] ?? 1;
      bytes +=
        voxel > 1
          ? VoxelDiffusionDecaySolver.fieldBytes(side, side, voxel)
          : DiffusionDecaySolver.fieldBytes(side, side);
    }
    return bytes;
  }

  /** Advances every diffusing field by `minutes`: diffusion, then exact decay. */
  step(minutes: number): void {
    for (const id of DIFFUSING_FIELD_IDS) this.solvers[id].step(this.values[id], minutes);
  }

  /**
   * The active region of a diffusing field: it holds every site where the field is not 0. Writers grow it over
   * what they write (never shrink it).
   */
  region(id: DiffusingFieldId): SiteBox {
    return this.solvers[id].activeRegion;
  }

  /**
   * Has the solver of a diffusing field find, as it steps it, where the field is above `level` per site
   * ({@link levelRegion}).
   */
  trackLevel(id: DiffusingFieldId, level: number): void {
    this.solvers[id].trackLevel(level);
  }

  /**
   * A box holding every site where a diffusing field is above the level given to {@link trackLevel} (the whole
   * section if none was, or after a step other than the active one). {@link include} grows it; other writers
   * grow it over what they write.
   */
  levelRegion(id: DiffusingFieldId): SiteBox {
    return this.solvers[id].levelRegion;
  }

  /**
   * The box a field on voxels gathers from at its next step (grown by {@link include}; writers that grow a region
   * in place grow this too), or undefined for a field on sites.
   */
  writtenRegion(id: DiffusingFieldId): SiteBox | undefined {
    const solver = this.solvers[id];
    return solver instanceof VoxelDiffusionDecaySolver ? solver.writtenRegion : undefined;
  }

  /** The voxels' values of the fields on voxels (their state beside the sites' readings), copied for a snapshot. */
  voxelSnapshot(): Partial<Record<DiffusingFieldId, Float32Array>> {
    const out: Partial<Record<DiffusingFieldId, Float32Array>> = {};
    for (const id of DIFFUSING_FIELD_IDS) {
      const solver = this.solvers[id];
      if (solver instanceof VoxelDiffusionDecaySolver) out[id] = solver.voxelValues.slice();
    }
    return out;
  }

  /**
   * Puts back the voxels of a {@link voxelSnapshot} after the sites' values were put back. A field on voxels the
   * snapshot lacks gathers its sites at its next step instead (after {@link includeAll}).
   */
  restoreVoxels(voxels: Partial<Record<DiffusingFieldId, Float32Array>>): void {
    for (const id of DIFFUSING_FIELD_IDS) {
      const solver = this.solvers[id];
      const values = voxels[id];
      if (solver instanceof VoxelDiffusionDecaySolver && values) solver.restoreVoxels(values);
    }
  }

  /** Grows a diffusing field's active region (and its level region) over `box`, where values were written. */
  include(id: DiffusingFieldId, box: Readonly<SiteBox>): void {
    this.solvers[id].include(box[0], box[1], box[2], box[3]);
  }

  /** Makes every diffusing field's active region the whole section (after writes anywhere, e.g. a restore). */
  includeAll(): void {
    for (const id of DIFFUSING_FIELD_IDS) this.solvers[id].includeAll();
  }

  /** Sets the decay of a diffusing field to its base rate plus `extra` per minute (e.g. antibody on virions). */
  setExtraDecay(id: DiffusingFieldId, extra: number): void {
    const base = this.rates[id];
    this.solvers[id].setRates(base.diffusion, base.decay + extra);
  }

  /** Total of a field over the section. */
  total(id: LungFieldId): number {
    return fieldTotal(this.values[id]);
  }
}
