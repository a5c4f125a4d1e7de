import type { ModelManifest } from '../schema/index.js';
import type { ParameterId } from './typedManifest.js';

/**
 * The parameter values a model was given, typed by its manifest's parameter ids (so `parameters.bta` does not
 * compile), for a model class constructed from a plain `SteppedModelContext`. Checks once that every declared
 * parameter has a value and returns the same object; a missing one is an error naming it.
 */
export function typedParameters<M extends ModelManifest>(
  manifest: M,
  values: Readonly<Record<string, number>>,
): Readonly<Record<ParameterId<M>, number>> {
  const missing = manifest.parameters.filter((p) => typeof values[p.id] !== 'number').map((p) => p.id);
  if (missing.length > 0) {
    throw new Error(
      `model "${manifest.id}": no value for parameter${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`,
    );
  }
  return values as Readonly<Record<ParameterId<M>, number>>;
}
