/**
 * The built-in models' manifests (`@immunotwin/models/manifests`), in the order of `builtInModels`: what a page
 * needs to list the models (kernelspecs, the launcher) without their code, which only the workers that run
 * a model load (through `@immunotwin/models`).
 */
import type { ModelManifest } from '@immunotwin/engine';
import { immuneManifests } from '@immunotwin/model-immune/manifest';
import { withinHostManifests } from '@immunotwin/model-within-host/manifest';

/** The manifest of every built-in model. */
export const builtInManifests: readonly ModelManifest[] = [...withinHostManifests, ...immuneManifests];
