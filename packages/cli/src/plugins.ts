import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as engine from '@immunotwin/engine';
import { pluginsInModule, type ModelRegistry, type PluginDescriptor } from '@immunotwin/engine';
import { aboutFile, CliError } from './errors.js';
import { readJsonFile } from './readJson.js';

/** What `--plugin` names: where a model comes from. */
export const PLUGIN_OPTION_VALUE = 'module|manifest.json';

/**
 * The URL of the ES module `specifier` names, seen from `cwd`: a `file:` URL as it is, a path (relative or
 * absolute) that exists, else a package name resolved as Node resolves it from `cwd` (e.g. the `./model` export
 * of a package made with create-immunotwin-model).
 */
export function pluginModuleUrl(specifier: string, cwd: string): string {
  if (specifier.startsWith('file:')) return specifier;
  const path = resolve(cwd, specifier);
  if (specifier.startsWith('.') || specifier.startsWith('/') || existsSync(path)) return pathToFileURL(path).href;
  try {
    return pathToFileURL(createRequire(join(cwd, 'package.json')).resolve(specifier)).href;
  } catch (error) {
    throw new CliError(
      `option --plugin: cannot find "${specifier}": no such file, and no package of that name from ${cwd}`,
      undefined,
      [],
      { cause: error },
    );
  }
}

/** The descriptors of the models an ES module exports, all pointing at that module. */
async function moduleDescriptors(specifier: string, cwd: string): Promise<PluginDescriptor[]> {
  const url = pluginModuleUrl(specifier, cwd);
  let module: Record<string, unknown>;
  try {
    module = await import(url);
  } catch (error) {
    throw new CliError(`option --plugin: could not load "${specifier}": ${(error as Error).message}`, undefined, [], {
      cause: error,
    });
  }
  const plugins = pluginsInModule(module, engine);
  if (plugins.length === 0) {
    throw new CliError(
      `option --plugin: "${specifier}" exports no model plugins (an export { manifest, createStepped }, a list of them, or a default function returning them)`,
    );
  }
  return plugins.map(({ manifest }) => ({ manifest, module: url, provider: specifier }));
}

/**
 * Adds the models of `--plugin` to the registry: a reaction network's manifest (a `.json` file, the whole
 * model) or an ES module exporting model plugins. All or none are added; a malformed model or a taken id is
 * reported naming the plugin. Resolves to the ids added.
 */
export async function addPlugin(registry: ModelRegistry, specifier: string, cwd: string): Promise<string[]> {
  const descriptors = specifier.toLowerCase().endsWith('.json')
    ? [
        {
          manifest: (await readJsonFile(resolve(cwd, specifier), specifier)) as PluginDescriptor['manifest'],
          provider: specifier,
        },
      ]
    : await moduleDescriptors(specifier, cwd);
  await aboutFile(specifier, () => registry.registerDescriptors(descriptors, { host: engine }));
  return descriptors.map((d) => d.manifest.id);
}
