import { extname } from 'node:path';
import type { ModelManifest, ModelPlugin, ObservedDataset, PluginDescriptor } from '@immunotwin/engine';
import { integerOption, stringOption, type OptionSpec, type ParsedArgs } from '../args.js';
import { checkWritable } from '../atomicWrite.js';
import type { CommandContext } from '../command.js';
import { aboutFile, UsageError } from '../errors.js';
import { readJsonFile } from '../readJson.js';
import { defaultObservationModel, readObservedData } from './observedData.js';

/** Largest seed (seeds are unsigned 32-bit integers). */
export const MAX_SEED = 4294967295;

/** `--seed n` of `fit` and `assimilate`. */
export function seedOptionSpec(what: string): OptionSpec {
  return { name: 'seed', value: 'n', description: `seed of ${what}, 0 to ${MAX_SEED} (default 1)` };
}

/** `--seed`: a whole number from 0 to 2³² − 1 (default 1). */
export function seedOption(args: ParsedArgs): number {
  return integerOption(stringOption(args, 'seed') ?? '1', 'seed', 0, MAX_SEED, `a whole number from 0 to ${MAX_SEED}`);
}

/** The options of a command that reads a patient's data: `--data`, `--observation`, `--group`. */
export const PATIENT_DATA_OPTIONS: readonly OptionSpec[] = [
  {
    name: 'data',
    short: 'd',
    value: 'file',
    description: 'the observed data: .csv (observations) or .json (FHIR R4)',
  },
  { name: 'observation', value: 'file', description: 'the observation model (JSON); default: see above' },
  { name: 'group', value: 'name', description: 'only this group (arm, subject) of the data' },
];

/** `--out`: required, a .json file that can be written; resolves to the path to write. */
export async function jsonOutPath(args: ParsedArgs, context: CommandContext, command: string, what: string) {
  const out = stringOption(args, 'out');
  if (out === undefined) throw new UsageError(`${command} needs --out <${what}.json>`);
  if (extname(out).toLowerCase() !== '.json') throw new UsageError(`option --out: "${out}" must be a .json file`);
  const path = context.resolvePath(out);
  await checkWritable(path, out);
  return { out, path };
}

/** What a command about one patient reads: the models, the scenario and its model, the data, the observation model. */
export interface PatientInputs {
  readonly plugins: readonly PluginDescriptor[];
  readonly scenario: unknown;
  readonly plugin: ModelPlugin;
  readonly manifest: ModelManifest;
  readonly dataFile: string;
  readonly data: ObservedDataset[];
  readonly observation: unknown;
}

/**
 * Reads the scenario (positional), `--data` (required; `--group`) and `--observation` (default: each observed `X` or
 * `log10X` as the model's `X`, see `defaultObservationModel`), after registering `--plugin` models.
 */
export async function readPatientInputs(
  args: ParsedArgs,
  context: CommandContext,
  command: string,
): Promise<PatientInputs> {
  const dataFile = stringOption(args, 'data');
  if (dataFile === undefined) throw new UsageError(`${command} needs --data <data.csv|fhir.json>`);
  const file = args.positionals[0]!;
  const plugins = await context.registerPlugins(args);
  const scenario = await readJsonFile(context.resolvePath(file), file);
  const { plugin } = await aboutFile(file, () => context.registry().resolve(scenario));
  const { manifest } = plugin;
  const data = await readObservedData(context.resolvePath(dataFile), dataFile, stringOption(args, 'group'));
  const observationFile = stringOption(args, 'observation');
  const observation =
    observationFile === undefined
      ? defaultObservationModel(data, manifest, dataFile)
      : await readJsonFile(context.resolvePath(observationFile), observationFile);
  return { plugins, scenario, plugin, manifest, dataFile, data, observation };
}
