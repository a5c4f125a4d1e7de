import type { ModelManifest } from '../schema/manifest.js';

/**
 * The observables a view draws: those it was asked for, else the model's `defaultObservables`, else every
 * observable (the one rule for plots, the workbench and its observable toggles).
 */
export function shownObservables(
  manifest: Pick<ModelManifest, 'observables' | 'defaultObservables'>,
  chosen?: readonly string[],
): string[] {
  return [...(chosen ?? manifest.defaultObservables ?? manifest.observables.map((o) => o.id))];
}
