import { describeValue, type ValidationIssue } from '../validation/validationError.js';

/** Time units data may be given in, by every spelling accepted, with their length in seconds. */
const TIME_UNIT_SECONDS: Readonly<Record<string, number>> = {
  s: 1,
  sec: 1,
  second: 1,
  seconds: 1,
  min: 60,
  minute: 60,
  minutes: 60,
  h: 3600,
  hr: 3600,
  hour: 3600,
  hours: 3600,
  d: 86400,
  day: 86400,
  days: 86400,
  wk: 604800,
  week: 604800,
  weeks: 604800,
};

/** Every spelling of a time unit the data readers and fits accept. */
export const TIME_UNIT_NAMES: readonly string[] = Object.keys(TIME_UNIT_SECONDS);

/** The length of a time unit in seconds, or undefined for a unit not in the table (case-insensitive). */
export function timeUnitSeconds(unit: string): number | undefined {
  const key = unit.trim().toLowerCase();
  return Object.hasOwn(TIME_UNIT_SECONDS, key) ? TIME_UNIT_SECONDS[key] : undefined;
}

/**
 * The factor that turns a time in `from` into a time in `to` (e.g. hour → day: 1/24), or undefined when either unit
 * is unknown.
 */
export function timeConversionFactor(from: string, to: string): number | undefined {
  const a = timeUnitSeconds(from);
  const b = timeUnitSeconds(to);
  return a === undefined || b === undefined ? undefined : a / b;
}

/**
 * The problem with a dataset's `timeUnit`, if it is not a unit this table converts (at `path`, e.g.
 * `observed[0].timeUnit`), naming the units allowed; undefined when it is absent or known.
 */
export function timeUnitIssue(unit: string | undefined, path: string): ValidationIssue | undefined {
  if (unit === undefined || timeUnitSeconds(unit) !== undefined) return undefined;
  return { path, message: `${describeValue(unit)} is not a time unit; allowed: ${TIME_UNIT_NAMES.join(', ')}` };
}
