import type { InterventionSpec, ModelManifest } from '../schema/index.js';
import { describeValue } from '../validation/validationError.js';

/**
 * The model's intervention of `kind`, or, when it has none of that kind, a message naming the kind asked for and
 * the kinds it has ("unknown intervention "x" for model "m"; allowed: a, b"), for the caller to put under its own
 * path (a scenario's `interventions[i].kind`, a patient state's `assimilate.treatment.kind`, a kernel option).
 */
export function findIntervention(
  manifest: Pick<ModelManifest, 'id' | 'interventions'>,
  kind: unknown,
): { readonly spec: InterventionSpec } | { readonly message: string } {
  const interventions = manifest.interventions ?? [];
  const spec = interventions.find((i) => i.kind === kind);
  if (spec) return { spec };
  const known = interventions.map((i) => i.kind).join(', ') || '(none)';
  return { message: `unknown intervention ${describeValue(kind)} for model "${manifest.id}"; allowed: ${known}` };
}
