import { resolve } from 'node:path';
import { ENGINE_VERSION, type ModelRegistry } from '@immunotwin/engine';
import { parseArgs } from './args.js';
import type { Command, CommandContext } from './command.js';
import { exportSbmlCommand } from './commands/exportSbml.js';
import { assimilateCommand } from './commands/assimilate.js';
import { fitCommand } from './commands/fit.js';
import { importSbmlCommand } from './commands/importSbml.js';
import { modelsCommand } from './commands/models.js';
import { mergeCommand } from './commands/merge.js';
import { runCommand } from './commands/run.js';
import { sweepCommand } from './commands/sweep.js';
import { validateCommand } from './commands/validate.js';
import { ExitCode, UsageError } from './errors.js';
import { commandHelp, generalHelp, HELP_OPTION } from './help.js';
import type { CliIo } from './io.js';
import { listOption } from './args.js';
import { registerPluginFiles } from './plugins.js';
import { createRegistry } from './registry.js';
import { builtInDescriptors } from '@immunotwin/models/descriptors';
import { reportError } from './report.js';
import { CLI_VERSION } from './version.js';

/** The sub-commands, in the order help lists them. */
export const COMMANDS: readonly Command[] = [
  runCommand,
  sweepCommand,
  fitCommand,
  assimilateCommand,
  mergeCommand,
  modelsCommand,
  validateCommand,
  importSbmlCommand,
  exportSbmlCommand,
];

const commandNames = (): string => [...COMMANDS.map((c) => c.name), 'help'].join(', ');

function findCommand(name: string): Command {
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) throw new UsageError(`unknown command "${name}"; allowed: ${commandNames()}`);
  return command;
}

function createContext(io: CliIo): CommandContext {
  let registry: ModelRegistry | undefined;
  const cwd = io.cwd ?? process.cwd();
  const registryOnce = (): ModelRegistry => (registry ??= createRegistry());
  const resolvePath = (file: string): string => resolve(cwd, file);
  return {
    io,
    registry: registryOnce,
    registerPlugins: async (args) => [
      ...builtInDescriptors,
      ...(await registerPluginFiles(registryOnce(), listOption(args, 'plugin'), resolvePath)),
    ],
    resolvePath,
  };
}

async function dispatch(argv: readonly string[], io: CliIo): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined) {
    io.stderr.write(generalHelp(COMMANDS));
    return ExitCode.usage;
  }
  if (first === '--help' || first === '-h' || first === 'help') {
    const topic = first === 'help' ? rest[0] : undefined;
    if (first === 'help' && rest.length > 1)
      throw new UsageError(`"immunotwin help" takes at most one command name; got ${rest.length}`);
    io.stdout.write(topic === undefined ? generalHelp(COMMANDS) : commandHelp(findCommand(topic)));
    return ExitCode.ok;
  }
  if (first === '--version' || first === '-V') {
    io.stdout.write(`immunotwin ${CLI_VERSION} (engine ${ENGINE_VERSION})\n`);
    return ExitCode.ok;
  }
  if (first.startsWith('-'))
    throw new UsageError(`unknown option "${first}"; allowed before a command: --help, --version`);
  const command = findCommand(first);
  const context = `immunotwin ${command.name}`;
  const args = parseArgs(rest, [...command.options, HELP_OPTION], context);
  if (args.options.has('help')) {
    io.stdout.write(commandHelp(command));
    return ExitCode.ok;
  }
  const { min, max, name } = command.positionals;
  const count = args.positionals.length;
  if (count < min) throw new UsageError(`"${context}" needs a ${name}; usage: immunotwin ${command.usage}`);
  if (count > max) {
    const extra = args.positionals
      .slice(max)
      .map((a) => `"${a}"`)
      .join(', ');
    throw new UsageError(
      `"${context}" takes ${max === 0 ? 'no arguments' : `at most ${max} ${name}${max === 1 ? '' : 's'}`}; unexpected ${extra}`,
    );
  }
  return command.run(args, createContext(io));
}

/**
 * Runs the `immunotwin` command line in-process and resolves to its exit code. Never throws: errors
 * are printed to `io.stderr` as `immunotwin: error: …`.
 *
 * @param argv the arguments after the program name (`process.argv.slice(2)`)
 * @param io streams, working directory, environment and cancellation signal
 */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    return await dispatch(argv, io);
  } catch (error) {
    return reportError(error, io);
  }
}
