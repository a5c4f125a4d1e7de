import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { checkoutVersion, suiteDependencies, type SuiteSource } from './dependencies.js';
import { pluginNames, type PluginNames } from './names.js';
import { packageJson } from './packageJson.js';
import { templateFiles, type GeneratedFile } from './template.js';

/** What to generate. */
export interface GenerateOptions {
  /** The new package's folder (created; it must not exist or be empty). */
  readonly directory: string;
  /** Model id. */
  readonly id: string;
  /** Title (default: from the id). */
  readonly title?: string;
  /** An ImmunoTwin checkout whose packages the plugin uses (`file:` dependencies) instead of the published ones. */
  readonly immunotwinFrom?: string;
  /** The published ImmunoTwin version range used without a checkout. */
  readonly publishedRange: string;
}

/** What was generated. */
export interface GenerateResult {
  /** The plugin's names. */
  readonly names: PluginNames;
  /** The package folder (absolute). */
  readonly directory: string;
  /** Files written, relative to it. */
  readonly files: readonly string[];
}

/** Characters a title may not hold: it is written inside TypeScript, TOML and JSON strings. */
const UNSAFE_TITLE = /["'\\`\n\r]/;

/** The files of a new plugin package, without writing them. */
export function pluginFiles(options: GenerateOptions): { names: PluginNames; files: GeneratedFile[] } {
  if (options.title !== undefined && UNSAFE_TITLE.test(options.title)) {
    throw new Error(
      `the title ${JSON.stringify(options.title)} holds a quote, backslash or line break; leave them out`,
    );
  }
  const names = pluginNames(options.id, options.title);
  const source: SuiteSource = options.immunotwinFrom
    ? { kind: 'checkout', path: options.immunotwinFrom }
    : { kind: 'published', range: options.publishedRange };
  const suite = suiteDependencies(source, options.directory);
  const extensionRange = options.immunotwinFrom
    ? `^${checkoutVersion(options.immunotwinFrom)}`
    : options.publishedRange;
  const manifest = packageJson(names, { suite, extensionRange });
  return {
    names,
    files: [...templateFiles(names), { path: 'package.json', contents: `${JSON.stringify(manifest, null, 2)}\n` }],
  };
}

/**
 * Writes a new plugin package into `options.directory`. Throws, writing nothing, when the folder exists and
 * is not empty, or when an option is invalid (the message names it).
 */
export function generate(options: GenerateOptions): GenerateResult {
  const directory = resolve(options.directory);
  if (existsSync(directory) && readdirSync(directory).length > 0) {
    throw new Error(`${options.directory} exists and is not empty; choose a new folder`);
  }
  const { names, files } = pluginFiles(options);
  for (const file of files) {
    const path = join(directory, file.path);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, file.contents);
  }
  return { names, directory, files: files.map((file) => file.path) };
}
