import type { InterventionSpec, ObservableSpec, ParameterSpec, SpeciesSpec } from '../schema/index.js';
import type {
  InterventionField,
  TypedIntervention,
  TypedInterventionField,
  TypedObservable,
  TypedParameter,
  TypedSpecies,
} from './typedManifest.js';

/** A parameter spec as written, with its id kept as a literal type. */
export function parameter<Id extends string>(spec: ParameterSpec & { id: Id }): TypedParameter<NoInfer<Id>> {
  return spec;
}

/** An observable spec as written, with its id kept as a literal type. */
export function observable<Id extends string>(spec: ObservableSpec & { id: Id }): TypedObservable<NoInfer<Id>> {
  return spec;
}

/** A reaction-network species as written, with its id kept as a literal type. */
export function species<Id extends string>(spec: SpeciesSpec & { id: Id }): TypedSpecies<NoInfer<Id>> {
  return spec;
}

/** The observable that records a species as it is: its id, label and unit. */
export function speciesObservable<Id extends string>(of: TypedSpecies<Id>): TypedObservable<NoInfer<Id>> {
  return { id: of.id, label: of.label, unit: of.unit };
}

/** An intervention field as written, with its id kept as a literal type. */
export function interventionField<Id extends string>(
  spec: InterventionField & { id: Id },
): TypedInterventionField<NoInfer<Id>> {
  return spec;
}

/** An intervention as written, with its kind and field ids kept as literal types. */
export function intervention<Kind extends string, FieldId extends string>(
  spec: InterventionSpec & { kind: Kind; fields: TypedInterventionField<FieldId>[] },
): TypedIntervention<NoInfer<Kind>, NoInfer<FieldId>> {
  return spec;
}

/** What a fraction field needs besides its id: label, default and description. */
export interface FractionFieldOptions {
  /** Label shown beside the control. */
  readonly label: string;
  /** Default value in [0, 1]. */
  readonly default: number;
  /** What the fraction is of. */
  readonly description: string;
}

/** A dimensionless field in [0, 1] (a fraction removed, a severity, an efficacy). */
export function fractionField<Id extends string>(
  id: Id,
  options: FractionFieldOptions,
): TypedInterventionField<NoInfer<Id>> {
  return {
    id,
    label: options.label,
    unit: '1',
    default: options.default,
    min: 0,
    max: 1,
    description: options.description,
  };
}

/** The `efficacy` field of a drug or blockade: a fraction in [0, 1], labelled "Efficacy ε" unless told. */
export function efficacyField(
  options: Omit<FractionFieldOptions, 'label'> & { readonly label?: string },
): TypedInterventionField<'efficacy'> {
  return fractionField('efficacy', { ...options, label: options.label ?? 'Efficacy ε' });
}
