import { ValidationError } from './validationError.js';

function lineAndColumn(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  return `line ${line}, column ${column}`;
}

/**
 * Parses JSON text, turning a syntax error into a ValidationError that says where (line and column) and
 * what was found, e.g. `Invalid scenario: scenario.json: malformed JSON at line 3, column 5: …`.
 */
export function parseJsonDocument(text: string, what: string, sourceName = 'input'): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const message = (error as Error).message;
    const position = /position (\d+)/.exec(message);
    const where = position ? ` at ${lineAndColumn(text, Number(position[1]))}` : '';
    throw new ValidationError(what, [{ path: sourceName, message: `malformed JSON${where}: ${message}` }]);
  }
}
