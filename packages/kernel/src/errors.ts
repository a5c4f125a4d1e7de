/**
 * A syntax error in a cell, located in the cell's own coordinates (1-based line, 0-based column, as acorn
 * reports them), ready to become a Jupyter error reply without any stack of executor internals.
 */
export class CellSyntaxError extends Error {
  /** Always `'SyntaxError'`: the Jupyter `ename`. */
  readonly ename = 'SyntaxError';
  /** The message with its location, e.g. `'Unexpected token (2:5)'`: the Jupyter `evalue`. */
  readonly evalue: string;

  /**
   * @param reason what is wrong, without location, e.g. `'Unexpected token'`
   * @param line 1-based line in the cell
   * @param column 0-based column in the cell
   */
  constructor(
    readonly reason: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(`${reason} (${line}:${column})`);
    this.name = 'SyntaxError';
    this.evalue = this.message;
  }
}

/**
 * Raised into a cell whose execution was interrupted (the kernel's interrupt_request aborted its signal),
 * named like Python's so that notebook users recognise it.
 */
export class KeyboardInterrupt extends Error {
  /**
   * @param line the cell line that was waiting when the interrupt came, if known
   * @param cell the executor's id of that line's cell, if known
   */
  constructor(
    readonly line?: number,
    readonly cell?: number,
  ) {
    super('execution interrupted');
    this.name = 'KeyboardInterrupt';
  }
}

/** The 1-based line and 0-based column of a UTF-16 offset in `text`. */
export function lineColumnAt(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(Math.max(offset, 0), text.length);
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: end - lineStart };
}

/**
 * Turns an error thrown by a parser (acorn, or sucrase's Babel-derived parser) into a {@link CellSyntaxError}
 * located in `source`. The parsers put `(line:column)` at the end of the message and the offset in `pos`;
 * the location is recomputed from the offset so that both parsers report the same convention.
 * Returns undefined when `error` is not a parser error.
 */
export function toCellSyntaxError(error: unknown, source: string): CellSyntaxError | undefined {
  if (error instanceof CellSyntaxError) return error;
  if (!(error instanceof SyntaxError)) return undefined;
  const pos = (error as SyntaxError & { pos?: unknown }).pos;
  if (typeof pos !== 'number') return undefined;
  const reason = error.message.replace(/\s*\(\d+:\d+\)\s*$/, '');
  const { line, column } = lineColumnAt(source, pos);
  return new CellSyntaxError(reason, line, column);
}
