import { defineModel, type ModelPlugin } from '@immunotwin/engine';
import { innateAdaptiveManifest } from './manifest.js';

export { innateAdaptiveManifest } from './manifest.js';

/** The virus + innate (interferon) + adaptive (CD8 T cells, antibody) model as a plugin (ODE, SSA and tau-leaping). */
export const innateAdaptive: ModelPlugin = defineModel({ manifest: innateAdaptiveManifest });
