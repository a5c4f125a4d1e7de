/** Space for agent-based models: lattices with precomputed neighbours, diffusion–decay fields, tissue views. */
export {
  Lattice2D,
  MOORE_DIRECTIONS,
  mooreNeighbour,
  mooreNeighbourAt,
  neighbourAt,
  type LatticeBoundary,
} from './lattice.js';
export {
  DiffusionDecaySolver,
  EXPLICIT_DIFFUSION_LIMIT,
  fieldTotal,
  type DiffusionDecayOptions,
  type DiffusionMethod,
  type DiffusionScheme,
  type FieldArray,
} from './diffusion.js';
export {
  boxIsEmpty,
  clearBox,
  fullBox,
  includeInBox,
  includeNonZero,
  includeSite,
  type SiteBox,
} from './diffusionActive.js';
export { diffusionKernelAvailable } from './diffusionKernel.js';
export { allocateIn, KernelMemory } from './kernelMemory.js';
export { loadWasmModule, type WasmModule } from './wasmModule.js';
export { bindKernel, KernelControl, type BoundKernel } from './kernelControl.js';
export { viewedFieldIds, type TissueView } from './tissueView.js';
export { PicturePace } from './picturePace.js';
export {
  encodeTissueFrame,
  parseTissue,
  pictureFields,
  pictureTissue,
  tissueCounts,
  tissueFieldGrid,
  tissueFieldStride,
  tissueHeader,
  TISSUE_BUNDLE_VERSION,
  TissueFrameJsonSchema,
  TissueJsonSchema,
  typedArrayToBase64,
  type Tissue,
  type TissueFrame,
  type TissueFrameJson,
  type TissueHeader,
  type TissueJson,
} from './tissueBundle.js';
export {
  blockMeans,
  dequantizeField,
  fieldGrid,
  FIELD_MAX_SIDE,
  quantizeField,
  type QuantizedField,
} from './tissueFieldCoding.js';
export { blockGrid, type FieldGrid } from './blockGrid.js';
export { cellLevels, levelSides, severityRanks, type CellLevel } from './cellLevels.js';
export { VoxelDiffusionDecaySolver, type FieldSolver } from './voxelDiffusion.js';
