import type { ExprNode } from '@immunotwin/engine';

/** An SBML compartment (a constant size; varying compartments are refused). */
export interface SbmlCompartment {
  readonly id: string;
  readonly name?: string;
  readonly size?: number;
  readonly units?: string;
  readonly spatialDimensions: number;
  readonly constant: boolean;
}

/** An SBML species. */
export interface SbmlSpecies {
  readonly id: string;
  readonly name?: string;
  readonly compartment: string;
  readonly initialAmount?: number;
  readonly initialConcentration?: number;
  readonly substanceUnits?: string;
  readonly hasOnlySubstanceUnits: boolean;
  readonly boundaryCondition: boolean;
  readonly constant: boolean;
}

/** An SBML parameter (global, or a kinetic law's local one already renamed to be unique). */
export interface SbmlParameter {
  readonly id: string;
  readonly name?: string;
  readonly value?: number;
  readonly units?: string;
  readonly constant: boolean;
  /** For a local parameter: the reaction it belongs to. */
  readonly reaction?: string;
}

/** A reactant or product with its stoichiometry. */
export interface SbmlSpeciesReference {
  readonly species: string;
  readonly stoichiometry: number;
}

/** An SBML reaction with its kinetic law (functions inlined, local parameters renamed). */
export interface SbmlReaction {
  readonly id: string;
  readonly name?: string;
  readonly reactants: readonly SbmlSpeciesReference[];
  readonly products: readonly SbmlSpeciesReference[];
  readonly rate: ExprNode;
}

/** An assignment rule or a rate rule. */
export interface SbmlRule {
  readonly kind: 'assignment' | 'rate';
  readonly variable: string;
  readonly math: ExprNode;
}

/** One assignment of an event. */
export interface SbmlEventAssignment {
  readonly variable: string;
  readonly math: ExprNode;
}

/** An SBML event without a delay. */
export interface SbmlEvent {
  readonly id?: string;
  readonly name?: string;
  /** How messages name it, e.g. `<event id="dose">`. */
  readonly element: string;
  readonly trigger: ExprNode;
  readonly assignments: readonly SbmlEventAssignment[];
}

/** What the importer reads from an SBML document, before it is mapped onto a manifest. */
export interface SbmlModel {
  readonly level: number;
  readonly version: number;
  readonly id: string;
  readonly name?: string;
  /** Plain text of the model's notes, if any. */
  readonly notes?: string;
  /** URIs the model's annotation says describe it or it is derived from (e.g. a PubMed or BioModels id). */
  readonly references: readonly string[];
  /** Unit definitions as readable text, by id. */
  readonly units: ReadonlyMap<string, string>;
  /** The time unit the document declares (its text, and its length in seconds when it is a multiple of the second), or undefined. */
  readonly timeUnit?: { readonly text: string; readonly seconds?: number };
  readonly substanceUnits?: string;
  readonly volumeUnits?: string;
  readonly compartments: readonly SbmlCompartment[];
  readonly species: readonly SbmlSpecies[];
  readonly parameters: readonly SbmlParameter[];
  readonly reactions: readonly SbmlReaction[];
  readonly rules: readonly SbmlRule[];
  readonly initialAssignments: ReadonlyMap<string, ExprNode>;
  readonly events: readonly SbmlEvent[];
  /** The ImmunoTwin manifest details that toSBML stored in the model's annotation, if any. */
  readonly immunotwin?: unknown;
}
