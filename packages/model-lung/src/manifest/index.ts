/**
 * The Lung Twin's manifest entry point (`@immunotwin/model-lung/manifest`): its manifest and the lists it is made
 * of, as data, without the model's code (for pages that only list models).
 */
import type { ModelManifest } from '@immunotwin/engine';
import { lungManifest } from './manifest.js';

export { lungManifest } from './manifest.js';
export { LUNG_PARAMETERS } from './parameters.js';
export { LUNG_OBSERVABLES } from './observables.js';
export { LUNG_INTERVENTIONS } from './interventions.js';
export { LUNG_PRESETS } from './presets.js';
export { INNATE_PARAMETERS } from './innateParameters.js';
export { LUNG_REFERENCES } from './references.js';

/** The manifest of every model in this package, in the order of `lungModels`. */
export const lungManifests: readonly ModelManifest[] = [lungManifest];
