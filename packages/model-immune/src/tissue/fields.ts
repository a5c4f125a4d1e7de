import { DiffusionDecaySolver, type FieldArray, type KernelMemory, portableMath } from '@immunotwin/engine';

/** Ids of the tissue fields, in storage order. */
export const FIELD_IDS = ['virus', 'antigen', 'ifn', 'cytokine', 'chemokine'] as const;

/** One tissue field id. */
export type FieldId = (typeof FIELD_IDS)[number];

/** Units of the tissue fields, for tissue views. */
export const FIELD_UNITS: Readonly<Record<FieldId, string>> = {
  virus: 'IU/site',
  antigen: 'a.u./site',
  ifn: 'a.u./site',
  cytokine: 'a.u./site',
  chemokine: 'a.u./site',
};

/**
 * The diffusing, decaying fields of the tissue patch, each a Float32Array over the lattice with its own
 * {@link DiffusionDecaySolver} (closed edges, implicit diffusion, exact decay; float32 arithmetic), from which
 * it is created ({@link DiffusionDecaySolver.createField}), in `memory` if given (so the agent kernel reaches
 * them; {@link TissueFields.bytes} of it). In the well-mixed limit the
 * diffusion part is replaced by instant mixing (every site set to the patch mean).
 */
export class TissueFields {
  /** Field values by id. */
  readonly values: Record<FieldId, Float32Array>;
  private readonly solvers: Record<FieldId, DiffusionDecaySolver>;
  private readonly decay: Record<FieldId, number>;
  private readonly diffusion: Record<FieldId, number>;

  /** Number of sites. */
  readonly size: number;

  constructor(
    /** Sites per side of the square patch. */
    readonly side: number,
    /** `false`: well mixed. */
    readonly spatial: boolean,
    diffusion: Record<FieldId, number>,
    decay: Record<FieldId, number>,
    memory?: KernelMemory | null,
  ) {
    const size = side * side;
    this.size = size;
    this.values = {} as Record<FieldId, Float32Array>;
    this.solvers = {} as Record<FieldId, DiffusionDecaySolver>;
    this.decay = { ...decay };
    this.diffusion = { ...diffusion };
    for (const id of FIELD_IDS) {
      this.solvers[id] = new DiffusionDecaySolver(side, side, { diffusion: spatial ? diffusion[id] : 0, decay: 0 });
      // Where the solver's WebAssembly kernel runs, the field lives in its memory and steps without copies.
      this.values[id] = this.solvers[id].createField(memory);
    }
  }

  /** Bytes the fields of a `side × side` patch take in a {@link KernelMemory}. */
  static bytes(side: number): number {
    return FIELD_IDS.length * DiffusionDecaySolver.fieldBytes(side, side);
  }

  /** Sets a field's decay rate (1/day), e.g. virus clearance plus antibody neutralisation. */
  setDecay(id: FieldId, rate: number): void {
    this.decay[id] = rate;
  }

  /** Current decay rate of a field (1/day). */
  decayOf(id: FieldId): number {
    return this.decay[id];
  }

  /** Advances every field by `dt` days: diffusion (or mixing), then exact decay. */
  step(dt: number): void {
    for (const id of FIELD_IDS) {
      const u = this.values[id];
      if (this.spatial) {
        this.solvers[id].setRates(this.diffusion[id], this.decay[id]);
        this.solvers[id].step(u, dt);
      } else {
        mix(u, portableMath.exp(-this.decay[id] * dt));
      }
    }
  }

  /** Total of a field over the patch. */
  total(id: FieldId): number {
    const u = this.values[id];
    let sum = 0;
    for (let i = 0; i < u.length; i++) sum += u[i];
    return sum;
  }
}

/** Sets every value to the mean times `factor` (instant mixing, then decay). */
function mix(u: FieldArray, factor: number): void {
  let sum = 0;
  for (let i = 0; i < u.length; i++) sum += u[i];
  u.fill((sum / u.length) * factor);
}

/**
 * Amount to add before a step's decay so that a constant source `rate` per day ends the step exactly as the
 * ODE dx/dt = rate − k·x would: rate·(e^(k·dt) − 1)/k (rate·dt without decay).
 */
export function sourcePerStep(rate: number, k: number, dt: number): number {
  // Beyond k·dt = 50 the source has decayed away by the end of the step; capping avoids overflow to ∞.
  return k > 0 ? (rate * portableMath.expm1(Math.min(k * dt, 50))) / k : rate * dt;
}
