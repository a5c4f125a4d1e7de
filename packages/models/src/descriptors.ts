/**
 * The built-in models as plugin descriptors (`@immunotwin/models/descriptors`): manifests, plus where a model's
 * code is. This is what a page lists (kernelspecs, the launcher) and what it hands the workers, which load the
 * code themselves: no worker holds a list of models. The within-host models are reaction networks, so their
 * manifest is the whole model; the Immune System Twin's code is the `@immunotwin/model-immune` module and the
 * Lung Twin's the `@immunotwin/model-lung` module (package names that Node resolves; the JupyterLab extension
 * maps each to the URL where it serves that module).
 */
import { SUITE_PROVIDER, type PluginDescriptor } from '@immunotwin/engine';
import { immuneManifests } from '@immunotwin/model-immune/manifest';
import { lungManifests } from '@immunotwin/model-lung/manifest';
import { withinHostManifests } from '@immunotwin/model-within-host/manifest';

/** The module specifier of the Immune System Twin's code. */
export const IMMUNE_MODULE = '@immunotwin/model-immune';

/** The module specifier of the Lung Twin's code. */
export const LUNG_MODULE = '@immunotwin/model-lung';

/** Every built-in model, as a descriptor. */
export const builtInDescriptors: readonly PluginDescriptor[] = [
  ...withinHostManifests.map((manifest) => ({ manifest, provider: SUITE_PROVIDER })),
  ...immuneManifests.map((manifest) => ({ manifest, module: IMMUNE_MODULE, provider: SUITE_PROVIDER })),
  ...lungManifests.map((manifest) => ({ manifest, module: LUNG_MODULE, provider: SUITE_PROVIDER })),
];
