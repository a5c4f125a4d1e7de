import { importSBML, SbmlImportError } from '@immunotwin/sbml';
import { stringOption } from '../args.js';
import { checkWritable, writeFileAtomic } from '../atomicWrite.js';
import type { Command } from '../command.js';
import { CliError, ExitCode, UsageError } from '../errors.js';
import { readTextFile } from '../readJson.js';

const TIME_UNITS = ['day', 'hour'] as const;

function timeUnitOption(value: string | undefined): 'day' | 'hour' | undefined {
  if (value === undefined) return undefined;
  if ((TIME_UNITS as readonly string[]).includes(value)) return value as 'day' | 'hour';
  throw new UsageError(`option --time-unit must be one of ${TIME_UNITS.join(', ')}; got "${value}"`);
}

/** `immunotwin import-sbml`: SBML Level 2/3 core → a reaction-network manifest JSON (a data plugin). */
export const importSbmlCommand: Command = {
  name: 'import-sbml',
  summary: 'turn an SBML Level 2/3 core model into a model manifest JSON usable with --plugin',
  usage: 'import-sbml <model.xml> [--out <model.json>] [--id <model-id>] [--time-unit day|hour]',
  description: [
    'Reads an SBML Level 2 or Level 3 core model and writes an ImmunoTwin reaction-network manifest: species',
    '(state = amounts; concentrations are reported as amount / compartment size), parameters (with unit,',
    'range and source), reactions from kinetic laws, rules, initial assignments, and fixed-time events as',
    'interventions (the command prints the scenario entries that fire them). Anything it cannot map is',
    'refused naming the SBML element. Writes JSON to --out atomically, or to stdout.',
  ].join('\n'),
  options: [
    { name: 'out', short: 'o', value: 'model.json', description: 'write the manifest to this file (default: stdout)' },
    { name: 'id', value: 'model-id', description: 'model id for the manifest (default: from the SBML model id)' },
    {
      name: 'time-unit',
      value: 'day|hour',
      description: "the manifest's time unit when the SBML declares none or another unit (default: day)",
    },
  ],
  positionals: { min: 1, max: 1, name: 'SBML file' },

  async run(args, context) {
    const { io } = context;
    const file = args.positionals[0];
    const out = stringOption(args, 'out');
    const timeUnit = timeUnitOption(stringOption(args, 'time-unit'));
    const id = stringOption(args, 'id');
    const outPath = out === undefined ? undefined : context.resolvePath(out);
    if (outPath !== undefined) await checkWritable(outPath, out!);
    const text = await readTextFile(context.resolvePath(file), file);
    let imported;
    try {
      imported = importSBML(text, { ...(id !== undefined ? { id } : {}), ...(timeUnit ? { timeUnit } : {}) });
    } catch (error) {
      if (error instanceof SbmlImportError)
        throw new CliError(`${file}: ${error.message}`, ExitCode.failure, [], { cause: error });
      throw error;
    }
    const { manifest, schedule } = imported;
    const json = `${JSON.stringify(manifest, null, 2)}\n`;
    if (outPath !== undefined) await writeFileAtomic(outPath, json, out!);
    else io.stdout.write(json);
    const network = manifest.network!;
    io.stderr.write(
      `import-sbml: model "${manifest.id}": ${network.species.length} species, ${network.reactions.length} reactions, ` +
        `${manifest.parameters.length} parameters${outPath !== undefined ? `; wrote ${out}` : ''}\n`,
    );
    if (schedule.length > 0) {
      io.stderr.write(
        `import-sbml: the SBML events are interventions; to fire them as SBML does, add to the scenario: "interventions": ${JSON.stringify(schedule)}\n`,
      );
    }
    return ExitCode.ok;
  },
};
