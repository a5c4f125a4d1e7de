import type { ModelManifest } from '../schema/index.js';
import type { ObservableId } from './typedManifest.js';

/** Observable id → its position in a sample row (manifest order), for `observe(out)`: `out[index.V] = …`. */
export type ObservableIndex<Id extends string = string> = { readonly [K in Id]: number };

/**
 * The position of every observable of `manifest` in a sample row, resolved once (not per sample): a model
 * writes `out[index.virus] = …` instead of remembering the manifest order. The object is frozen.
 */
export function observableIndex<M extends ModelManifest>(manifest: M): ObservableIndex<ObservableId<M>> {
  const index: Record<string, number> = {};
  manifest.observables.forEach((observable, i) => {
    if (Object.hasOwn(index, observable.id)) {
      throw new Error(`model "${manifest.id}" declares observable "${observable.id}" twice`);
    }
    index[observable.id] = i;
  });
  return Object.freeze(index) as ObservableIndex<ObservableId<M>>;
}
