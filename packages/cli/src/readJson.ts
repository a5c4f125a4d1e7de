import { readFile } from 'node:fs/promises';
import { parseJsonDocument, ValidationError } from '@immunotwin/engine';
import { CliError } from './errors.js';

/** Why a file could not be read, in words. */
function describeReadError(file: string, error: NodeJS.ErrnoException): string {
  switch (error.code) {
    case 'ENOENT':
      return `cannot read "${file}": no such file`;
    case 'EISDIR':
      return `cannot read "${file}": it is a directory, not a file`;
    case 'EACCES':
    case 'EPERM':
      return `cannot read "${file}": permission denied`;
    default:
      return `cannot read "${file}": ${error.message}`;
  }
}

/**
 * Reads a UTF-8 text file; a missing, unreadable or directory path becomes a CliError saying which and why.
 *
 * @param path absolute path to read
 * @param file the name to show in messages (as the user wrote it)
 */
export async function readTextFile(path: string, file: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    throw new CliError(describeReadError(file, error as NodeJS.ErrnoException));
  }
}

/**
 * Reads and parses a JSON file. A syntax error becomes a CliError `file: malformed JSON at line L,
 * column C: …` (the engine's parseJsonDocument finds the position).
 *
 * @param path absolute path to read
 * @param file the name to show in messages (as the user wrote it)
 */
export async function readJsonFile(path: string, file: string): Promise<unknown> {
  const text = await readTextFile(path, file);
  try {
    return parseJsonDocument(text, 'JSON document', file);
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    throw new CliError(`${file}: ${error.issues[0]?.message ?? error.message}`);
  }
}
