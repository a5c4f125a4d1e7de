import { lineAndColumn, locateJsonSyntaxError } from './jsonLocation.js';
import { ValidationError } from './validationError.js';

/**
 * Parses JSON text, turning a syntax error into a ValidationError that says where (line and column, found
 * by the engine's own scanner so every JavaScript engine gives the same answer) and what was wrong, e.g.
 * `Invalid scenario: scenario.json: malformed JSON at line 3, column 5: …`. A leading byte-order mark is
 * ignored.
 */
export function parseJsonDocument(text: string, what: string, sourceName = 'input'): unknown {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    return JSON.parse(body) as unknown;
  } catch (error) {
    const offset = locateJsonSyntaxError(body);
    const at = offset < 0 ? body.length : offset;
    const { line, column } = lineAndColumn(body, at);
    const where =
      at >= body.length
        ? `at the end of the text (line ${line}, column ${column})`
        : `at line ${line}, column ${column}`;
    throw new ValidationError(what, [
      { path: sourceName, message: `malformed JSON ${where}: ${(error as Error).message}` },
    ]);
  }
}
