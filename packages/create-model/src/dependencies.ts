import { existsSync, readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';

/** The ImmunoTwin packages a plugin depends on, with their folder in an ImmunoTwin checkout. */
export const SUITE_PACKAGES: Readonly<Record<string, string>> = {
  '@immunotwin/engine': 'packages/engine',
  '@immunotwin/jupyterlab-extension': 'packages/jupyterlab-extension',
};

/** Where the ImmunoTwin packages come from. */
export type SuiteSource =
  /** The published packages, at this semver range. */
  | { readonly kind: 'published'; readonly range: string }
  /** The packages of a local checkout (`file:` specifiers, relative to the generated package). */
  | { readonly kind: 'checkout'; readonly path: string };

/** The dependency specifier of each suite package, seen from the generated package in `target`. */
export function suiteDependencies(source: SuiteSource, target: string): Record<string, string> {
  const specifiers: Record<string, string> = {};
  for (const [name, folder] of Object.entries(SUITE_PACKAGES)) {
    if (source.kind === 'published') {
      specifiers[name] = source.range;
      continue;
    }
    const packageDir = resolve(source.path, folder);
    if (!existsSync(join(packageDir, 'package.json'))) {
      throw new Error(
        `--immunotwin-from ${source.path}: no ${folder}/package.json there; give the root of an ImmunoTwin checkout`,
      );
    }
    specifiers[name] = `file:${relative(resolve(target), packageDir).split(sep).join('/')}`;
  }
  return specifiers;
}

/** The version of the suite packages in a checkout (its engine's), for shared-module version ranges. */
export function checkoutVersion(checkout: string): string {
  const manifest = JSON.parse(
    readFileSync(resolve(checkout, SUITE_PACKAGES['@immunotwin/engine'], 'package.json'), 'utf8'),
  );
  return String(manifest.version);
}
