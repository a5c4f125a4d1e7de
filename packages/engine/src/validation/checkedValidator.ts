import type { ErrorObject } from 'ajv';
import type { Static, TSchema } from '@sinclair/typebox';
import { describeSchemaErrors } from './describeSchemaErrors.js';
import { ValidationError, type ValidationIssue } from './validationError.js';

/** An ajv validation function (compiled at run time, or ahead of time into plain code) for a schema. */
export interface SchemaCheck {
  /** Whether the value is valid; the errors of the last call are in `errors`. */
  (value: unknown): boolean;
  /** The errors of the last failed call. */
  errors?: ErrorObject[] | null;
}

/** Validates values of one schema with a check function and throws `ValidationError` with readable issues. */
export class CheckedValidator<T extends TSchema> {
  /**
   * @param check the validation function of the schema (compiled with `allErrors` and `verbose`)
   * @param what the kind of document, used in messages (e.g. "scenario")
   */
  constructor(
    private readonly check: SchemaCheck,
    private readonly what: string,
  ) {}

  /** Returns every issue with `value` (empty if it is valid). */
  issues(value: unknown): ValidationIssue[] {
    if (this.check(value)) return [];
    return describeSchemaErrors(this.check.errors ?? [], value);
  }

  /** Returns `value` typed if valid; throws `ValidationError` otherwise. */
  parse(value: unknown): Static<T> {
    const issues = this.issues(value);
    if (issues.length > 0) throw new ValidationError(this.what, issues);
    return value as Static<T>;
  }
}
