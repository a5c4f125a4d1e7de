import { describeValue } from '../validation/validationError.js';

/**
 * A rejected argument of a distribution or a design, e.g. `sd must be a finite number > 0; got -1`. It is a
 * RangeError that also carries the name of the field, so a design file's reader can report the full path of it.
 */
export class DesignArgumentError extends RangeError {
  /** The rejected field, e.g. "sd" or "truncate.lower". */
  readonly field: string;
  /** What the field may be (without the field's name and value). */
  readonly allowed: string;

  constructor(field: string, value: unknown, allowed: string) {
    super(`${field} must be ${allowed}; got ${describeValue(value)}`);
    this.name = 'DesignArgumentError';
    this.field = field;
    this.allowed = allowed;
  }
}

/** Throws a {@link DesignArgumentError} naming `field`, `value` and what is allowed. */
export function rejectField(field: string, value: unknown, allowed: string): never {
  throw new DesignArgumentError(field, value, allowed);
}

/** Checks that `value` is a finite number. */
export function requireFinite(field: string, value: number): void {
  if (typeof value !== 'number' || !Number.isFinite(value)) rejectField(field, value, 'a finite number');
}

/** Checks that `value` is a finite number > 0. */
export function requirePositive(field: string, value: number): void {
  if (typeof value !== 'number' || !(Number.isFinite(value) && value > 0)) {
    rejectField(field, value, 'a finite number > 0');
  }
}

/** Checks that `value` is an integer in [min, max]. */
export function requireIntegerIn(field: string, value: number, min: number, max: number): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    rejectField(field, value, `an integer in [${min}, ${max}]`);
  }
}

/** Checks that `u` is a probability in [0, 1] (the argument of a quantile function). */
export function requireProbability(u: number): void {
  if (typeof u !== 'number' || !(u >= 0 && u <= 1)) rejectField('u', u, 'a number in [0, 1]');
}

/** Checks that `value` is a seed: an integer in [0, 2^32 − 1]. */
export function requireUint32(field: string, value: number): void {
  requireIntegerIn(field, value, 0, 4294967295);
}
