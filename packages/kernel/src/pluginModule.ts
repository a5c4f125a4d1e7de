import type { ModelManifest, ModelPlugin } from '@immunotwin/engine';
import { notebookNamesIn } from './rewrite.js';

/** What `models.register` says when a model's code cannot travel to a workbench. */
export const SELF_CONTAINED =
  "models.register: the model's code must be self-contained to run in workbenches (it may use its arguments and `engine`)";

/** The MIME type of ES module source in a `data:` URL. */
const JS_DATA_URL = 'data:text/javascript,';

/**
 * The source of a plugin's factory as an expression: a method written in shorthand (`createStepped(c) {…}`)
 * becomes a function expression; arrows and function expressions stay as they are.
 */
function factoryExpression(factory: (...args: never[]) => unknown): string {
  const source = Function.prototype.toString.call(factory).trim();
  const borrowed = notebookNamesIn(source);
  if (borrowed.length > 0) {
    throw new ReferenceError(
      `it uses ${borrowed.join(', ')} from the notebook; define ${borrowed.length > 1 ? 'them' : 'it'} inside the model's code`,
    );
  }
  if (/^(async\s+)?(function\b|\(|[A-Za-z_$][\w$]*\s*=>)/.test(source)) return `(${source})`;
  if (/^(async\s+)?[A-Za-z_$][\w$]*\s*\(/.test(source)) return `({ ${source} })[${JSON.stringify(factory.name)}]`;
  throw new TypeError(`the model's factory cannot travel as source: ${source.slice(0, 60)}…`);
}

/**
 * The code of a plugin defined in a notebook cell, as a `data:` URL of an ES module a workbench's worker can
 * import: its manifest as JSON and its factory's source, inside a default export that receives the host's
 * engine API as `engine`. The factory must therefore be self-contained: it may use its arguments and
 * `engine`, not other names from the notebook (the kernel loads the module itself, so a dangling name fails
 * there first). Undefined for a reaction network, whose manifest is the whole model.
 */
export function pluginModuleUrl(plugin: ModelPlugin): string | undefined {
  if (!plugin.createStepped) return undefined;
  let factory: string;
  try {
    factory = factoryExpression(plugin.createStepped);
  } catch (error) {
    throw new Error(`${SELF_CONTAINED}: ${(error as Error).message}`, { cause: error });
  }
  const source = [
    `const manifest = ${JSON.stringify(plugin.manifest)};`,
    `export default (engine) => ({ manifest, createStepped: ${factory} });`,
  ].join('\n');
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
