/** One problem found in an input: where (a dotted path like `interventions[0].start`) and what is wrong. */
export interface ValidationIssue {
  /** Location in the input, e.g. `parameters.beta`; empty for the whole document. */
  path: string;
  /** What is wrong and what is allowed. */
  message: string;
}

/**
 * Thrown for bad input at any boundary (scenario, manifest, CLI, kernel API). Its message is the first
 * issue, written for the person who made the mistake: the field, the value, and what is allowed.
 */
export class ValidationError extends Error {
  /** Every issue found (the message shows the first). */
  readonly issues: readonly ValidationIssue[];
  /** What was being validated, e.g. "scenario" (the message starts "Invalid <what>: "). */
  readonly what: string;

  constructor(what: string, issues: readonly ValidationIssue[]) {
    const first = issues[0];
    const where = first && first.path ? `${first.path}: ` : '';
    const more = issues.length > 1 ? ` (and ${issues.length - 1} more problem${issues.length > 2 ? 's' : ''})` : '';
    super(`Invalid ${what}: ${where}${first ? first.message : 'unknown problem'}${more}`);
    this.name = 'ValidationError';
    this.what = what;
    this.issues = issues;
  }

  /** Plain data for crossing a worker or process boundary; `fromJSON` rebuilds the same error. */
  toJSON(): { name: 'ValidationError'; what: string; issues: ValidationIssue[]; message: string } {
    return {
      name: 'ValidationError',
      what: this.what,
      issues: this.issues.map((i) => ({ ...i })),
      message: this.message,
    };
  }

  /** Rebuilds an error from `toJSON` output (same message, `what` and issues). */
  static fromJSON(data: { what: string; issues: readonly ValidationIssue[] }): ValidationError {
    return new ValidationError(data.what, data.issues);
  }
}

/** Formats a value for an error message: short, and JSON-like so strings show their quotes. */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return String(value);
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'an array';
  return 'an object';
}
