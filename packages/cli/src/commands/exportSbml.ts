import { extname } from 'node:path';
import { checkPlugin, type ModelManifest } from '@immunotwin/engine';
import { toSBML } from '@immunotwin/sbml';
import { stringOption } from '../args.js';
import { checkWritable, writeFileAtomic } from '../atomicWrite.js';
import type { Command, CommandContext } from '../command.js';
import { aboutFile, CliError, ExitCode } from '../errors.js';
import { PLUGIN_OPTION } from '../plugins.js';
import { readJsonFile } from '../readJson.js';

/** The manifest named by the argument: a manifest JSON file (validated) or a registered model id. */
async function manifestOf(argument: string, context: CommandContext): Promise<ModelManifest> {
  if (extname(argument).toLowerCase() === '.json') {
    const document = await readJsonFile(context.resolvePath(argument), argument);
    return aboutFile(argument, () => {
      checkPlugin({ manifest: document as ModelManifest });
      return document as ModelManifest;
    });
  }
  const registry = context.registry();
  if (!registry.has(argument)) {
    throw new CliError(
      `"${argument}" is neither a .json manifest file nor a known model; known models: ${registry.ids().join(', ')}`,
    );
  }
  return registry.get(argument).manifest;
}

/** `immunotwin export-sbml`: a reaction-network manifest (file or model id) → SBML Level 3 Version 2 core. */
export const exportSbmlCommand: Command = {
  name: 'export-sbml',
  summary: 'write a reaction-network model (a manifest file or a model id) as SBML Level 3 Version 2',
  usage: 'export-sbml <model.json|model-id> [--out <model.xml>] [--plugin <model.json>]…',
  description: [
    'Writes the model as SBML Level 3 Version 2 core: species as amounts in one compartment of size 1,',
    'parameters, reactions with their ODE rate laws, observables with expressions as assignment rules.',
    'Units, ranges, sources and interventions go into an ImmunoTwin annotation that import-sbml reads',
    'back. Only reaction-network models can be written. Writes to --out atomically, or to stdout.',
  ].join('\n'),
  options: [
    { name: 'out', short: 'o', value: 'model.xml', description: 'write the SBML to this file (default: stdout)' },
    PLUGIN_OPTION,
  ],
  positionals: { min: 1, max: 1, name: 'model file or id' },

  async run(args, context) {
    const argument = args.positionals[0];
    const out = stringOption(args, 'out');
    const outPath = out === undefined ? undefined : context.resolvePath(out);
    if (outPath !== undefined) await checkWritable(outPath, out!);
    await context.registerPlugins(args);
    const manifest = await manifestOf(argument, context);
    if (!manifest.network) {
      throw new CliError(
        `model "${manifest.id}" has no reaction network (it is stepped by code); only reaction-network models can be written as SBML`,
      );
    }
    const xml = toSBML(manifest);
    if (outPath !== undefined) await writeFileAtomic(outPath, xml, out!);
    else context.io.stdout.write(xml);
    return ExitCode.ok;
  },
};
