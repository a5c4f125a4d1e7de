import { Ajv, type ValidateFunction } from 'ajv';
import type { TSchema } from '@sinclair/typebox';
import { CheckedValidator } from './checkedValidator.js';

// verbose: errors carry their parent schema, whose description and properties make messages helpful.
// strictNumbers: NaN and ±Infinity are not numbers (they come from JS cells and APIs, and 1e400 in JSON is Infinity).
const ajv = new Ajv({ allErrors: true, strict: false, verbose: true, strictNumbers: true });

export { pointerToPath } from './describeSchemaErrors.js';

/**
 * A validator for one schema compiled at run time with ajv, throwing `ValidationError` with readable issues.
 * (The notebook output formats use validators compiled ahead of time instead, so a page that only shows
 * outputs loads no compiler: see `formats/validators/`.)
 */
export class SchemaValidator<T extends TSchema> extends CheckedValidator<T> {
  /**
   * @param schema the TypeBox/JSON schema
   * @param what the kind of document, used in messages (e.g. "scenario")
   */
  constructor(schema: T, what: string) {
    super(ajv.compile(schema) as ValidateFunction, what);
  }
}
