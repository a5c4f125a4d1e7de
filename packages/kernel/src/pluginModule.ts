import type { ModelManifest, ModelPlugin } from '@immunotwin/engine';
import { valueSource } from './valueSource.js';

/** What `models.register` says when a model's code cannot travel to a workbench. */
export const SELF_CONTAINED =
  "models.register: the model's code must be self-contained to run in workbenches (it may use its arguments and `engine`)";

/** The MIME type of ES module source in a `data:` URL. */
const JS_DATA_URL = 'data:text/javascript,';

/**
 * The code of a plugin defined in a notebook cell, as a `data:` URL of an ES module a workbench's worker can
 * import: the plugin written out as source (its manifest as data, its functions as their source) inside a
 * default export that receives the host's engine API as `engine`. Its functions must therefore be
 * self-contained: they may use their arguments and `engine`, not other names from the notebook (refused here,
 * by name; the kernel then loads the module itself, so anything else that dangles fails there first).
 * Undefined for a reaction network, whose manifest is the whole model.
 */
export function pluginModuleUrl(plugin: ModelPlugin): string | undefined {
  if (!plugin.createStepped) return undefined;
  let body: string;
  try {
    // A `defineModel` plugin is remade from its definition by the receiving engine's `defineModel`.
    body =
      plugin.definition === undefined
        ? valueSource(plugin)
        : `engine.defineModel(${valueSource(plugin.definition, 'the model definition')})`;
  } catch (error) {
    throw new Error(`${SELF_CONTAINED}: ${(error as Error).message}`, { cause: error });
  }
  const source = `export default (engine) => (${body});`;
  return JS_DATA_URL + encodeURIComponent(source);
}

/** Reads a model given to `models.register`: JSON text or an object (a manifest, or a plugin with code). */
export function pluginFrom(value: unknown): ModelPlugin {
  let input = value;
  if (typeof input === 'string') {
    try {
      input = JSON.parse(input);
    } catch (error) {
      throw new SyntaxError(`models.register: the text is not JSON (${(error as Error).message})`);
    }
  }
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new TypeError(
      'models.register: expects a model manifest (an object or JSON text, e.g. read from model.json) or a plugin { manifest, createStepped }',
    );
  }
  if ('manifest' in input) return input as ModelPlugin;
  return { manifest: input as ModelManifest };
}
