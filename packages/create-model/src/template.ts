import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PluginNames } from './names.js';

/** The template folder shipped with this package (beside lib/ and src/). */
export const TEMPLATE_DIR = fileURLToPath(new URL('../template/', import.meta.url));

/**
 * Files whose published name differs from the generated one: npm leaves `.gitignore` out of a package, so it
 * travels as `gitignore`.
 */
const RENAMED: Readonly<Record<string, string>> = { gitignore: '.gitignore' };

/** The placeholders of the template, each replaced by one of the plugin's names. */
export function placeholders(names: PluginNames): ReadonlyArray<readonly [string, string]> {
  return [
    ['__MODEL_ID__', names.id],
    ['__MODEL_TITLE__', names.title],
    ['__PACKAGE_NAME__', names.packageName],
    ['__PYTHON_DISTRIBUTION__', names.pythonDistribution],
    ['__PYTHON_PACKAGE__', names.pythonPackage],
  ];
}

/** `text` with every placeholder replaced. */
export function fillIn(text: string, names: PluginNames): string {
  return placeholders(names).reduce((filled, [token, value]) => filled.replaceAll(token, value), text);
}

/** One file of the generated package: its path (with `/`) and its contents. */
export interface GeneratedFile {
  /** Path relative to the package folder. */
  readonly path: string;
  /** File contents. */
  readonly contents: string;
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? walk(join(dir, entry.name)) : [join(dir, entry.name)]))
    .sort();
}

/** Every template file, with its path and contents filled in for `names`. */
export function templateFiles(names: PluginNames, templateDir: string = TEMPLATE_DIR): GeneratedFile[] {
  return walk(templateDir).map((file) => {
    const parts = relative(templateDir, file).split(sep);
    const last = parts.length - 1;
    parts[last] = RENAMED[parts[last]] ?? parts[last];
    return { path: fillIn(parts.join('/'), names), contents: fillIn(readFileSync(file, 'utf8'), names) };
  });
}
