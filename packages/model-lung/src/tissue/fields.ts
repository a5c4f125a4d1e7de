import { DiffusionDecaySolver, fieldTotal, type KernelMemory } from '@immunotwin/engine';

/** Ids of the section's fields, in storage order. */
export const LUNG_FIELD_IDS = ['virions', 'ifn', 'chemokine', 'cytokine', 'ros'] as const;

/** One field id. */
export type LungFieldId = (typeof LUNG_FIELD_IDS)[number];

/** Units of the fields, for tissue views. */
export const LUNG_FIELD_UNITS: Readonly<Record<LungFieldId, string>> = {
  virions: 'virions/site',
  ifn: 'a.u./site',
  chemokine: '1 (1 = saturating)',
  cytokine: 'a.u./site',
  ros: 'a.u./site',
};

/** Diffusion (site²/min) and decay (1/min) of one field. */
export interface FieldRates {
  /** Diffusion coefficient in site² per minute. */
  readonly diffusion: number;
  /** First-order decay rate per minute. */
  readonly decay: number;
}

/**
 * The section's diffusing, decaying fields: one Float32Array per id, each with its own engine
 * {@link DiffusionDecaySolver} (implicit, closed edges, exact decay), created in `memory` when given so the
 * solver's WebAssembly kernel steps it in place. Time is in minutes.
 */
export class LungFields {
  /** Field values by id, one per site. */
  readonly values: Readonly<Record<LungFieldId, Float32Array>>;
  private readonly solvers: Readonly<Record<LungFieldId, DiffusionDecaySolver>>;

  constructor(side: number, rates: Readonly<Record<LungFieldId, FieldRates>>, memory?: KernelMemory | null) {
    const values = {} as Record<LungFieldId, Float32Array>;
    const solvers = {} as Record<LungFieldId, DiffusionDecaySolver>;
    for (const id of LUNG_FIELD_IDS) {
      solvers[id] = new DiffusionDecaySolver(side, side, rates[id]);
      values[id] = solvers[id].createField(memory);
    }
    this.values = values;
    this.solvers = solvers;
  }

  /** Bytes the fields of a `side × side` section take in a {@link KernelMemory}. */
  static bytes(side: number): number {
    return LUNG_FIELD_IDS.length * DiffusionDecaySolver.fieldBytes(side, side);
  }

  /** Advances every field by `minutes`: diffusion, then exact decay. */
  step(minutes: number): void {
    for (const id of LUNG_FIELD_IDS) this.solvers[id].step(this.values[id], minutes);
  }

  /** Total of a field over the section. */
  total(id: LungFieldId): number {
    return fieldTotal(this.values[id]);
  }
}
