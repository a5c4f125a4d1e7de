import { formatLogArguments, formatValue } from './format.js';
import { isRowArray, toMimeBundle, type MimeBundle } from './mime.js';

/** The two output streams of a Jupyter cell. */
export type StreamName = 'stdout' | 'stderr';

/** The `console` a cell sees: the usual methods, writing to the cell's stdout and stderr streams. */
export interface KernelConsole {
  /** Writes a line to stdout. */
  log(...args: unknown[]): void;
  /** Writes a line to stdout. */
  info(...args: unknown[]): void;
  /** Writes a line to stdout. */
  debug(...args: unknown[]): void;
  /** Writes a line to stderr. */
  warn(...args: unknown[]): void;
  /** Writes a line to stderr. */
  error(...args: unknown[]): void;
  /** Writes one value, formatted, to stdout. */
  dir(value: unknown): void;
  /** Displays an array of row objects as a table (other values are logged). */
  table(data: unknown): void;
  /** Writes `Assertion failed` and the arguments to stderr when `condition` is falsy. */
  assert(condition?: unknown, ...args: unknown[]): void;
  /** Writes `Trace:` and the arguments to stderr (no stack: it would show kernel internals). */
  trace(...args: unknown[]): void;
  /** Counts calls per label and writes `label: n` to stdout. */
  count(label?: string): void;
  /** Resets a {@link count} label. */
  countReset(label?: string): void;
  /** Starts a timer. */
  time(label?: string): void;
  /** Writes a timer's elapsed milliseconds to stdout. */
  timeLog(label?: string, ...args: unknown[]): void;
  /** Writes a timer's elapsed milliseconds to stdout and stops it. */
  timeEnd(label?: string): void;
  /** Indents later output by two spaces, after writing the arguments if any. */
  group(...args: unknown[]): void;
  /** Same as {@link group}: a text stream cannot collapse. */
  groupCollapsed(...args: unknown[]): void;
  /** Ends the innermost {@link group}. */
  groupEnd(): void;
}

/** Where a {@link KernelConsole} sends its output. */
export interface ConsoleTarget {
  /** Appends text to a stream. */
  stream(name: StreamName, text: string): void;
  /** Shows a rich output (used by `console.table`). */
  display(bundle: MimeBundle): void;
}

/**
 * A console whose `log`/`info`/`debug`/`dir` write to stdout and `warn`/`error`/`assert`/`trace` to stderr,
 * one line per call, values formatted readably. `target()` is asked on every call, so one console can
 * follow the kernel from cell to cell (output of a callback lands in the cell running when it fires).
 */
export function createConsole(target: () => ConsoleTarget | undefined): KernelConsole {
  const counts = new Map<string, number>();
  const timers = new Map<string, number>();
  let indent = '';

  const write = (name: StreamName, text: string): void => {
    const indented = indent ? text.replace(/^/gm, indent) : text;
    target()?.stream(name, indented + '\n');
  };
  const out = (...args: unknown[]): void => write('stdout', formatLogArguments(args));
  const err = (...args: unknown[]): void => write('stderr', formatLogArguments(args));
  const elapsed = (label: string): string | undefined => {
    const start = timers.get(label);
    return start === undefined ? undefined : `${label}: ${Date.now() - start}ms`;
  };

  return {
    log: out,
    info: out,
    debug: out,
    warn: err,
    error: err,
    dir: (value) => write('stdout', formatValue(value)),
    table: (data) => {
      const current = target();
      if (isRowArray(data) && current) current.display(toMimeBundle(data));
      else out(data);
    },
    assert: (condition, ...args) => {
      if (!condition) err(...(args.length ? ['Assertion failed:', ...args] : ['Assertion failed']));
    },
    trace: (...args) => err('Trace:', ...args),
    count: (label = 'default') => {
      const n = (counts.get(label) ?? 0) + 1;
      counts.set(label, n);
      out(`${label}: ${n}`);
    },
    countReset: (label = 'default') => {
      counts.delete(label);
    },
    time: (label = 'default') => {
      timers.set(label, Date.now());
    },
    timeLog: (label = 'default', ...args) => {
      const text = elapsed(label);
      if (text === undefined) err(`Warning: No such label '${label}' for console.timeLog()`);
      else out(text, ...args);
    },
    timeEnd: (label = 'default') => {
      const text = elapsed(label);
      if (text === undefined) err(`Warning: No such label '${label}' for console.timeEnd()`);
      else out(text);
      timers.delete(label);
    },
    group: (...args) => {
      if (args.length) out(...args);
      indent += '  ';
    },
    groupCollapsed: (...args) => {
      if (args.length) out(...args);
      indent += '  ';
    },
    groupEnd: () => {
      indent = indent.slice(2);
    },
  };
}
