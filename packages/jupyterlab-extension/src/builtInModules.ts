import { IMMUNE_MODULE, LUNG_MODULE } from '@immunotwin/models/descriptors';

/**
 * Where this extension serves the built-in models' code: ES modules bundled by
 * `scripts/bundle-model-modules.mjs` into the labextension's `static/models/`, beside its other assets, so the
 * same files are served by server JupyterLab and copied into a JupyterLite site.
 */
export const BUILT_IN_MODULE_FILES: Readonly<Record<string, string>> = {
  [IMMUNE_MODULE]: 'models/model-immune.js',
  [LUNG_MODULE]: 'models/model-lung.js',
};

// The bundler's public path: the URL of this extension's `static/` folder, set when its remote entry loads.
declare const __webpack_public_path__: string | undefined;

/**
 * The URL a worker imports a built-in model's code from (the package name the descriptor gives, mapped to the
 * file this extension serves). `base` defaults to the extension's static folder.
 */
export function builtInModuleUrl(specifier: string, base: string | undefined = staticBase()): string {
  const file = BUILT_IN_MODULE_FILES[specifier];
  if (!file) throw new Error(`ImmunoTwin serves no module for "${specifier}"`);
  if (!base) throw new Error('ImmunoTwin: the extension does not know where its static files are served');
  return new URL(file, new URL(base, globalThis.location?.href)).href;
}

function staticBase(): string | undefined {
  return typeof __webpack_public_path__ === 'string' ? __webpack_public_path__ : undefined;
}
