import type { ModelManifest } from '../schema/index.js';

/**
 * A model plugin as data: what a page lists and what crosses a worker boundary. Workers receive descriptors
 * when they start and load each plugin's code themselves (`loadPlugins`), so no worker hard-codes a model
 * list.
 */
export interface PluginDescriptor {
  /** What the model is: its parameters, observables, interventions, presets and assumptions. */
  readonly manifest: ModelManifest;
  /**
   * Where the model's code is: the URL of an ES module a worker can `import()` (a web URL, a `data:` URL, or
   * in Node a `file:` URL or a package name). Absent for a reaction-network model, whose manifest is the
   * whole model (a data plugin).
   */
  readonly module?: string;
  /** Who provides the model (an npm or Python package, or "a notebook cell"): named when it is missing. */
  readonly provider?: string;
}

/** Whether a descriptor's model is data only (a reaction network with no code to load). */
export function isDataPlugin(descriptor: PluginDescriptor): boolean {
  return descriptor.module === undefined;
}

/** The provider named by the models that ship with ImmunoTwin (their outputs need not say where they come from). */
export const SUITE_PROVIDER = 'immunotwin';
