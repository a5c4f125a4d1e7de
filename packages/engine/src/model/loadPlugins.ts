import type { PluginDescriptor } from './pluginDescriptor.js';
import type { ModelPlugin } from './types.js';

/** Imports an ES module by URL or specifier (the host's `import()`, or a test's stand-in). */
export type ModuleImporter = (specifier: string) => Promise<Record<string, unknown>>;

/** Options of {@link loadPlugins}. */
export interface LoadPluginsOptions {
  /** How modules are imported (default: the host's dynamic `import()`). */
  importModule?: ModuleImporter;
  /**
   * What a module whose default export is a function receives: the host's engine API, so code written in a
   * notebook cell (which cannot import packages) can use it. The function returns a plugin or a list of them.
   */
  host?: unknown;
}

// The specifier is data, so bundlers must leave the import alone (rspack/webpack and vite both skip it).
const importByUrl: ModuleImporter = (specifier) => import(/* webpackIgnore: true */ /* @vite-ignore */ specifier);

function isPlugin(value: unknown): value is ModelPlugin {
  if (typeof value !== 'object' || value === null) return false;
  const manifest = (value as { manifest?: unknown }).manifest;
  return typeof manifest === 'object' && manifest !== null && typeof (manifest as { id?: unknown }).id === 'string';
}

/**
 * Every plugin an imported module offers: plugins and lists of plugins among its exports, and those its default
 * export returns when it is a function (called with `host`, the host's engine API).
 */
export function pluginsInModule(module: Record<string, unknown>, host?: unknown): ModelPlugin[] {
  const found: ModelPlugin[] = [];
  for (const [name, value] of Object.entries(module)) {
    const made =
      name === 'default' && typeof value === 'function' ? (value as (host: unknown) => unknown)(host) : value;
    for (const item of Array.isArray(made) ? made : [made]) if (isPlugin(item)) found.push(item);
  }
  return found;
}

function describe(descriptor: PluginDescriptor): string {
  const by = descriptor.provider ? `, provided by ${descriptor.provider}` : '';
  return `model "${descriptor.manifest.id}" (code at ${descriptor.module}${by})`;
}

/**
 * Turns descriptors into runnable plugins: a data plugin is its manifest; a code plugin is found by its id
 * among the exports of its module (a plugin, a list of plugins, or a default function of the host API that
 * returns them). Each module is imported once. Rejects with an Error naming the model, the module and the
 * provider when a module cannot be loaded or does not offer the model.
 */
export async function loadPlugins(
  descriptors: readonly PluginDescriptor[],
  options: LoadPluginsOptions = {},
): Promise<ModelPlugin[]> {
  const importModule = options.importModule ?? importByUrl;
  const modules = new Map<string, Promise<ModelPlugin[]>>();
  const offered = (specifier: string): Promise<ModelPlugin[]> => {
    let plugins = modules.get(specifier);
    if (!plugins) {
      plugins = importModule(specifier).then((module) => pluginsInModule(module, options.host));
      modules.set(specifier, plugins);
    }
    return plugins;
  };
  return Promise.all(
    descriptors.map(async (descriptor): Promise<ModelPlugin> => {
      if (descriptor.module === undefined) return { manifest: descriptor.manifest };
      let plugins: ModelPlugin[];
      try {
        plugins = await offered(descriptor.module);
      } catch (error) {
        throw new Error(
          `could not load the code of ${describe(descriptor)}: ${error instanceof Error ? error.message : String(error)}`,
          { cause: error },
        );
      }
      const plugin = plugins.find((p) => p.manifest.id === descriptor.manifest.id);
      if (!plugin) {
        const ids = plugins.map((p) => p.manifest.id);
        throw new Error(
          `the module of ${describe(descriptor)} does not export it; it exports ${ids.length ? ids.map((id) => `"${id}"`).join(', ') : 'no model plugins'}`,
        );
      }
      return plugin;
    }),
  );
}
