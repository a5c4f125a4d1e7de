import { parse } from 'acorn';
import { cursorContext } from './cursor.js';
import { toCellSyntaxError } from './errors.js';
import { CELL_PARSE_OPTIONS } from './rewrite.js';
import { transpile, type CellLanguage } from './transpile.js';

/** A Jupyter is_complete_reply content. */
export interface IsCompleteReply {
  /** `'complete'`: run it; `'incomplete'`: wait for more lines; `'invalid'`: run it to show the error. */
  status: 'complete' | 'incomplete' | 'invalid';
  /** For `'incomplete'`: whitespace to start the next line with. */
  indent?: string;
}

/** Options of {@link isComplete}. */
export interface IsCompleteOptions {
  /** Language of the cell (default `'typescript'`). */
  language?: CellLanguage;
}

/**
 * Whether a cell typed so far (in a console) is ready to run. It is parsed as the executor would (types
 * stripped, then acorn as a module with top-level await): code that parses is complete; code whose error is
 * an unterminated string, template literal or comment, or an unexpected end of input (an open bracket, a
 * dangling operator), is incomplete, with an indent of two spaces per open bracket; anything else is invalid.
 */
export function isComplete(code: string, options: IsCompleteOptions = {}): IsCompleteReply {
  if (!code.trim()) return { status: 'complete' };
  let javascript: string;
  try {
    javascript = transpile(code, options);
  } catch (error) {
    return classify(error, code);
  }
  try {
    parse(javascript, CELL_PARSE_OPTIONS);
  } catch (error) {
    return classify(error, javascript);
  }
  return { status: 'complete' };
}

/** Incomplete or invalid, from a parser's error on `text` (the cell, or the cell with types stripped). */
function classify(caught: unknown, text: string): IsCompleteReply {
  const error = toCellSyntaxError(caught, text);
  if (!error) return { status: 'invalid' };
  const atEnd = offsetOf(text, error.line, error.column) >= text.trimEnd().length;
  if (atEnd || /^Unterminated (string|template|comment)/.test(error.reason)) {
    const { depth } = cursorContext(text, text.length);
    return { status: 'incomplete', indent: '  '.repeat(depth) };
  }
  return { status: 'invalid' };
}

/** The UTF-16 offset of a 1-based line, 0-based column. */
function offsetOf(text: string, line: number, column: number): number {
  let offset = 0;
  for (let l = 1; l < line; l++) {
    const next = text.indexOf('\n', offset);
    if (next < 0) return text.length;
    offset = next + 1;
  }
  return offset + column;
}
