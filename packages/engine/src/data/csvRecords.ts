import { ValidationError } from '../validation/index.js';

/** One record of a CSV text: its cells and the line it starts on (1-based, for error messages). */
export interface CsvRecord {
  /** The cells, unquoted. */
  readonly cells: readonly string[];
  /** The line the record starts on (1-based). */
  readonly line: number;
}

/**
 * Splits CSV text (RFC 4180: comma-separated, fields in double quotes may hold commas, line breaks and `""`) into
 * records, skipping blank lines. A leading byte-order mark is ignored. An unterminated quote is a ValidationError
 * naming its line.
 */
export function csvRecords(text: string, what: string): CsvRecord[] {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let cell = '';
  let line = 1;
  let recordLine = 1;
  let quoted = false;
  let quoteLine = 0;
  const endRecord = (): void => {
    cells.push(cell);
    if (!(cells.length === 1 && cells[0].trim() === '')) records.push({ cells, line: recordLine });
    cells = [];
    cell = '';
  };
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (quoted) {
      if (ch === '"' && body[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else {
        if (ch === '\n') line++;
        cell += ch;
      }
    } else if (ch === '"' && cell.trim() === '') {
      quoted = true;
      quoteLine = line;
      cell = '';
    } else if (ch === ',') {
      cells.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && body[i + 1] === '\n') i++;
      endRecord();
      line++;
      recordLine = line;
    } else cell += ch;
  }
  if (quoted) {
    throw new ValidationError(what, [
      { path: `line ${quoteLine}`, message: 'a quoted field is never closed (a " is missing)' },
    ]);
  }
  if (cell !== '' || cells.length > 0) endRecord();
  return records;
}
