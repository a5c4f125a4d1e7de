import type { CoupledCirculationSnapshot } from './tissue/coupledCirculation.js';
import type { DiffusingFieldId, LungFieldId } from './tissue/fields.js';
import type { InnatePoolSnapshot } from './tissue/innate.js';
import type { LymphSignalSnapshot } from './tissue/lymphSignal.js';
import type { TCellPool } from './tissue/tCells.js';
import type { TreatmentsSnapshot } from './treatments.js';

/** The state a Lung Twin snapshot holds (`LungModel.snapshot()`; restored by `restore()`). */
export interface LungSnapshot {
  clock: Float64Array;
  cells: Uint8Array;
  types: Uint8Array;
  timers: Float32Array;
  debris: Uint8Array;
  fields: Record<LungFieldId, Float32Array>;
  /** The voxels' values of the fields that diffuse on voxels (absent in snapshots from before voxels). */
  voxels?: Partial<Record<DiffusingFieldId, Float32Array>>;
  tCells: ReturnType<TCellPool['snapshot']>;
  innate: InnatePoolSnapshot;
  treatments: TreatmentsSnapshot;
  circulation: CoupledCirculationSnapshot | null;
  lymphSignal?: LymphSignalSnapshot | null;
  inputClearance: number;
  rng: Uint32Array;
}
