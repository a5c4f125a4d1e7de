import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as engine from '@immunotwin/engine';
import {
  isPlainObject,
  modelPluginsIn,
  ValidationError,
  type ModelManifest,
  type ModelPlugin,
  type ModelRegistry,
  type PluginDescriptor,
} from '@immunotwin/engine';
import type { OptionSpec } from './args.js';
import { CliError, fileValidationError } from './errors.js';
import { readJsonFile } from './readJson.js';

/** `--plugin <model.json|module.js|package>`: the option of every command that resolves models. */
export const PLUGIN_OPTION: OptionSpec = {
  name: 'plugin',
  value: 'model.json|module.js|package',
  repeatable: true,
  description:
    'register models beside the built-in ones: a reaction-network manifest (.json), or the ES module or installed package of a model plugin (repeatable)',
};

/** Which file registered which model id, so a clash can name both sides. */
export type PluginOrigins = Map<string, string>;

function describeOwner(id: string, origins: PluginOrigins): string {
  const file = origins.get(id);
  return file === undefined ? 'a built-in model' : `the plugin "${file}"`;
}

/**
 * Reads one data plugin (a reaction-network model manifest JSON file) and registers it. The registry
 * validates it as any model; problems become CliErrors that start with the file name. A manifest without
 * `network` (a stepped model needs code, not only data) and a taken id are refused.
 *
 * @param registry where to register
 * @param path absolute path of the file
 * @param file the name to show in messages (as the user wrote it)
 * @param origins ids registered by earlier plugin files (updated)
 */
export async function registerPluginFile(
  registry: ModelRegistry,
  path: string,
  file: string,
  origins: PluginOrigins = new Map(),
): Promise<PluginDescriptor[]> {
  if (!file.endsWith('.json')) return registerPluginModule(registry, path, file, origins);
  const document = await readJsonFile(path, file);
  if (!isPlainObject(document)) {
    throw new CliError(
      `${file}: a data plugin must be a model manifest (a JSON object); got ${Array.isArray(document) ? 'an array' : typeof document}`,
    );
  }
  if (!('network' in document)) {
    throw new CliError(
      `${file}: only reaction-network manifests can be data plugins, and this one has no "network"; ` +
        'a model stepped by code (method "agent") must be installed as a package',
    );
  }
  const id = document.id;
  if (typeof id === 'string' && registry.has(id)) {
    throw new CliError(
      `${file}: model id "${id}" is already taken by ${describeOwner(id, origins)}; give the plugin another "id"`,
    );
  }
  const manifest = document as unknown as ModelManifest;
  try {
    registry.register({ manifest });
  } catch (error) {
    if (error instanceof ValidationError) throw fileValidationError(file, error);
    throw error;
  }
  origins.set(manifest.id, file);
  return [{ manifest }];
}

/**
 * Where a code plugin's module is: a `file:` URL, a file (relative to the working directory), or an installed
 * package or package subpath (e.g. `immunotwin-model-hiv-latent/model`).
 */
function moduleUrl(path: string, file: string): string {
  if (file.startsWith('file:')) return file;
  if (existsSync(path)) return pathToFileURL(path).href;
  try {
    // Resolved as from a module in the working directory, where `npm install` or `pip install` put it.
    return pathToFileURL(createRequire(join(process.cwd(), 'noop.js')).resolve(file)).href;
  } catch {
    throw new CliError(
      `${file}: no such file, and no installed package of that name; --plugin takes a model manifest (.json), a plugin's ES module (.js, .mjs) or an installed plugin package`,
    );
  }
}

/**
 * Imports a code plugin (an ES module file or an installed package) and registers every model it offers: its
 * exported plugins, or what its default export returns given the engine. Refuses a module with none, and taken
 * ids, naming the module. Returns their descriptors (manifest and module URL), for workers to load them too.
 */
export async function registerPluginModule(
  registry: ModelRegistry,
  path: string,
  file: string,
  origins: PluginOrigins = new Map(),
): Promise<PluginDescriptor[]> {
  const url = moduleUrl(path, file);
  let plugins: ModelPlugin[];
  try {
    plugins = modelPluginsIn((await import(url)) as Record<string, unknown>, engine);
  } catch (error) {
    throw new CliError(`${file}: could not load the plugin module: ${(error as Error).message}`);
  }
  if (plugins.length === 0) {
    throw new CliError(`${file}: the module exports no model plugin (an object with a manifest, or a list of them)`);
  }
  for (const plugin of plugins) {
    const { id } = plugin.manifest;
    if (registry.has(id)) {
      throw new CliError(`${file}: model id "${id}" is already taken by ${describeOwner(id, origins)}`);
    }
    try {
      registry.register(plugin);
    } catch (error) {
      if (error instanceof ValidationError) throw fileValidationError(file, error);
      throw error;
    }
    origins.set(id, file);
  }
  return plugins.map((plugin) => ({ manifest: plugin.manifest, module: url }));
}

/** Registers every `--plugin` file in order (see registerPluginFile); resolves to their models' descriptors. */
export async function registerPluginFiles(
  registry: ModelRegistry,
  files: readonly string[],
  resolvePath: (file: string) => string,
): Promise<PluginDescriptor[]> {
  const origins: PluginOrigins = new Map();
  const descriptors: PluginDescriptor[] = [];
  for (const file of files) descriptors.push(...(await registerPluginFile(registry, resolvePath(file), file, origins)));
  return descriptors;
}
