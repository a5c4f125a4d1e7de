import { checkPlugin, ValidationError, type InterventionInstance, type ModelManifest } from '@immunotwin/engine';
import { SbmlImportError } from './errors.js';
import { eventInterventions } from './events.js';
import { ExpressionMapper } from './expressionMapper.js';
import { observablesOf, parametersOf, speciesOf } from './manifestLists.js';
import type { SbmlModel } from './model.js';
import { manifestModelId, UniqueIds } from './naming.js';
import { reactionsOf } from './reactions.js';
import { readSbml } from './readSbml.js';
import { applyStoredDetails } from './storedDetails.js';
import { ModelSymbols } from './symbols.js';
import { timeUnitOf } from './timeUnit.js';
import { UnitTexts } from './unitTexts.js';

/** Choices the SBML document cannot make for the manifest. */
export interface FromSbmlOptions {
  /** Manifest id (lower-case words joined by hyphens); default: derived from the SBML model id. */
  readonly id?: string;
  /** The manifest's time unit when the document declares none, or a unit other than a day or an hour (default 'day'). */
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

function modelSource(model: SbmlModel): string {
  let source = `SBML model ${model.id}: ${model.name ?? model.id}`;
  if (model.references.length > 0) source += ` (${model.references.join(', ')})`;
  else if (model.notes)
    source += ` (notes: ${model.notes.length > 160 ? `${model.notes.slice(0, 157)}…` : model.notes})`;
  return source;
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
