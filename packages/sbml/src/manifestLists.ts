import type { ObservableSpec, ParameterSpec, SpeciesSpec } from '@immunotwin/engine';
import { SbmlImportError } from './errors.js';
import type { ExpressionMapper } from './expressionMapper.js';
import { name } from './nodes.js';
import { printExpression } from './printExpression.js';
import { importedRange } from './ranges.js';
import type { ModelSymbols } from './symbols.js';
import type { UnitTexts } from './unitTexts.js';

/** The manifest's parameters: compartment sizes, then global parameters, then local ones. */
export function parametersOf(
  symbols: ModelSymbols,
  mapper: ExpressionMapper,
  units: UnitTexts,
  source: string,
): ParameterSpec[] {
  const spec = (id: string, label: string, unit: string, description: string): ParameterSpec => {
    const value = mapper.parameterDefault(id);
    return { id, label, unit, default: value, ...importedRange(value), description, source };
  };
  return [
    ...symbols.model.compartments.map((c) =>
      spec(
        c.id,
        c.name ?? c.id,
        units.compartment(c),
        `Size of SBML compartment "${c.id}"${c.size === undefined && !symbols.model.initialAssignments.has(c.id) ? ' (the document gives none: 1)' : ''}.`,
      ),
    ),
    ...symbols.model.parameters
      .filter((p) => symbols.isParameter(p.id))
      .map((p) =>
        spec(
          p.id,
          p.name ?? p.id,
          units.parameter(p),
          p.reaction ? `Local parameter of SBML reaction "${p.reaction}".` : `SBML parameter "${p.id}".`,
        ),
      ),
  ];
}

export function speciesOf(symbols: ModelSymbols, mapper: ExpressionMapper, units: UnitTexts): SpeciesSpec[] {
  const fromSpecies = symbols.model.species
    .filter((s) => symbols.isState(s.id))
    .map((s) => ({
      id: s.id,
      label: s.name ?? s.id,
      unit: units.substance(s),
      initial: printExpression(mapper.initialAmount(s.id)),
      description: `SBML species "${s.id}" in compartment "${s.compartment}" (its amount).`,
    }));
  const fromParameters = symbols.model.parameters
    .filter((p) => symbols.rateRules.has(p.id))
    .map((p) => ({
      id: p.id,
      label: p.name ?? p.id,
      unit: units.parameter(p),
      initial: printExpression(mapper.initialAmount(p.id)),
      description: `SBML parameter "${p.id}", changed by a rate rule.`,
    }));
  return [...fromSpecies, ...fromParameters];
}

/** Observables: every SBML species as SBML reports it (concentration or amount), then every parameter a rule sets. */
export function observablesOf(symbols: ModelSymbols, mapper: ExpressionMapper, units: UnitTexts): ObservableSpec[] {
  const observables: ObservableSpec[] = [];
  for (const s of symbols.model.species) {
    const compartment = symbols.compartments.get(s.compartment);
    if (!compartment)
      throw new SbmlImportError(`<species id="${s.id}">`, `is in compartment "${s.compartment}", which is not defined`);
    const concentration =
      symbols.volumeOf(s.id) !== undefined || (symbols.assignmentRules.has(s.id) && !s.hasOnlySubstanceUnits);
    const observable: ObservableSpec = {
      id: s.id,
      label: s.name ?? s.id,
      unit: concentration ? units.concentration(s, compartment) : units.substance(s),
    };
    const expression = mapper.current(name(s.id), `<species id="${s.id}">`);
    observables.push(
      expression.type === 'name' && expression.name === s.id
        ? observable
        : { ...observable, expression: printExpression(expression) },
    );
  }
  for (const p of symbols.model.parameters) {
    if (!symbols.assignmentRules.has(p.id) && !symbols.rateRules.has(p.id)) continue;
    const expression = mapper.current(name(p.id), `<parameter id="${p.id}">`);
    const observable: ObservableSpec = { id: p.id, label: p.name ?? p.id, unit: units.parameter(p) };
    observables.push(
      expression.type === 'name' && expression.name === p.id
        ? observable
        : { ...observable, expression: printExpression(expression) },
    );
  }
  return observables;
}
