/** Largest value of an unsigned 32-bit integer, 2^32 − 1. */
export const UINT32_MAX = 4294967295;

/** Renders a rejected argument for an error message (strings quoted so `"3"` and `3` differ). */
export function describeValue(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

/** Throws a RangeError of the form `<name> must be <allowed>; got <value>`. */
export function rejectArgument(name: string, value: unknown, allowed: string): never {
  throw new RangeError(`${name} must be ${allowed}; got ${describeValue(value)}`);
}

/** Checks that `value` is an integer in [min, max]; otherwise throws a RangeError naming `name`. */
export function requireInteger(name: string, value: number, min: number, max: number): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    rejectArgument(name, value, `an integer in [${min}, ${max}]`);
  }
}

/** Checks that `value` is an unsigned 32-bit integer; otherwise throws a RangeError naming `name`. */
export function requireUint32(name: string, value: number): void {
  requireInteger(name, value, 0, UINT32_MAX);
}
