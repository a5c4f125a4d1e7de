/**
 * The immune twin's manifest entry point (`@immunotwin/model-immune/manifest`): its manifest and the lists it is
 * made of, as data. It imports no model code, so a page that only lists models (the JupyterLab extension) can
 * take it without the agent model or its WebAssembly kernel, which load in the workers that run them.
 */
import type { ModelManifest } from '@immunotwin/engine';
import { immuneManifest } from './manifest.js';

export { immuneManifest } from './manifest.js';
export { IMMUNE_PARAMETERS } from './parameters.js';
export { IMMUNE_OBSERVABLES } from './observables.js';
export { IMMUNE_INTERVENTIONS } from './interventions.js';
export { IMMUNE_REFERENCES } from './references.js';

/** The manifest of every model in this package, in the order of `immuneModels`. */
export const immuneManifests: readonly ModelManifest[] = [immuneManifest];
