import { readFile } from 'node:fs/promises';
import { parseJsonDocument, ValidationError } from '@immunotwin/engine';
import { CliError } from './errors.js';
import { lineAndColumn, locateJsonSyntaxError } from './jsonLocation.js';

/** Why a file could not be read, in words. */
function describeReadError(file: string, error: NodeJS.ErrnoException): string {
  switch (error.code) {
    case 'ENOENT':
      return `cannot read "${file}": no such file`;
    case 'EISDIR':
      return `cannot read "${file}": it is a directory, not a JSON file`;
    case 'EACCES':
    case 'EPERM':
      return `cannot read "${file}": permission denied`;
    default:
      return `cannot read "${file}": ${error.message}`;
  }
}

/**
 * Reads and parses a JSON file. A syntax error becomes a CliError `file: malformed JSON at line L,
 * column C: …`, with the position worked out here when the JavaScript engine does not give one.
 *
 * @param path absolute path to read
 * @param file the name to show in messages (as the user wrote it)
 */
export async function readJsonFile(path: string, file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new CliError(describeReadError(file, error as NodeJS.ErrnoException));
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  try {
    return parseJsonDocument(text, 'JSON document', file);
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    let message = error.issues[0]?.message ?? error.message;
    if (!/ at line \d+, column \d+/.test(message)) {
      const offset = locateJsonSyntaxError(text);
      const { line, column } = lineAndColumn(text, offset < 0 ? text.length : offset);
      const where =
        offset >= text.length || offset < 0
          ? `at the end of the file (line ${line}, column ${column})`
          : `at line ${line}, column ${column}`;
      message = message.replace(/^malformed JSON/, `malformed JSON ${where}`);
    }
    throw new CliError(`${file}: ${message}`);
  }
}
