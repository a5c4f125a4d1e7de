import { ModelRegistry } from '@immunotwin/engine';
import { withinHostModels } from '@immunotwin/model-within-host';

/** A registry with every model the CLI ships with (registration validates each one). */
export function createRegistry(): ModelRegistry {
  const registry = new ModelRegistry();
  for (const plugin of withinHostModels) registry.register(plugin);
  return registry;
}
