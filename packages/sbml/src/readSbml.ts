import type { ExprNode } from '@immunotwin/engine';
import { describeElement, SbmlImportError } from './errors.js';
import { inlineFunctions, type FunctionDefinition } from './functions.js';
import { MathReader } from './mathml.js';
import type {
  SbmlCompartment,
  SbmlEvent,
  SbmlModel,
  SbmlParameter,
  SbmlReaction,
  SbmlRule,
  SbmlSpecies,
  SbmlSpeciesReference,
} from './model.js';
import { substitute } from './substitute.js';
import { readTimeUnit, readUnitDefinitions } from './units.js';
import { child, listItems, parseXml, type XmlElement } from './xml.js';

/** Children of <model> this importer reads or may ignore (notes, annotations, types, constraints, layouts). */
const KNOWN_MODEL_CHILDREN = new Set([
  'notes',
  'annotation',
  'listOfFunctionDefinitions',
  'listOfUnitDefinitions',
  'listOfCompartmentTypes',
  'listOfSpeciesTypes',
  'listOfCompartments',
  'listOfSpecies',
  'listOfParameters',
  'listOfInitialAssignments',
  'listOfRules',
  'listOfConstraints',
  'listOfReactions',
  'listOfEvents',
  'listOfLayouts',
]);

const SUPPORTED_CORE =
  'compartments, species, parameters, reactions with kinetic laws, function definitions, unit definitions, ' +
  'initial assignments, assignment and rate rules, and events triggered at a fixed time';

function optionalNumber(element: XmlElement, attribute: string): number | undefined {
  const text = element.attributes[attribute];
  if (text === undefined) return undefined;
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value)) {
    throw new SbmlImportError(
      describeElement(element.name, element.attributes),
      `${attribute}="${text}" is not a finite number`,
    );
  }
  return value;
}

function bool(element: XmlElement, attribute: string, fallback: boolean): boolean {
  const text = element.attributes[attribute];
  return text === undefined ? fallback : text === 'true' || text === '1';
}

/** Reads MathML with function definitions inlined; `where` names the element in errors. */
class MathOf {
  constructor(private readonly functions: ReadonlyMap<string, FunctionDefinition>) {}

  read(element: XmlElement, where: string): ExprNode {
    const math = child(element, 'math');
    if (!math) throw new SbmlImportError(where, 'has no <math>');
    return inlineFunctions(new MathReader(where).readMath(math), this.functions, where);
  }
}

function readFunctionDefinitions(model: XmlElement): Map<string, FunctionDefinition> {
  const functions = new Map<string, FunctionDefinition>();
  for (const element of listItems(model, 'listOfFunctionDefinitions', 'functionDefinition')) {
    const where = describeElement('functionDefinition', element.attributes);
    const math = child(element, 'math');
    if (!math) throw new SbmlImportError(where, 'has no <math>');
    const { params, body } = new MathReader(where).readLambda(math);
    functions.set(element.attributes.id, { params, body: inlineFunctions(body, functions, where) });
  }
  return functions;
}

function readCompartments(model: XmlElement): SbmlCompartment[] {
  return listItems(model, 'listOfCompartments', 'compartment').map((c) => ({
    id: c.attributes.id,
    name: c.attributes.name,
    size: optionalNumber(c, 'size') ?? optionalNumber(c, 'volume'),
    units: c.attributes.units,
    spatialDimensions: optionalNumber(c, 'spatialDimensions') ?? 3,
    constant: bool(c, 'constant', true),
  }));
}

function readSpecies(model: XmlElement): SbmlSpecies[] {
  return listItems(model, 'listOfSpecies', 'species').map((s) => {
    const where = describeElement('species', s.attributes);
    if (s.attributes.conversionFactor !== undefined) {
      throw new SbmlImportError(where, 'has a conversionFactor; conversion factors are not supported');
    }
    return {
      id: s.attributes.id,
      name: s.attributes.name,
      compartment: s.attributes.compartment,
      initialAmount: optionalNumber(s, 'initialAmount'),
      initialConcentration: optionalNumber(s, 'initialConcentration'),
      substanceUnits: s.attributes.substanceUnits,
      // L2 defaults: concentrations, not a boundary, not constant; L3 requires the attributes.
      hasOnlySubstanceUnits: bool(s, 'hasOnlySubstanceUnits', false),
      boundaryCondition: bool(s, 'boundaryCondition', false),
      constant: bool(s, 'constant', false),
    };
  });
}

