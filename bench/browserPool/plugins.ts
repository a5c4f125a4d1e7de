import { builtInDescriptors } from '@immunotwin/models/descriptors';

/**
 * The models the benchmark's pools know: the built-in descriptors without a module. Both workloads' models are
 * reaction networks (their manifest is the whole model); this page serves no model code, so the Immune System
 * Twin, whose code the JupyterLab extension serves, is left out.
 */
export const plugins = builtInDescriptors.filter((descriptor) => descriptor.module === undefined);
