/**
 * @packageDocumentation
 * The ImmunoTwin JupyterLab extension: the model registry, one in-browser twin kernel per model that asks
 * for one (beside the server's kernels, or in JupyterLite), and the "ImmunoTwin" launcher section with the
 * notebook templates.
 */
import { launcherPlugin } from './launcher';
import { modelFilePlugin } from './modelFile';
import { modelRegistryPlugin } from './registry';
import {
  browserKernelClientPlugin,
  browserKernelSpecsPlugin,
  kernelManagerPlugin,
  kernelSpecManagerPlugin,
  sessionManagerPlugin,
  twinKernelsPlugin,
} from './services';

export { IModelRegistry } from './tokens';
export { ModelRegistry } from './modelRegistry';
export { OPEN_MODEL_WORKBENCH } from './modelFile';
export { SERVER_ONLY_PLUGINS } from './services';
export { CATEGORY, CommandIDs } from './launcher';
export { notebookTemplates, type INotebookTemplate } from './templates/catalog';
export { twinKernelSpecs, KERNEL_NAME_PREFIX, type ITwinKernelSpec } from './specs';

export default [
  modelRegistryPlugin,
  browserKernelSpecsPlugin,
  browserKernelClientPlugin,
  kernelManagerPlugin,
  kernelSpecManagerPlugin,
  sessionManagerPlugin,
  twinKernelsPlugin,
  launcherPlugin,
  modelFilePlugin,
];
