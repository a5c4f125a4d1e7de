import {
  checkPlugin,
  evaluateExpression,
  ValidationError,
  type ExprNode,
  type InterventionInstance,
  type ModelManifest,
  type ObservableSpec,
  type ParameterSpec,
  type ReactionSpec,
  type SpeciesSpec,
} from '@immunotwin/engine';
import { SbmlImportError } from './errors.js';
import { eventInterventions } from './events.js';
import { applyStoredDetails } from './storedDetails.js';
import type { SbmlCompartment, SbmlModel, SbmlParameter, SbmlSpecies, SbmlSpeciesReference } from './model.js';
import { manifestModelId, UniqueIds } from './naming.js';
import { printExpression } from './printExpression.js';
import { importedRange } from './ranges.js';
import { readSbml } from './readSbml.js';
import { substitute } from './substitute.js';
import { unitName } from './units.js';

/** Choices the SBML document cannot make for the manifest. */
export interface FromSbmlOptions {
  /** Manifest id (lower-case words joined by hyphens); default: derived from the SBML model id. */
  readonly id?: string;
  /** Time unit when the document declares none (default 'day'); a declared unit must be a day or an hour. */
  readonly timeUnit?: 'day' | 'hour';
  /** Default simulated time span (default 10). */
  readonly duration?: number;
  /** Default time between samples (default duration / 100). */
  readonly outputInterval?: number;
}

/** A manifest imported from SBML, with what a scenario needs to reproduce the SBML model's events. */
export interface SbmlImport {
  /** The reaction-network manifest (validated like any model registration). */
  readonly manifest: ModelManifest;
  /** Interventions that fire the SBML events at their trigger times (put them in a scenario). */
  readonly schedule: readonly InterventionInstance[];
}

const TIME = 'time';
const name = (n: string): ExprNode => ({ type: 'name', name: n });
const num = (value: number): ExprNode => ({ type: 'number', value });
const bin = (op: '*' | '/', left: ExprNode, right: ExprNode): ExprNode => ({ type: 'binary', op, left, right });

/** The symbols of an SBML model, classified the way the manifest needs them. */
class ModelSymbols {
  readonly compartments: Map<string, SbmlCompartment>;
  readonly species: Map<string, SbmlSpecies>;
  readonly parameters: Map<string, SbmlParameter>;
  readonly assignmentRules = new Map<string, ExprNode>();
  readonly rateRules = new Map<string, ExprNode>();

