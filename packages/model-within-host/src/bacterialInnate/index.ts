import { defineModel, type ModelPlugin } from '@immunotwin/engine';
import { bacterialInnateManifest } from './manifest.js';

export { bacterialInnateManifest } from './manifest.js';
export * from './theory.js';

/** Extracellular bacteria against alveolar macrophages and neutrophils as a plugin (ODE, SSA and tau-leaping). */
export const bacterialInnate: ModelPlugin = defineModel({ manifest: bacterialInnateManifest });
