/**
 * @packageDocumentation
 * The ImmunoTwin JupyterLab extension: the model registry and one in-browser twin kernel per model that
 * asks for one, running beside the server's kernels.
 */
import { modelRegistryPlugin } from './registry';
import {
  browserKernelClientPlugin,
  browserKernelSpecsPlugin,
  kernelManagerPlugin,
  kernelSpecManagerPlugin,
  sessionManagerPlugin,
} from './services';

export { IModelRegistry } from './tokens';
export { twinKernelSpecs, KERNEL_NAME_PREFIX, type ITwinKernelSpec } from './specs';

export default [
  modelRegistryPlugin,
  browserKernelSpecsPlugin,
  browserKernelClientPlugin,
  kernelManagerPlugin,
  kernelSpecManagerPlugin,
  sessionManagerPlugin,
];
