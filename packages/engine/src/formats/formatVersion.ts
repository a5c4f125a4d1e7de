import { isPlainObject } from '../validation/isPlainObject.js';
import { ValidationError } from '../validation/validationError.js';

/**
 * Refuses a document of another version of its format before its schema is checked (a newer notebook's output
 * read by an older suite gets one clear message rather than a list of schema errors). Throws ValidationError
 * naming the version found and the ones allowed
 * (`version`: the one version read, or every version read).
 */
export function checkFormatVersion(value: unknown, what: string, version: number | readonly number[]): void {
  const allowed: readonly unknown[] = typeof version === 'number' ? [version] : version;
  if (isPlainObject(value) && value.version !== undefined && !allowed.includes(value.version)) {
    throw new ValidationError(what, [
      {
        path: 'version',
        message: `format version ${JSON.stringify(value.version)} is not supported; allowed: ${allowed.join(', ')}`,
      },
    ]);
  }
}
