import {
  evaluateExpression,
  parseExpression,
  type ExprNode,
  type ModelManifest,
  type ReactionSpec,
} from '@immunotwin/engine';
import { UniqueIds } from './naming.js';
import { STORED_DETAILS_ELEMENT, STORED_DETAILS_NAMESPACE, storedDetails } from './storedDetails.js';
import { escapeXml, mathElement } from './writeMathml.js';

const SECONDS: Readonly<Record<ModelManifest['timeUnit'], number>> = { day: 86400, hour: 3600 };

const name = (n: string): ExprNode => ({ type: 'name', name: n });
const times = (left: ExprNode, right: ExprNode): ExprNode => ({ type: 'binary', op: '*', left, right });

function attributes(values: Record<string, string | number | boolean | undefined>): string {
  return Object.entries(values)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${escapeXml(String(v))}"`)
    .join('');
}

/** The ODE flux of a reaction: the rate itself (custom), or k·Π x^n (mass action). */
function fluxOf(reaction: ReactionSpec): ExprNode {
  let flux = parseExpression(reaction.rate);
  if (reaction.law === 'custom') return flux;
  for (const [species, order] of Object.entries(reaction.reactants)) {
    const x = name(species);
    flux = times(flux, order === 1 ? x : { type: 'binary', op: '^', left: x, right: { type: 'number', value: order } });
  }
  return flux;
}

function speciesReferences(list: string, stoichiometry: Record<string, number>): string {
  const items = Object.entries(stoichiometry).map(
    ([species, n]) => `<speciesReference${attributes({ species, stoichiometry: n, constant: true })}/>`,
  );
  return items.length > 0 ? `<${list}>${items.join('')}</${list}>` : '';
}

/**
 * Writes a reaction-network manifest as SBML Level 3 Version 2 core: one compartment of size 1, species
 * in amounts (hasOnlySubstanceUnits), constant parameters, initial assignments for species whose initial
 * value is an expression, reactions with their ODE flux as kinetic law, and each observable with an
 * expression as a parameter set by an assignment rule. What SBML has no place for (units, ranges, sources,
 * labels, interventions, presets) goes into an ImmunoTwin annotation that fromSBML reads back. Throws an
 * Error if the manifest has no network.
 */
export function toSBML(manifest: ModelManifest): string {
  const network = manifest.network;
  if (!network)
    throw new Error(
      `model "${manifest.id}" has no reaction network; only reaction-network manifests can be written as SBML`,
    );
  const defaults = Object.fromEntries(manifest.parameters.map((p) => [p.id, p.default]));
  const ids = new UniqueIds([...manifest.parameters.map((p) => p.id), ...network.species.map((s) => s.id)]);
  const compartment = ids.take('compartment');
  const speciesIds = new Set(network.species.map((s) => s.id));

  const species: string[] = [];
  const initialAssignments: string[] = [];
  for (const s of network.species) {
    const initial = parseExpression(s.initial);
    const amount = evaluateExpression(initial, (id) => (id === 'time' ? 0 : defaults[id]));
    species.push(
      `<species${attributes({ id: s.id, name: s.label, compartment, initialAmount: amount, hasOnlySubstanceUnits: true, boundaryCondition: false, constant: false })}/>`,
    );
    if (initial.type !== 'number') {
      initialAssignments.push(
        `<initialAssignment${attributes({ symbol: s.id })}>${mathElement(initial)}</initialAssignment>`,
      );
    }
  }
  const parameters = manifest.parameters.map(
    (p) => `<parameter${attributes({ id: p.id, name: p.label, value: p.default, constant: true })}/>`,
  );
  const rules: string[] = [];
  for (const o of manifest.observables) {
    if (o.expression === undefined) continue;
    const id = speciesIds.has(o.id) ? ids.take(`${o.id}_observable`) : ids.take(o.id);
    parameters.push(`<parameter${attributes({ id, name: o.label, constant: false })}/>`);
    rules.push(
      `<assignmentRule${attributes({ variable: id })}>${mathElement(parseExpression(o.expression))}</assignmentRule>`,
    );
  }
  const reactions = network.reactions.map(
    (r) =>
      `<reaction${attributes({ id: r.id, name: r.label, reversible: false })}>` +
      speciesReferences('listOfReactants', r.reactants) +
      speciesReferences('listOfProducts', r.products) +
      `<kineticLaw>${mathElement(fluxOf(r))}</kineticLaw></reaction>`,
  );
  const list = (tag: string, items: string[]): string =>
    items.length > 0 ? `<${tag}>\n${items.map((i) => `      ${i}`).join('\n')}\n    </${tag}>\n    ` : '';
  const details = escapeXml(JSON.stringify(storedDetails(manifest)));
  const sbmlId = manifest.id.replace(/-/g, '_');
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    '<sbml xmlns="http://www.sbml.org/sbml/level3/version2/core" level="3" version="2">\n' +
    `  <model${attributes({ id: sbmlId, name: manifest.title, timeUnits: manifest.timeUnit })}>\n` +
    `    <notes><body xmlns="http://www.w3.org/1999/xhtml"><p>${escapeXml(manifest.description)}</p></body></notes>\n` +
    `    <annotation><immunotwin:${STORED_DETAILS_ELEMENT} xmlns:immunotwin="${STORED_DETAILS_NAMESPACE}">${details}</immunotwin:${STORED_DETAILS_ELEMENT}></annotation>\n` +
    `    ` +
    list('listOfUnitDefinitions', [
      `<unitDefinition id="${manifest.timeUnit}"><listOfUnits><unit kind="second" exponent="1" scale="0" multiplier="${SECONDS[manifest.timeUnit]}"/></listOfUnits></unitDefinition>`,
    ]) +
    list('listOfCompartments', [
      `<compartment${attributes({ id: compartment, spatialDimensions: 3, size: 1, constant: true })}/>`,
    ]) +
    list('listOfSpecies', species) +
    list('listOfParameters', parameters) +
    list('listOfInitialAssignments', initialAssignments) +
    list('listOfRules', rules) +
    list('listOfReactions', reactions) +
    '\n  </model>\n</sbml>\n'
  );
}
