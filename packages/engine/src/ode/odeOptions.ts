import type { OdeJacobian, OdeOptions } from './types.js';

/** Default relative tolerance. */
export const DEFAULT_RTOL = 1e-6;
/** Default absolute tolerance. */
export const DEFAULT_ATOL = 1e-9;
/** Default maximum number of steps per `advanceTo` call. */
export const DEFAULT_MAX_STEPS = 1_000_000;
/** Smallest accepted relative tolerance: below it double precision cannot deliver the requested accuracy. */
export const MIN_RTOL = 1e-14;

/** `OdeOptions` after validation, with defaults applied and `atol` expanded to one value per component. */
export interface ResolvedOdeOptions {
  readonly rtol: number;
  readonly atol: Float64Array;
  readonly initialStep: number | undefined;
  readonly maxStep: number;
  readonly maxSteps: number;
  readonly nonNegative: boolean;
  readonly jacobian: OdeJacobian | undefined;
}

const describe = (value: unknown): string =>
  typeof value === 'number' ? String(value) : `${typeof value} ${String(value)}`;

function requirePositive(name: string, value: unknown, allowInfinity: boolean, example: string): number {
  const ok = typeof value === 'number' && value > 0 && (allowInfinity ? !Number.isNaN(value) : Number.isFinite(value));
  if (!ok) {
    const range = allowInfinity ? 'a number > 0 (Infinity allowed)' : 'a finite number > 0';
    throw new RangeError(`Invalid ODE option ${name} = ${describe(value)}: must be ${range}, e.g. ${example}.`);
  }
  return value as number;
}

function resolveAtol(atol: number | Float64Array | undefined, dimension: number): Float64Array {
  if (atol === undefined || typeof atol === 'number') {
    const value = requirePositive('atol', atol ?? DEFAULT_ATOL, false, '1e-9');
    return new Float64Array(dimension).fill(value);
  }
  if (!(atol instanceof Float64Array) || atol.length !== dimension) {
    const got = atol instanceof Float64Array ? `length ${atol.length}` : describe(atol);
    throw new RangeError(
      `Invalid ODE option atol (${got}): pass one number or a Float64Array with one value per component (${dimension}).`,
    );
  }
  for (let i = 0; i < dimension; i++) requirePositive(`atol[${i}]`, atol[i], false, '1e-9');
  return Float64Array.from(atol);
}

/** Validates `options` for a system with `dimension` components and fills in the defaults. */
export function resolveOdeOptions(options: OdeOptions, dimension: number): ResolvedOdeOptions {
  const rtol = requirePositive('rtol', options.rtol ?? DEFAULT_RTOL, false, '1e-6');
  if (rtol < MIN_RTOL) {
    throw new RangeError(`Invalid ODE option rtol = ${rtol}: must be ≥ ${MIN_RTOL} (double precision limit).`);
  }
  const maxSteps = options.maxSteps ?? DEFAULT_MAX_STEPS;
  if (!Number.isInteger(maxSteps) || maxSteps < 1) {
    throw new RangeError(`Invalid ODE option maxSteps = ${describe(maxSteps)}: must be an integer ≥ 1, e.g. 100000.`);
  }
  const jacobian = options.jacobian;
  if (jacobian !== undefined && typeof jacobian !== 'function') {
    throw new TypeError(`Invalid ODE option jacobian (${typeof jacobian}): must be a function (t, y, jac) => void.`);
  }
  return {
    rtol,
    atol: resolveAtol(options.atol, dimension),
    initialStep:
      options.initialStep === undefined
        ? undefined
        : requirePositive('initialStep', options.initialStep, false, '1e-3'),
    maxStep: requirePositive('maxStep', options.maxStep ?? Infinity, true, '0.5'),
    maxSteps,
    nonNegative: options.nonNegative === true,
    jacobian,
  };
}

/**
 * Checks that `t` is finite and that `y` is a non-empty Float64Array of finite numbers (of length
 * `expectedLength` when given). `timeField`/`stateField` name the arguments in error messages.
 */
export function validateState(
  timeField: string,
  stateField: string,
  t: number,
  y: Float64Array,
  expectedLength?: number,
): void {
  if (typeof t !== 'number' || !Number.isFinite(t)) {
    throw new RangeError(`Invalid ${timeField} = ${describe(t)}: must be a finite number.`);
  }
  if (!(y instanceof Float64Array) || y.length === 0) {
    throw new TypeError(`Invalid ${stateField}: must be a non-empty Float64Array.`);
  }
  if (expectedLength !== undefined && y.length !== expectedLength) {
    throw new RangeError(`Invalid ${stateField}: has ${y.length} components, the system has ${expectedLength}.`);
  }
  for (let i = 0; i < y.length; i++) {
    if (!Number.isFinite(y[i])) {
      throw new RangeError(`Invalid ${stateField}[${i}] = ${y[i]}: every component must be a finite number.`);
    }
  }
}
