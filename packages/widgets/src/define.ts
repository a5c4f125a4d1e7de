import { TwinControls } from './twinControls.js';
import { TwinInterventions } from './twinInterventions.js';
import { TwinTimeseries } from './twinTimeseries.js';
import { TwinWorkbench } from './twinWorkbench.js';

/** The custom elements of this package by tag name. */
export const ELEMENTS = {
  'twin-controls': TwinControls,
  'twin-interventions': TwinInterventions,
  'twin-timeseries': TwinTimeseries,
  'twin-workbench': TwinWorkbench,
} as const;

/**
 * Registers every element (idempotent: a tag already defined, e.g. by a second copy of the package, is
 * left alone). Importing the package's main entry calls it.
 */
export function defineWidgets(registry: CustomElementRegistry = customElements): void {
  for (const [tag, element] of Object.entries(ELEMENTS)) {
    if (!registry.get(tag)) registry.define(tag, element);
  }
}