  constructor(readonly model: SbmlModel) {
    this.compartments = new Map(model.compartments.map((c) => [c.id, c]));
    this.species = new Map(model.species.map((s) => [s.id, s]));
    this.parameters = new Map(model.parameters.map((p) => [p.id, p]));
    for (const id of [...this.compartments.keys(), ...this.species.keys(), ...this.parameters.keys()]) {
      if (id === TIME) {
        throw new SbmlImportError(
          `<… id="${TIME}">`,
          `"${TIME}" is the simulated time in ImmunoTwin expressions; rename this SBML element`,
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

/** Turns SBML expressions into manifest expressions: in the run (current values) and at the start. */
class ExpressionMapper {
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

function stoichiometryOf(
  references: readonly SbmlSpeciesReference[],
  counts: (id: string) => boolean,
): Map<string, number> {
  const result = new Map<string, number>();
  for (const { species, stoichiometry } of references) {
    if (counts(species)) result.set(species, (result.get(species) ?? 0) + stoichiometry);
  }
  return result;
}

const isWhole = (map: Map<string, number>): boolean => [...map.values()].every((n) => Number.isInteger(n) && n >= 1);

/** One manifest reaction per species for a reaction with non-integer stoichiometry: flux·(net change). */
function splitReaction(
  id: string,
  label: string | undefined,
  rate: ExprNode,
  reactants: Map<string, number>,
  products: Map<string, number>,
): ReactionSpec[] {
  const net = new Map<string, number>();
  for (const [s, n] of reactants) net.set(s, (net.get(s) ?? 0) - n);
  for (const [s, n] of products) net.set(s, (net.get(s) ?? 0) + n);
  return [...net]
    .filter(([, n]) => n !== 0)
    .map(([s, n]) => ({
      id: `${id}__${s}`,
      label: `${label ?? id}: change of ${s} (stoichiometry ${n})`,
      reactants: {},
      products: { [s]: 1 },
      law: 'custom' as const,
      rate: printExpression(bin('*', num(n), rate)),
    }));
}

function reactionsOf(symbols: ModelSymbols, mapper: ExpressionMapper): ReactionSpec[] {
  const counts = (id: string): boolean => {
    const s = symbols.species.get(id);
    if (!s) throw new SbmlImportError(`species reference "${id}"`, 'names no species of the model');
    return !s.boundaryCondition && !s.constant && symbols.isState(id) && !symbols.rateRules.has(id);
  };
  const ids = new UniqueIds();
  const reactions: ReactionSpec[] = [];
  for (const r of symbols.model.reactions) {
    const rate = mapper.perManifestTime(mapper.current(r.rate, `<kineticLaw> of <reaction id="${r.id}">`));
    const reactants = stoichiometryOf(r.reactants, counts);
    const products = stoichiometryOf(r.products, counts);
    const id = ids.take(r.id);
    if (isWhole(reactants) && isWhole(products)) {
      reactions.push({
        id,
        ...(r.name ? { label: r.name } : {}),
        reactants: Object.fromEntries(reactants),
        products: Object.fromEntries(products),
        law: 'custom',
        rate: printExpression(rate),
      });
    } else
      reactions.push(
        ...splitReaction(id, r.name, rate, reactants, products).map((x) => ({ ...x, id: ids.take(x.id) })),
      );
  }
  for (const [variable, math] of symbols.rateRules) {
    // d(amount)/dt = size · d(concentration)/dt for a concentration; the rate itself otherwise.
    const rate = mapper.perManifestTime(mapper.current(math, `<rateRule variable="${variable}">`));
    const volume = symbols.volumeOf(variable);
    reactions.push({
      id: ids.take(`rateRule_${variable}`),
      label: `rate rule for ${variable}`,
      reactants: {},
      products: { [variable]: 1 },
      law: 'custom',
      rate: printExpression(volume === undefined ? rate : bin('*', name(volume), rate)),
    });
  }
  return reactions;
}

/** Texts the manifest's units come from. */
class UnitTexts {
  constructor(private readonly model: SbmlModel) {}

  parameter(p: SbmlParameter): string {
    return unitName(this.model.units, p.units) ?? 'dimensionless (from SBML)';
  }

  compartment(c: SbmlCompartment): string {
    return (
      unitName(this.model.units, c.units ?? (c.spatialDimensions === 3 ? this.model.volumeUnits : undefined)) ??
      'volume (SBML gives no unit)'
    );
  }

  substance(s: SbmlSpecies): string {
    return unitName(this.model.units, s.substanceUnits ?? this.model.substanceUnits) ?? 'amount (SBML gives no unit)';
  }

  concentration(s: SbmlSpecies, compartment: SbmlCompartment): string {
    const given = (s.substanceUnits ?? this.model.substanceUnits) !== undefined;
    const volumeGiven = (compartment.units ?? this.model.volumeUnits) !== undefined;
    if (!given && !volumeGiven) return 'concentration (SBML gives no unit)';
    const volume = this.compartment(compartment);
    return `${this.substance(s)}/${/\s/.test(volume) ? `(${volume})` : volume}`;
  }
}

function modelSource(model: SbmlModel): string {
  let source = `SBML model ${model.id}: ${model.name ?? model.id}`;
  if (model.references.length > 0) source += ` (${model.references.join(', ')})`;
  else if (model.notes)
    source += ` (notes: ${model.notes.length > 160 ? `${model.notes.slice(0, 157)}…` : model.notes})`;
  return source;
}

const SECONDS_IN: Readonly<Record<'day' | 'hour', number>> = { day: 86400, hour: 3600 };

/**
 * The manifest's time unit and how many SBML time units make one of it (`factor`): rates are multiplied by
 * it, `time` in SBML math is `time · factor`, event times are divided by it.
 */
function timeUnitOf(
  model: SbmlModel,
  options: FromSbmlOptions,
): { unit: 'day' | 'hour'; factor: number; assumption?: string } {
  const declared = model.timeUnit;
  if (declared === undefined) {
    const unit = options.timeUnit ?? 'day';
    return { unit, factor: 1, assumption: `The SBML document declares no time unit; its times are read as ${unit}s.` };
  }
  const seconds = declared.seconds;
  if (seconds === undefined || !(seconds > 0)) {
    throw new SbmlImportError(
      `<model id="${model.id}">`,
      `its time unit is ${declared.text}, which is not a multiple of the second; supported: a multiple of the second, or no declared unit`,
    );
  }
  const unit = seconds === 86400 ? 'day' : seconds === 3600 ? 'hour' : (options.timeUnit ?? 'day');
  const factor = SECONDS_IN[unit] / seconds;
  if (factor === 1) return { unit, factor };
  return {
    unit,
    factor,
    assumption: `The SBML time unit is ${seconds} s (${declared.text}); times are converted to ${unit}s: rates × ${factor}, event times ÷ ${factor}.`,
  };
}

/** The manifest's parameters: compartment sizes, then global parameters, then local ones. */
function parametersOf(
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

function speciesOf(symbols: ModelSymbols, mapper: ExpressionMapper, units: UnitTexts): SpeciesSpec[] {
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
function observablesOf(symbols: ModelSymbols, mapper: ExpressionMapper, units: UnitTexts): ObservableSpec[] {
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

/**
 * Imports an SBML Level 2 or 3 core model as a reaction-network manifest, with the scenario schedule that
 * fires its events. State variables hold amounts; see the package README for every mapping. Throws
 * SbmlImportError for what it cannot map (naming the element) and ValidationError if the result is not a
 * valid manifest.
 */
export function importSBML(text: string, options: FromSbmlOptions = {}): SbmlImport {
  const model = readSbml(text);
  const symbols = new ModelSymbols(model);
  const time = timeUnitOf(model, options);
  const mapper = new ExpressionMapper(symbols, time.factor);
  const units = new UnitTexts(model);
  const source = modelSource(model);
  const species = speciesOf(symbols, mapper, units);
  const reactions = reactionsOf(symbols, mapper);
  if (species.length === 0 || reactions.length === 0) {
    throw new SbmlImportError(
      `<model id="${model.id}">`,
      `has ${species.length === 0 ? 'no species' : 'no reactions and no rate rules'}; a reaction network needs species that change`,
    );
  }
  const parameters = parametersOf(symbols, mapper, units, source);
  const kindIds = new UniqueIds();
  const { interventions, schedule } = eventInterventions(
    model.events,
    {
      isParameter: (id) => symbols.isParameter(id),
      parameterDefault: (id) => mapper.parameterDefault(id),
      stateVolume: (id) => symbols.volumeOf(id),
      isState: (id) => symbols.isState(id),
      evaluate: (node) => mapper.evaluate(node),
    },
    (wanted) => kindIds.take(wanted),
    time,
  );
  const duration = options.duration ?? 10;
  const assumptions = [
    'Imported from SBML: state variables hold amounts; a species in concentration is reported (and read in rate laws) as amount / compartment size.',
    'Reaction rates are the SBML kinetic laws (amount per time); only the ODE method applies.',
    ...(time.assumption ? [time.assumption] : []),
    ...(schedule.length > 0
      ? [`SBML events are interventions; a scenario fires them as SBML would with: ${JSON.stringify(schedule)}.`]
      : []),
  ];
  const manifest: ModelManifest = {
    id: options.id ?? manifestModelId(model.id),
    title: model.name ?? model.id,
    version: '1.0.0',
    description: model.notes ?? `Imported from SBML Level ${model.level} Version ${model.version} model "${model.id}".`,
    timeUnit: time.unit,
    methods: ['ode'],
    defaults: { duration, outputInterval: options.outputInterval ?? duration / 100 },
    parameters,
    network: { species, reactions },
    observables: observablesOf(symbols, mapper, units),
    interventions,
    presets: [],
    assumptions,
    references: [],
  };
  const stored = applyStoredDetails(manifest, model.immunotwin);
  const restored = options.id === undefined ? stored : { ...stored, id: options.id };
  try {
    checkPlugin({ manifest: restored });
  } catch (error) {
    if (error instanceof ValidationError)
      throw new SbmlImportError(`<model id="${model.id}">`, `does not give a valid manifest: ${error.message}`);
    throw error;
  }
  return { manifest: restored, schedule };
}

/** Imports an SBML Level 2 or 3 core model as a reaction-network manifest (see importSBML). */
export function fromSBML(text: string, options: FromSbmlOptions = {}): ModelManifest {
  return importSBML(text, options).manifest;
}
