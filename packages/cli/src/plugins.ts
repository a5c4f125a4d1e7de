import { isPlainObject, ValidationError, type ModelManifest, type ModelRegistry } from '@immunotwin/engine';
import type { OptionSpec } from './args.js';
import { CliError, fileValidationError } from './errors.js';
import { readJsonFile } from './readJson.js';

/** `--plugin <model.json>`: the option of every command that resolves models. */
export const PLUGIN_OPTION: OptionSpec = {
  name: 'plugin',
  value: 'model.json',
  repeatable: true,
  description: 'register a reaction-network model manifest beside the built-in models (repeatable)',
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
): Promise<ModelManifest> {
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
  return manifest;
}

/** Registers every `--plugin` file in order (see registerPluginFile). */
export async function registerPluginFiles(
  registry: ModelRegistry,
  files: readonly string[],
  resolvePath: (file: string) => string,
): Promise<void> {
  const origins: PluginOrigins = new Map();
  for (const file of files) await registerPluginFile(registry, resolvePath(file), file, origins);
}
