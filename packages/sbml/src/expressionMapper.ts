import { evaluateExpression, type ExprNode } from '@immunotwin/engine';
import { SbmlImportError } from './errors.js';
import { bin, name, num, TIME } from './nodes.js';
import { substitute } from './substitute.js';
import type { ModelSymbols } from './symbols.js';

/** Turns SBML expressions into manifest expressions: in the run (current values) and at the start. */
export class ExpressionMapper {
  private readonly expanding: string[] = [];
  private readonly defaults = new Map<string, number>();

  /**
   * @param symbols the model's symbols
   * @param timeFactor SBML time units per manifest time unit (`time` in SBML math is time · timeFactor)
   */
  constructor(
    private readonly symbols: ModelSymbols,
    private readonly timeFactor: number,
  ) {}

  /** A rate per SBML time unit as a rate per manifest time unit. */
  perManifestTime(rate: ExprNode): ExprNode {
    return this.timeFactor === 1 ? rate : bin('*', num(this.timeFactor), rate);
  }

  private guard<T>(id: string, where: string, build: () => T): T {
    if (this.expanding.includes(id)) {
      throw new SbmlImportError(where, `rules refer to each other in a cycle (${[...this.expanding, id].join(' → ')})`);
    }
    this.expanding.push(id);
    try {
      return build();
    } finally {
      this.expanding.pop();
    }
  }

  private unknown(id: string, where: string): never {
    throw new SbmlImportError(
      where,
      `refers to "${id}", which is not a compartment, species or parameter of the model`,
    );
  }

  /** The SBML value of `id` during the run (a concentration is the amount over the compartment size). */
  current(node: ExprNode, where: string): ExprNode {
    const s = this.symbols;
    return substitute(node, (id) => {
      if (id === TIME) return this.timeFactor === 1 ? undefined : bin('*', name(TIME), num(this.timeFactor));
      if (s.isParameter(id)) return undefined;
      const rule = s.assignmentRules.get(id);
      if (rule) return this.guard(id, where, () => this.current(rule, `<assignmentRule variable="${id}">`));
      if (s.isState(id)) {
        const volume = s.volumeOf(id);
        return volume === undefined ? undefined : bin('/', name(id), name(volume));
      }
      return this.unknown(id, where);
    });
  }

  /** The SBML value of a symbol at time 0, over manifest parameters. */
  private startValue(id: string, where: string): ExprNode {
    const s = this.symbols;
    if (id === TIME) return num(0);
    if (s.isParameter(id)) return name(id);
    const assigned = s.model.initialAssignments.get(id) ?? s.assignmentRules.get(id);
    if (assigned) return this.guard(id, where, () => this.atStart(assigned, `<initialAssignment symbol="${id}">`));
    const species = s.species.get(id);
    if (species) {
      const { initialAmount: a, initialConcentration: c } = species;
      const volume = name(species.compartment);
      if (species.hasOnlySubstanceUnits) {
        if (a !== undefined) return num(a);
        if (c !== undefined) return bin('*', num(c), volume);
      } else {
        if (c !== undefined) return num(c);
        if (a !== undefined) return bin('/', num(a), volume);
      }
      throw new SbmlImportError(
        `<species id="${id}">`,
        'has no initialAmount, initialConcentration or initial assignment',
      );
    }
    const value = s.parameters.get(id)?.value;
    if (value !== undefined) return num(value);
    if (s.parameters.has(id))
      throw new SbmlImportError(`<parameter id="${id}">`, 'has no value and no initial assignment');
    return this.unknown(id, where);
  }

  /** An expression at time 0 over manifest parameters (species and rule variables put in). */
  atStart(node: ExprNode, where: string): ExprNode {
    return substitute(node, (id) => (this.symbols.isParameter(id) ? undefined : this.startValue(id, where)));
  }

  /** The amount of a state variable at time 0, over manifest parameters. */
  initialAmount(id: string): ExprNode {
    const s = this.symbols;
    const species = s.species.get(id);
    const where = `<species id="${id}">`;
    if (species && !s.model.initialAssignments.has(id)) {
      // A document's own amount or concentration·size, without a round trip through a concentration.
      if (species.initialAmount !== undefined) return num(species.initialAmount);
      if (species.initialConcentration !== undefined)
        return bin('*', num(species.initialConcentration), name(species.compartment));
    }
    const value = this.startValue(id, where);
    const volume = s.volumeOf(id);
    return volume === undefined ? value : bin('*', value, name(volume));
  }

  /** A parameter's default: its value, or its initial assignment evaluated at the other defaults. */
  parameterDefault(id: string): number {
    const known = this.defaults.get(id);
    if (known !== undefined) return known;
    const s = this.symbols;
    const compartment = s.compartments.get(id);
    const assignment = s.model.initialAssignments.get(id);
    let value: number | undefined;
    if (assignment)
      value = this.guard(id, `<initialAssignment symbol="${id}">`, () =>
        this.evaluate(this.atStart(assignment, `<initialAssignment symbol="${id}">`)),
      );
    else value = compartment ? (compartment.size ?? 1) : s.parameters.get(id)?.value;
    const where = compartment ? `<compartment id="${id}">` : `<parameter id="${id}">`;
    if (value === undefined) throw new SbmlImportError(where, 'has no value and no initial assignment');
    if (!Number.isFinite(value))
      throw new SbmlImportError(where, `its value is ${value}; a parameter must be a finite number`);
    this.defaults.set(id, value);
    return value;
  }

  /** Evaluates an expression of manifest parameters at their defaults. */
  evaluate(node: ExprNode): number {
    return evaluateExpression(node, (id) => (id === TIME ? 0 : this.parameterDefault(id)));
  }
}
