import type { InterventionEffect } from '../schema/index.js';
import { efficacyField, type FractionFieldOptions } from './manifestBuilders.js';
import type { TypedIntervention, TypedInterventionField } from './typedManifest.js';

/** What every intervention builder takes: its kind, label and description. */
export interface InterventionHeading<Kind extends string> {
  /** The kind scenarios name it by. */
  readonly kind: Kind;
  /** Label shown in timelines and menus. */
  readonly label: string;
  /** What it does, in a sentence or two. */
  readonly description: string;
}

/** Builders of reaction-network interventions whose parameters and species are checked against a model's. */
export interface NetworkInterventionBuilders<P extends string, S extends string> {
  /** Multiply parameter `parameter` by `factor` (an expression of the fields) while the intervention lasts. */
  scale(parameter: P, factor: string): InterventionEffect;
  /** Add `amount` (an expression of the fields) to species `species` at the start. */
  add(species: S, amount: string): InterventionEffect;
  /** Remove the fraction `fraction` (an expression of the fields) of species `species` at the start. */
  removeFraction(species: S, fraction: string): InterventionEffect;
  /**
   * A drug or blockade lasting from start until stop that multiplies `parameter` by 1 − efficacy (an antiviral
   * that blocks production, an entry inhibitor, an interferon blockade).
   */
  efficacyScaled<Kind extends string>(
    spec: InterventionHeading<Kind> & {
      readonly parameter: P;
      readonly efficacy: Omit<FractionFieldOptions, 'label'> & { readonly label?: string };
    },
  ): TypedIntervention<NoInfer<Kind>, 'efficacy'>;
  /** A one-off addition of species `species`, the amount being the single field `field` (an inoculation, an infusion). */
  addition<Kind extends string, FieldId extends string>(
    spec: InterventionHeading<Kind> & { readonly species: S; readonly field: TypedInterventionField<FieldId> },
  ): TypedIntervention<NoInfer<Kind>, NoInfer<FieldId>>;
  /**
   * A depletion: removes the fraction `field` of species `species` at the start and, while it lasts, multiplies
   * each parameter in `scales` by 1 − that fraction (e.g. the cells' expansion and supply).
   */
  depletion<Kind extends string, FieldId extends string>(
    spec: InterventionHeading<Kind> & {
      readonly hasStop: boolean;
      readonly species: S;
      readonly field: TypedInterventionField<FieldId>;
      readonly scales?: readonly P[];
    },
  ): TypedIntervention<NoInfer<Kind>, NoInfer<FieldId>>;
}

/**
 * Intervention builders for a model with parameters `P` and species `S`; `known` checks ids at run time too,
 * naming the unknown id and the known ones. Records come out with the keys in manifest order.
 */
export function networkInterventionBuilders<P extends string, S extends string>(known: {
  readonly parameters: ReadonlySet<string>;
  readonly species: ReadonlySet<string>;
}): NetworkInterventionBuilders<P, S> {
  const check = (what: 'parameter' | 'species', id: string): void => {
    const ids = what === 'parameter' ? known.parameters : known.species;
    if (!ids.has(id)) throw new Error(`intervention effect: unknown ${what} "${id}"; known: ${[...ids].join(', ')}`);
  };
  const scale = (parameter: P, factor: string): InterventionEffect => {
    check('parameter', parameter);
    return { type: 'scale', parameter, factor };
  };
  const add = (species: S, amount: string): InterventionEffect => {
    check('species', species);
    return { type: 'add', species, amount };
  };
  const removeFraction = (species: S, fraction: string): InterventionEffect => {
    check('species', species);
    return { type: 'removeFraction', species, fraction };
  };
  return {
    scale,
    add,
    removeFraction,
    efficacyScaled: ({ kind, label, description, parameter, efficacy }) => ({
      kind,
      label,
      description,
      hasStop: true,
      fields: [efficacyField(efficacy)],
      effects: [scale(parameter, '1 - efficacy')],
    }),
    addition: ({ kind, label, description, species, field }) => ({
      kind,
      label,
      description,
      hasStop: false,
      fields: [field],
      effects: [add(species, field.id)],
    }),
    depletion: ({ kind, label, description, hasStop, species, field, scales = [] }) => ({
      kind,
      label,
      description,
      hasStop,
      fields: [field],
      effects: [removeFraction(species, field.id), ...scales.map((p) => scale(p, `1 - ${field.id}`))],
    }),
  };
}
