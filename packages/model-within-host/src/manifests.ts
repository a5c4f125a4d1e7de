/**
 * The within-host models' manifest entry point (`@immunotwin/model-within-host/manifest`): their manifests as
 * data, with none of the theory helpers, for a page that only lists models.
 */
import type { ModelManifest } from '@immunotwin/engine';
import { bacterialInnateManifest } from './bacterialInnate/manifest.js';
import { drugResistanceManifest } from './drugResistance/manifest.js';
import { innateAdaptiveManifest } from './innateAdaptive/manifest.js';
import { targetCellLimitedManifest } from './targetCellLimited/manifest.js';

export { bacterialInnateManifest, drugResistanceManifest, innateAdaptiveManifest, targetCellLimitedManifest };

/** The manifest of every model in this package, in the order of `withinHostModels`. */
export const withinHostManifests: readonly ModelManifest[] = [
  targetCellLimitedManifest,
  innateAdaptiveManifest,
  bacterialInnateManifest,
  drugResistanceManifest,
];
