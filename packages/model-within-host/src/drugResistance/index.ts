import { defineModel, type ModelPlugin } from '@immunotwin/engine';
import { drugResistanceManifest } from './manifest.js';

export { drugResistanceManifest } from './manifest.js';
export * from './theory.js';

/** The influenza model with a drug-sensitive and a drug-resistant strain as a plugin (ODE, SSA and tau-leaping). */
export const drugResistance: ModelPlugin = defineModel({ manifest: drugResistanceManifest });
