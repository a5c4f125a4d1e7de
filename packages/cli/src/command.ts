import type { ModelRegistry, PluginDescriptor } from '@immunotwin/engine';
import type { OptionSpec, ParsedArgs } from './args.js';
import type { CliIo } from './io.js';

/** What a command gets besides its arguments. */
export interface CommandContext {
  /** Streams, working directory, environment and cancellation. */
  readonly io: CliIo;
  /** The model registry (built on first use). */
  registry(): ModelRegistry;
  /**
   * Registers the `--plugin` files of the command line in the registry (see plugins.ts); resolves to every model
   * the registry then holds as descriptors (built-in and plugins), for worker threads to load the same models.
   */
  registerPlugins(args: ParsedArgs): Promise<readonly PluginDescriptor[]>;
  /** Resolves a path the user gave against the working directory. */
  resolvePath(file: string): string;
}

/** One sub-command of `immunotwin`. */
export interface Command {
  /** Name typed after `immunotwin`. */
  readonly name: string;
  /** One line for the command list. */
  readonly summary: string;
  /** Usage line(s) after `immunotwin `, e.g. `run <scenario.json> [options]`. */
  readonly usage: string;
  /** Longer explanation for `immunotwin help <command>`. */
  readonly description: string;
  /** Options it accepts (`--help` is added for every command). */
  readonly options: readonly OptionSpec[];
  /** How many positional arguments it takes, and what they are called in messages. */
  readonly positionals: { readonly min: number; readonly max: number; readonly name: string };
  /** Runs the command; resolves to the exit code. Throws CliError for problems the user can fix. */
  run(args: ParsedArgs, context: CommandContext): Promise<number>;
}
