import type { CellSyntaxError } from './errors.js';
import { formatValue } from './format.js';

/** The error part of a Jupyter execute_reply (and of its `error` IOPub message). */
export interface ErrorReply {
  /** Error class name, e.g. `'TypeError'`, `'SyntaxError'`, `'KeyboardInterrupt'`. */
  ename: string;
  /** The message. */
  evalue: string;
  /** Lines to show: the error, then where in the cells it happened, innermost first. */
  traceback: string[];
}

/** What a traceback needs to know about one executed cell. */
export interface CellRecord {
  /** How a frame in another cell names it, e.g. `'[3]'`. */
  label: string;
  /** The cell's source lines (as typed: transpiling and rewriting keep line numbers). */
  lines: readonly string[];
  /** Lines of generated code before the cell's first line (`RewrittenCell.lineOffset`). */
  lineOffset: number;
}

/** A place in cell code where an error passed. */
export interface CellFrame {
  /** The id in the cell's sourceURL. */
  cell: number;
  /** 1-based line (in the generated code when read from a stack, in the cell once mapped). */
  line: number;
  /** The function, if it has a name worth showing. */
  name?: string;
}

/** How to read engine stack traces of cell code. */
export interface StackReading {
  /** Matches `<sourceURL>:<line>:<column>` of a cell, capturing the cell id, the line and the column. */
  location: RegExp;
  /** Identifiers the rewriter introduced (scope object, wrapper function) to hide from names and messages. */
  generatedNames: readonly string[];
}

const MAX_SNIPPET = 160;

/**
 * The frames of `stack` that lie in cell code, innermost first: V8 (`at f (url:1:2)`), SpiderMonkey and
 * JavaScriptCore (`f@url:1:2`) formats. Every other frame (executor, worker, engine internals) is dropped.
 */
export function cellFrames(stack: string, reading: StackReading): CellFrame[] {
  const frames: CellFrame[] = [];
  const location = new RegExp(reading.location.source, reading.location.flags.replace('g', ''));
  for (const raw of stack.split('\n')) {
    const match = location.exec(raw);
    if (!match) continue;
    const before = raw.slice(0, match.index).trim();
    let name: string | undefined;
    if (before.startsWith('at ')) {
      const text = before.slice(3).replace(/^async /, '');
      const paren = text.lastIndexOf(' (');
      name = paren >= 0 ? text.slice(0, paren) : text.endsWith('(') ? text.slice(0, -1).trim() : undefined;
    } else if (before.includes('@')) {
      name = before.slice(0, before.lastIndexOf('@'));
    }
    frames.push({ cell: Number(match[1]), line: Number(match[2]), name: cleanName(name, reading.generatedNames) });
  }
  return frames;
}

function cleanName(name: string | undefined, generated: readonly string[]): string | undefined {
  if (!name) return undefined;
  let clean = name;
  for (const g of generated) clean = clean.split(`${g}.`).join('');
  clean = clean
    .replace(/^Object\./, '')
    .replace(/^.*\//, '')
    .replace(/[<>]/g, '');
  if (!clean || generated.includes(clean) || clean === 'eval' || clean === 'anonymous') return undefined;
  return clean;
}

/** Removes the rewriter's identifiers from an engine message (`__scope.f is not a function` → `f is …`). */
export function cleanMessage(message: string, generatedNames: readonly string[]): string {
  let clean = message;
  for (const g of generatedNames) clean = clean.split(`${g}.`).join('');
  return clean;
}

/** `'    at f, line 3: throw new Error("x")'`, naming the cell when it is not the current one. */
export function frameLine(frame: CellFrame, cells: (id: number) => CellRecord | undefined, current: number): string {
  const record = cells(frame.cell);
  const where = `line ${frame.line}${frame.cell !== current && record ? ` of cell ${record.label}` : ''}`;
  const snippet = record?.lines[frame.line - 1]?.trim() ?? '';
  const shown = snippet.length > MAX_SNIPPET ? snippet.slice(0, MAX_SNIPPET) + '…' : snippet;
  return `    at ${frame.name ? `${frame.name}, ` : ''}${where}${shown ? `: ${shown}` : ''}`;
}

/**
 * The reply for an error thrown by cell code: its class and message, then the cell lines it passed through,
 * collapsing runs of the same frame (deep recursion). Nothing of the executor's own stack is kept.
 */
export function runtimeErrorReply(
  error: unknown,
  reading: StackReading,
  cells: (id: number) => CellRecord | undefined,
  current: number,
): ErrorReply {
  const isError = error instanceof Error;
  const ename = isError ? error.name || 'Error' : 'Error';
  const evalue = isError
    ? cleanMessage(error.message, reading.generatedNames)
    : typeof error === 'string'
      ? error
      : formatValue(error);
  const traceback = [evalue ? `${ename}: ${evalue}` : ename];
  const stack = isError && typeof error.stack === 'string' ? error.stack : '';
  let previous = '';
  let repeats = 0;
  for (const generated of cellFrames(stack, reading)) {
    const frame = { ...generated, line: generated.line - (cells(generated.cell)?.lineOffset ?? 0) };
    const text = frameLine(frame, cells, current);
    if (text === previous) {
      repeats++;
      continue;
    }
    if (repeats) traceback.push(`    [previous line repeated ${repeats} more time${repeats === 1 ? '' : 's'}]`);
    repeats = 0;
    previous = text;
    traceback.push(text);
  }
  if (repeats) traceback.push(`    [previous line repeated ${repeats} more time${repeats === 1 ? '' : 's'}]`);
  return { ename, evalue, traceback };
}

/** The reply for a cell that does not parse: the message with its location, the line and a caret. */
export function syntaxErrorReply(error: CellSyntaxError, source: string): ErrorReply {
  const line = source.split('\n')[error.line - 1] ?? '';
  const lead = `    at line ${error.line}: `;
  const indent = line.length - line.trimStart().length;
  const traceback = [`SyntaxError: ${error.evalue}`];
  if (line.trim()) {
    traceback.push(lead + line.trim());
    traceback.push(' '.repeat(lead.length + Math.max(0, error.column - indent)) + '^');
  }
  return { ename: 'SyntaxError', evalue: error.evalue, traceback };
}
