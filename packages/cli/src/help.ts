import { optionSynopsis, type OptionSpec } from './args.js';
import type { Command } from './command.js';
import { table } from './format.js';

/** Options every command accepts. */
export const HELP_OPTION: OptionSpec = { name: 'help', short: 'h', description: 'show this help' };

/** `immunotwin --help`: usage and the command list. */
export function generalHelp(commands: readonly Command[]): string {
  return [
    'Usage: immunotwin <command> [options]',
    '',
    'ImmunoTwin on the command line: run immune-system model scenarios headlessly, list models,',
    'validate documents, import and export SBML. A model plugin is a reaction-network manifest JSON or',
    "a plugin package's ES module: run, models, validate and export-sbml register it with --plugin.",
    '',
    'Commands:',
    table([
      ...commands.map((c) => [c.name, c.summary]),
      ['help', 'show help for a command: immunotwin help <command>'],
    ]),
    '',
    'Options:',
    table([
      ['-h, --help', 'show this help'],
      ['--version', 'print the version'],
    ]),
    '',
    'Exit codes: 0 success, 1 invalid input or failed run, 2 wrong command line, 130 interrupted.',
    'Set IMMUNOTWIN_DEBUG=1 to see stack traces.',
    '',
  ].join('\n');
}

/** `immunotwin help <command>`. */
export function commandHelp(command: Command): string {
  return [
    `Usage: immunotwin ${command.usage}`,
    '',
    command.description,
    '',
    'Options:',
    table([...command.options, HELP_OPTION].map((o) => [optionSynopsis(o), o.description])),
    '',
  ].join('\n');
}
