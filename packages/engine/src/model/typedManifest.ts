import type { InterventionSpec, ModelManifest, ObservableSpec, ParameterSpec, SpeciesSpec } from '../schema/index.js';

/** A field of an intervention (dose, efficacy, …) as the manifest declares it. */
export type InterventionField = InterventionSpec['fields'][number];

/** A parameter whose id is the literal type `Id` (so code that names it is checked by the compiler). */
export type TypedParameter<Id extends string = string> = ParameterSpec & { readonly id: Id };

/** An observable whose id is the literal type `Id`. */
export type TypedObservable<Id extends string = string> = ObservableSpec & { readonly id: Id };

/** A reaction-network species whose id is the literal type `Id`. */
export type TypedSpecies<Id extends string = string> = SpeciesSpec & { readonly id: Id };

/** An intervention field whose id is the literal type `Id`. */
export type TypedInterventionField<Id extends string = string> = InterventionField & { readonly id: Id };

/** An intervention whose kind is the literal type `Kind` and whose fields have the ids `FieldId`. */
export type TypedIntervention<Kind extends string = string, FieldId extends string = string> = InterventionSpec & {
  readonly kind: Kind;
  fields: TypedInterventionField<FieldId>[];
};

/** The parameter ids of manifest `M` (literal types when it was written with the typed builders). */
export type ParameterId<M extends ModelManifest> = M['parameters'][number]['id'];

/** The observable ids of manifest `M`. */
export type ObservableId<M extends ModelManifest> = M['observables'][number]['id'];

/** The intervention kinds of manifest `M`. */
export type InterventionKind<M extends ModelManifest> = M['interventions'][number]['kind'];

/** The field ids of intervention kind `K` of manifest `M`. */
export type InterventionFieldId<M extends ModelManifest, K extends string> = Extract<
  M['interventions'][number],
  { readonly kind: K }
>['fields'][number]['id'];
