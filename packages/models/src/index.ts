/**
 * @packageDocumentation
 * The models ImmunoTwin ships. Pages and workers take them as descriptors (`builtInDescriptors`, from
 * `@immunotwin/models/descriptors`), which name where each model's code is; Node hosts and tests that want the
 * code at once take `builtInModels` or `builtInRegistry()`.
 */
import { ModelRegistry, type ModelPlugin } from '@immunotwin/engine';
import { immuneModels } from '@immunotwin/model-immune';
import { lungModels } from '@immunotwin/model-lung';
import { withinHostModels } from '@immunotwin/model-within-host';

export { builtInDescriptors, IMMUNE_MODULE, LUNG_MODULE } from './descriptors.js';

/** Every built-in model plugin, with its code (the same models, in the same order, as `builtInDescriptors`). */
export const builtInModels: readonly ModelPlugin[] = [...withinHostModels, ...immuneModels, ...lungModels];

/** A registry holding the built-in models (each checked by the registry as it registers). */
export function builtInRegistry(): ModelRegistry {
  const registry = new ModelRegistry();
  for (const plugin of builtInModels) registry.register(plugin);
  return registry;
}
