import type { ModelManifest } from '../schema/manifest.js';

/** The entries of `parameters` whose values differ from the manifest's defaults: what a user changed. */
export function changedParameters(
  manifest: ModelManifest,
  parameters: Readonly<Record<string, number>>,
): Record<string, number> {
  const defaults = new Map(manifest.parameters.map((p) => [p.id, p.default]));
  return Object.fromEntries(Object.entries(parameters).filter(([id, value]) => defaults.get(id) !== value));
}
