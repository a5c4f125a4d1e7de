import { defineModel, type ModelPlugin } from '@immunotwin/engine';
import { targetCellLimitedManifest } from './manifest.js';

export { targetCellLimitedManifest } from './manifest.js';
export * from './theory.js';

/** The target-cell-limited virus model as a plugin (a reaction network: ODE, SSA and tau-leaping). */
export const targetCellLimited: ModelPlugin = defineModel({ manifest: targetCellLimitedManifest });
