/**
 * @immunotwin/model-within-host — the compartment models immunology courses teach, as engine plugins.
 */
import type { ModelPlugin } from '@immunotwin/engine';
import { targetCellLimited } from './targetCellLimited/index.js';
import { innateAdaptive } from './innateAdaptive/index.js';
import { bacterialInnate } from './bacterialInnate/index.js';
import { drugResistance } from './drugResistance/index.js';

export * from './references.js';
export { withinHostManifests } from './manifests.js';
export * from './targetCellLimited/index.js';
export * from './innateAdaptive/index.js';
export * from './bacterialInnate/index.js';
export * from './drugResistance/index.js';

/** Every model in this package, for registering with a host's model registry. */
export const withinHostModels: readonly ModelPlugin[] = [
  targetCellLimited,
  innateAdaptive,
  bacterialInnate,
  drugResistance,
];