function readParameter(element: XmlElement, reaction?: string): SbmlParameter {
  return {
    id: element.attributes.id,
    name: element.attributes.name,
    value: optionalNumber(element, 'value'),
    units: element.attributes.units,
    constant: bool(element, 'constant', true),
    reaction,
  };
}

function readStoichiometry(reference: XmlElement, where: string): SbmlSpeciesReference {
  if (child(reference, 'stoichiometryMath')) {
    throw new SbmlImportError(
      where,
      `species reference to "${reference.attributes.species}" uses stoichiometryMath; only constant stoichiometries are supported`,
    );
  }
  if (reference.attributes.constant === 'false') {
    throw new SbmlImportError(
      where,
      `species reference to "${reference.attributes.species}" has a varying stoichiometry (constant="false"); only constant stoichiometries are supported`,
    );
  }
  return { species: reference.attributes.species, stoichiometry: optionalNumber(reference, 'stoichiometry') ?? 1 };
}

/** Reads reactions; local parameters are renamed `<reaction>_<parameter>` (then made unique) and returned. */
function readReactions(
  model: XmlElement,
  math: MathOf,
  taken: Set<string>,
): { reactions: SbmlReaction[]; locals: SbmlParameter[] } {
  const locals: SbmlParameter[] = [];
  const reactions = listItems(model, 'listOfReactions', 'reaction').map((r) => {
    const where = describeElement('reaction', r.attributes);
    if (bool(r, 'fast', false)) {
      throw new SbmlImportError(
        where,
        'is fast (fast="true"); fast reactions are not supported, only ordinary kinetic laws',
      );
    }
    const law = child(r, 'kineticLaw');
    if (!law) throw new SbmlImportError(where, 'has no kineticLaw; every reaction needs a rate');
    const renames = new Map<string, string>();
    const localElements = [
      ...listItems(law, 'listOfParameters', 'parameter'),
      ...listItems(law, 'listOfLocalParameters', 'localParameter'),
    ];
    for (const p of localElements) {
      const local = readParameter(p, r.attributes.id);
      let unique = `${r.attributes.id}_${local.id}`;
      for (let n = 2; taken.has(unique); n++) unique = `${r.attributes.id}_${local.id}_${n}`;
      taken.add(unique);
      renames.set(local.id, unique);
      locals.push({ ...local, id: unique, constant: true });
    }
    const rate = substitute(math.read(law, `<kineticLaw> of ${where}`), (name) =>
      renames.has(name) ? { type: 'name', name: renames.get(name)! } : undefined,
    );
    return {
      id: r.attributes.id,
      name: r.attributes.name,
      reactants: listItems(r, 'listOfReactants', 'speciesReference').map((s) => readStoichiometry(s, where)),
      products: listItems(r, 'listOfProducts', 'speciesReference').map((s) => readStoichiometry(s, where)),
      rate,
    };
  });
  return { reactions, locals };
}

function readRules(model: XmlElement, math: MathOf): SbmlRule[] {
  return (child(model, 'listOfRules')?.children ?? []).map((rule) => {
    const where = describeElement(rule.name, rule.attributes);
    if (rule.name === 'assignmentRule' || rule.name === 'rateRule') {
      return {
        kind: rule.name === 'assignmentRule' ? 'assignment' : 'rate',
        variable: rule.attributes.variable,
        math: math.read(rule, where),
      };
    }
    if (rule.name === 'algebraicRule') {
      throw new SbmlImportError(where, 'algebraic rules are not supported; supported: assignment rules and rate rules');
    }
    throw new SbmlImportError(where, `is not a supported rule; supported: assignmentRule, rateRule`);
  });
}

function readEvents(model: XmlElement, math: MathOf): SbmlEvent[] {
  return listItems(model, 'listOfEvents', 'event').map((e, i) => {
    const element = e.attributes.id ? describeElement('event', e.attributes) : `<event> number ${i + 1}`;
    if (child(e, 'delay')) {
      throw new SbmlImportError(
        element,
        'has a delay; delayed events are not supported, only events that act when triggered',
      );
    }
    if (child(e, 'priority')) {
      throw new SbmlImportError(element, 'has a priority; event priorities are not supported');
    }
    const trigger = child(e, 'trigger');
    if (!trigger) throw new SbmlImportError(element, 'has no trigger');
    return {
      id: e.attributes.id,
      name: e.attributes.name,
      element,
      trigger: math.read(trigger, `<trigger> of ${element}`),
      assignments: listItems(e, 'listOfEventAssignments', 'eventAssignment').map((a) => ({
        variable: a.attributes.variable,
        math: math.read(a, `<eventAssignment variable="${a.attributes.variable}"> of ${element}`),
      })),
    };
  });
}

