import type { ModelRegistry } from '@immunotwin/engine';
import { builtInRegistry } from '@immunotwin/models';

/** A registry with every model the CLI ships with (registration validates each one). */
export function createRegistry(): ModelRegistry {
  return builtInRegistry();
}
