import type { PluginNames } from './names.js';
import { JUPYTERLAB_VERSIONS, TOOL_VERSIONS } from './versions.js';

/** What the generated package.json depends on besides the tools. */
export interface PackageJsonOptions {
  /** Specifier of each ImmunoTwin package (a semver range or a `file:` path). */
  readonly suite: Readonly<Record<string, string>>;
  /** The semver range of the ImmunoTwin JupyterLab extension the plugin's page code runs against. */
  readonly extensionRange: string;
}

/**
 * The generated package.json: an npm package that is also a prebuilt JupyterLab extension. It consumes the
 * suite's extension as a shared singleton it never bundles (so its `IModelRegistry` token is the suite's own
 * object), shares nothing else, and exports its model for Node (`<package>/model`).
 */
export function packageJson(names: PluginNames, options: PackageJsonOptions): Record<string, unknown> {
  return {
    name: names.packageName,
    version: '0.1.0',
    description: `${names.title}: an ImmunoTwin model plugin (model code, JupyterLab extension and Python package)`,
    license: 'BSD-3-Clause',
    keywords: ['jupyter', 'jupyterlab', 'jupyterlab-extension', 'immunotwin', 'immunotwin-model'],
    type: 'module',
    main: 'lib/index.js',
    types: 'lib/index.d.ts',
    exports: {
      '.': { types: './lib/index.d.ts', default: './lib/index.js' },
      './model': { types: './lib/model.d.ts', default: './lib/model.js' },
    },
    files: ['lib/**/*.{js,d.ts}', 'src/**/*.ts'],
    sideEffects: false,
    scripts: {
      build: 'tsc && node scripts/build-labextension.mjs',
      test: 'vitest run',
    },
    dependencies: {
      ...options.suite,
      ...JUPYTERLAB_VERSIONS,
    },
    devDependencies: { ...TOOL_VERSIONS },
    jupyterlab: {
      extension: true,
      outputDir: `${names.pythonPackage}/labextension`,
      sharedPackages: {
        '@immunotwin/jupyterlab-extension': {
          bundled: false,
          singleton: true,
          requiredVersion: options.extensionRange,
        },
        '@immunotwin/engine': false,
      },
    },
  };
}