function readInitialAssignments(model: XmlElement, math: MathOf): Map<string, ExprNode> {
  const assignments = new Map<string, ExprNode>();
  for (const a of listItems(model, 'listOfInitialAssignments', 'initialAssignment')) {
    assignments.set(a.attributes.symbol, math.read(a, describeElement('initialAssignment', a.attributes)));
  }
  return assignments;
}

/** Text of an element and its descendants, whitespace collapsed (for notes). */
function plainText(element: XmlElement): string {
  return [element.text, ...element.children.map(plainText)]
    .filter((t) => t !== '')
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Resource URIs under bqmodel/bqbiol qualifiers that say what describes the model or where it comes from. */
function annotationReferences(annotation: XmlElement | undefined): string[] {
  const found: string[] = [];
  const visit = (element: XmlElement, qualifier: string | undefined): void => {
    const q = ['isDescribedBy', 'isDerivedFrom', 'is'].includes(element.name) ? element.name : qualifier;
    if (element.name === 'li' && q !== undefined && element.attributes.resource)
      found.push(element.attributes.resource);
    for (const c of element.children) visit(c, q);
  };
  if (annotation) visit(annotation, undefined);
  return found;
}

function immunotwinAnnotation(annotation: XmlElement | undefined): unknown {
  const element = annotation?.children.find((c) => c.name === 'immunotwinManifest');
  if (!element) return undefined;
  try {
    return JSON.parse(element.text);
  } catch {
    throw new SbmlImportError(
      '<annotation> of <model>',
      'holds an <immunotwin:immunotwinManifest> that is not valid JSON',
    );
  }
}

/**
 * Reads an SBML Level 2 or 3 core document into plain data, inlining function definitions and renaming
 * local parameters. Anything outside what the importer supports is refused with an SbmlImportError
 * naming the element.
 */
export function readSbml(text: string): SbmlModel {
  const root = parseXml(text);
  if (root.name !== 'sbml')
    throw new SbmlImportError('document', `its root element is <${root.name}>; expected <sbml>`);
  const level = Number(root.attributes.level);
  const version = Number(root.attributes.version);
  if (level !== 2 && level !== 3) {
    throw new SbmlImportError(
      '<sbml>',
      `is Level ${root.attributes.level ?? '(none)'}; supported: SBML Level 2 and Level 3 core`,
    );
  }
  if (root.attributes.required !== undefined) {
    throw new SbmlImportError(
      '<sbml>',
      `uses an SBML Level 3 package (required="${root.attributes.required}"); only SBML core is supported (not fbc, comp, qual, distrib, …)`,
    );
  }
  const model = child(root, 'model');
  if (!model) throw new SbmlImportError('<sbml>', 'has no <model>');
  const modelElement = describeElement('model', model.attributes);
  for (const c of model.children) {
    if (!KNOWN_MODEL_CHILDREN.has(c.name)) {
      throw new SbmlImportError(
        `<${c.name}> in ${modelElement}`,
        `is not SBML core (a package?); supported: ${SUPPORTED_CORE}`,
      );
    }
  }
  if (model.attributes.conversionFactor !== undefined) {
    throw new SbmlImportError(modelElement, 'has a conversionFactor; conversion factors are not supported');
  }
  const math = new MathOf(readFunctionDefinitions(model));
  const compartments = readCompartments(model);
  const species = readSpecies(model);
  const parameters = listItems(model, 'listOfParameters', 'parameter').map((p) => readParameter(p));
  const taken = new Set([...compartments, ...species, ...parameters].map((x) => x.id));
  const { reactions, locals } = readReactions(model, math, taken);
  const notes = child(model, 'notes');
  const annotation = child(model, 'annotation');
  return {
    level,
    version,
    id: model.attributes.id ?? 'sbml_model',
    name: model.attributes.name,
    notes: notes ? plainText(notes) || undefined : undefined,
    references: annotationReferences(annotation),
    units: readUnitDefinitions(model),
    timeUnit: readTimeUnit(model, level),
    // L2 has built-in defaults (mole, litre) unless the document redefines "substance" or "volume".
    substanceUnits: level >= 3 ? model.attributes.substanceUnits : 'substance',
    volumeUnits: level >= 3 ? model.attributes.volumeUnits : 'volume',
    compartments,
    species,
    parameters: [...parameters, ...locals],
    reactions,
    rules: readRules(model, math),
    initialAssignments: readInitialAssignments(model, math),
    events: readEvents(model, math),
    immunotwin: immunotwinAnnotation(annotation),
  };
}
