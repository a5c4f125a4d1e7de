import type { ExprNode } from '@immunotwin/engine';
import { SbmlImportError } from './errors.js';
import type { SbmlCompartment, SbmlModel, SbmlParameter, SbmlSpecies } from './model.js';
import { TIME } from './nodes.js';

/** The symbols of an SBML model, classified the way the manifest needs them. */
export class ModelSymbols {
  readonly compartments: Map<string, SbmlCompartment>;
  readonly species: Map<string, SbmlSpecies>;
  readonly parameters: Map<string, SbmlParameter>;
  readonly assignmentRules = new Map<string, ExprNode>();
  readonly rateRules = new Map<string, ExprNode>();

  constructor(readonly model: SbmlModel) {
    this.compartments = new Map(model.compartments.map((c) => [c.id, c]));
    this.species = new Map(model.species.map((s) => [s.id, s]));
    this.parameters = new Map(model.parameters.map((p) => [p.id, p]));
    const kinds: [string, Map<string, unknown>][] = [
      ['compartment', this.compartments],
      ['species', this.species],
      ['parameter', this.parameters],
    ];
    for (const [kind, symbols] of kinds) {
      if (symbols.has(TIME)) {
        throw new SbmlImportError(
          `<${kind} id="${TIME}">`,
          `"${TIME}" is the simulated time in ImmunoTwin expressions; rename this SBML ${kind}`,
        );
      }
    }
    for (const rule of model.rules) {
      const where = `<${rule.kind}Rule variable="${rule.variable}">`;
      if (this.compartments.has(rule.variable)) {
        throw new SbmlImportError(
          where,
          'changes a compartment size; only compartments of constant size are supported',
        );
      }
      if (!this.species.has(rule.variable) && !this.parameters.has(rule.variable)) {
        throw new SbmlImportError(
          where,
          'sets something that is not a species or parameter; supported: rules for species and parameters',
        );
      }
      (rule.kind === 'assignment' ? this.assignmentRules : this.rateRules).set(rule.variable, rule.math);
    }
    for (const c of model.compartments) {
      if (!c.constant)
        throw new SbmlImportError(
          `<compartment id="${c.id}">`,
          'is not constant; only compartments of constant size are supported',
        );
    }
  }

  /** Manifest parameters: compartment sizes, and parameters no rule sets. */
  isParameter(id: string): boolean {
    return (
      this.compartments.has(id) || (this.parameters.has(id) && !this.assignmentRules.has(id) && !this.rateRules.has(id))
    );
  }

  /** Manifest species (state variables): SBML species no assignment rule sets, and rate-rule parameters. */
  isState(id: string): boolean {
    return (
      (this.species.has(id) && !this.assignmentRules.has(id)) || (this.parameters.has(id) && this.rateRules.has(id))
    );
  }

  /** The compartment whose size turns a species' SBML value (a concentration) into its amount, if it is one. */
  volumeOf(id: string): string | undefined {
    const s = this.species.get(id);
    if (!s || s.hasOnlySubstanceUnits) return undefined;
    const c = this.compartments.get(s.compartment);
    if (!c)
      throw new SbmlImportError(`<species id="${id}">`, `is in compartment "${s.compartment}", which is not defined`);
    return c.spatialDimensions === 0 ? undefined : c.id;
  }
}
