import { IModelRegistry } from '@immunotwin/jupyterlab-extension';
import type { JupyterFrontEnd, JupyterFrontEndPlugin } from '@jupyterlab/application';
import { manifest } from './manifest.js';

/** The npm package that provides the model (named when its code cannot be loaded). */
export const PROVIDER = 'immunotwin-model-hiv-latent';

/** Where the build puts the model's bundled code, under this extension's static folder. */
export const MODEL_MODULE_FILE = 'models/hiv-latent.js';

// The bundler's public path: the URL of this extension's static folder, set when its remote entry loads.
declare const __webpack_public_path__: string | undefined;

/** The URL a worker imports the model's code from; `base` defaults to this extension's static folder. */
export function modelModuleUrl(base: string | undefined = staticBase()): string {
  if (!base) throw new Error(`${PROVIDER}: the extension does not know where its static files are served`);
  return new URL(MODEL_MODULE_FILE, new URL(base, globalThis.location?.href)).href;
}

function staticBase(): string | undefined {
  return typeof __webpack_public_path__ === 'string' ? __webpack_public_path__ : undefined;
}

/**
 * Registers the model with ImmunoTwin: its manifest and the URL of its code. ImmunoTwin then offers a twin
 * kernel for it (a launcher card) and runs it in workbenches; the page itself never loads the model's code.
 */
const plugin: JupyterFrontEndPlugin<void> = {
  id: `${PROVIDER}:register`,
  description: `Registers the ImmunoTwin model "${manifest.id}" (${manifest.title}).`,
  autoStart: true,
  requires: [IModelRegistry],
  activate: (_app: JupyterFrontEnd, registry: IModelRegistry): void => {
    registry.register({ manifest, module: modelModuleUrl(), provider: PROVIDER });
  },
};

export default plugin;
