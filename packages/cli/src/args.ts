import { UsageError } from './errors.js';

/** An option a command accepts. */
export interface OptionSpec {
  /** Long name without dashes, e.g. `out` for `--out`. */
  readonly name: string;
  /** One-letter alias without the dash, e.g. `o` for `-o`. */
  readonly short?: string;
  /** Placeholder of the value (e.g. `file`); options without one are flags. */
  readonly value?: string;
  /** One line for the help text. */
  readonly description: string;
  /** The option may be given several times; its values are collected in order (see listOption). */
  readonly repeatable?: boolean;
}

/** A parsed command line: positional arguments and option values (`true` for flags). */
export interface ParsedArgs {
  /** Arguments that are not options, in order. */
  readonly positionals: readonly string[];
  /** Option name → its value, `true` for a flag, or every value in order for a repeatable option. */
  readonly options: ReadonlyMap<string, string | true | readonly string[]>;
}

/** How an option is written on the command line, e.g. `--out <file>`. */
export function optionSynopsis(spec: OptionSpec): string {
  const names = spec.short ? `-${spec.short}, --${spec.name}` : `--${spec.name}`;
  return spec.value ? `${names} <${spec.value}>` : names;
}

/**
 * Parses `argv` against the options a command accepts. Supports `--name value`, `--name=value`, `-x value`,
 * flags, repeatable options, and `--` to end options. Unknown options, other options given twice, values given to flags and missing
 * values are UsageErrors that list what is allowed.
 *
 * @param argv the arguments after the command name
 * @param specs the accepted options
 * @param context how to name the command in messages, e.g. `immunotwin run`
 */
export function parseArgs(argv: readonly string[], specs: readonly OptionSpec[], context: string): ParsedArgs {
  const byName = new Map(specs.map((s) => [s.name, s]));
  const byShort = new Map(specs.filter((s) => s.short).map((s) => [s.short!, s]));
  const allowed = (): string => specs.map((s) => `--${s.name}`).join(', ') || '(none)';
  const positionals: string[] = [];
  const options = new Map<string, string | true | string[]>();
  let i = 0;
  while (i < argv.length) {
    const arg = argv[i++];
    if (arg === '--') {
      positionals.push(...argv.slice(i));
      break;
    }
    if (!arg.startsWith('-') || arg === '-' || /^-\d/.test(arg)) {
      positionals.push(arg);
      continue;
    }
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const written = eq >= 0 ? arg.slice(0, eq) : arg;
    const spec = written.startsWith('--') ? byName.get(written.slice(2)) : byShort.get(written.slice(1));
    if (!spec) throw new UsageError(`unknown option "${written}" for "${context}"; allowed: ${allowed()}`);
    if (options.has(spec.name) && !spec.repeatable)
      throw new UsageError(`option --${spec.name} is given more than once`);
    if (!spec.value) {
      if (eq >= 0)
        throw new UsageError(`option --${spec.name} is a flag and takes no value; got "${arg.slice(eq + 1)}"`);
      options.set(spec.name, true);
      continue;
    }
    let value: string | undefined;
    if (eq >= 0) value = arg.slice(eq + 1);
    else if (i < argv.length && !argv[i].startsWith('--')) value = argv[i++];
    if (value === undefined || value === '') {
      throw new UsageError(`option --${spec.name} needs a value: --${spec.name} <${spec.value}>`);
    }
    if (spec.repeatable) {
      const values = options.get(spec.name);
      if (Array.isArray(values)) values.push(value);
      else options.set(spec.name, [value]);
    } else options.set(spec.name, value);
  }
  return { positionals, options };
}

/** The string value of an option, or undefined when it was not given. */
export function stringOption(args: ParsedArgs, name: string): string | undefined {
  const value = args.options.get(name);
  return typeof value === 'string' ? value : undefined;
}

/** Every value of a repeatable option, in command-line order (empty when it was not given). */
export function listOption(args: ParsedArgs, name: string): readonly string[] {
  const value = args.options.get(name);
  return Array.isArray(value) ? value : typeof value === 'string' ? [value] : [];
}

/** Whether a flag was given. */
export function flag(args: ParsedArgs, name: string): boolean {
  return args.options.get(name) === true;
}

/**
 * A whole number from an option value, checked against [min, max]. Only plain digits are accepted
 * ("3", not "3.0", "3e0" or "+3"), so nothing is silently rounded.
 */
export function integerOption(value: string, option: string, min: number, max: number, what: string): number {
  const n = /^-?\d+$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max) {
    throw new UsageError(`option --${option} must be ${what}; got "${value}"`);
  }
  return n;
}

/** Multipliers of the size suffixes `--max-memory` accepts (decimal, as `formatBytes` prints them). */
const SIZE_UNITS: Readonly<Record<string, number>> = { '': 1, b: 1, kb: 1e3, mb: 1e6, gb: 1e9, tb: 1e12 };

/** A size in bytes from an option value such as "4GB", "500MB" or "1073741824". */
export function sizeOption(value: string, option: string): number {
  const match = /^(\d+(?:\.\d+)?)\s*([a-z]*)$/i.exec(value.trim());
  const unit = match ? SIZE_UNITS[match[2].toLowerCase()] : undefined;
  const bytes = match && unit !== undefined ? Number(match[1]) * unit : NaN;
  if (!(bytes > 0) || !Number.isFinite(bytes)) {
    throw new UsageError(`option --${option} must be a size such as 4GB, 500MB or a number of bytes; got "${value}"`);
  }
  return bytes;
}
