/**
 * @packageDocumentation
 * The models ImmunoTwin ships, in one list: every place that offers "the built-in models" (the twin
 * kernels' workers, the workbench's worker sessions, the JupyterLab extension's registry, the CLI) takes them
 * from here, so a model added to the suite appears everywhere at once.
 */
import { ModelRegistry, type ModelPlugin } from '@immunotwin/engine';
import { immuneModels } from '@immunotwin/model-immune';
import { withinHostModels } from '@immunotwin/model-within-host';

export { builtInManifests } from './manifests.js';

/** Every built-in model plugin. */
export const builtInModels: readonly ModelPlugin[] = [...withinHostModels, ...immuneModels];

/** A registry holding the built-in models (each checked by the registry as it registers). */
export function builtInRegistry(): ModelRegistry {
  const registry = new ModelRegistry();
  for (const plugin of builtInModels) registry.register(plugin);
  return registry;
}
