import type { ObservedDataset } from '../schema/index.js';
import {
  describeValue,
  isPlainObject,
  parseJsonDocument,
  ValidationError,
  type ValidationIssue,
} from '../validation/index.js';
import { LOINC_CODES, LOINC_SYSTEM, type LoincMeaning } from './loincCodes.js';
import { detectionLimitFields } from './observationsCsv.js';
import { conversionProblem, convertQuantity } from './quantityUnits.js';
import { TIME_UNIT_NAMES, timeUnitSeconds } from './timeUnits.js';

/** Options of `parseFhirObservations`. */
export interface FhirObservationsOptions {
  /**
   * Time zero, a FHIR dateTime (e.g. the inoculation, "2024-01-10T08:00:00Z"); default: the earliest effective time
   * among the observations read.
   */
  readonly origin?: string;
  /** The unit of the datasets' times (default "day"). */
  readonly timeUnit?: string;
  /** LOINC codes to read besides (or instead of) `LOINC_CODES`: code → observable and unit. */
  readonly codes?: Readonly<Record<string, Pick<LoincMeaning, 'observable' | 'unit'>>>;
  /** The unit to convert an observable's values to, overriding its code's (e.g. `{ hiv1Rna: 'log10 copies/mL' }`). */
  readonly units?: Readonly<Record<string, string>>;
  /** The datasets' `source` (default: the file name, or "FHIR Observations"). */
  readonly source?: string;
  /** The file's name, for messages (default "input"). */
  readonly fileName?: string;
}

/** An Observation the reader left out, and why. */
export interface SkippedObservation {
  /** Where it is, e.g. `entry[3].resource`. */
  readonly path: string;
  /** Why it was left out. */
  readonly reason: string;
}

/** What `parseFhirObservations` read. */
export interface FhirObservations {
  /** One dataset per subject and observable, points in time order. */
  readonly datasets: ObservedDataset[];
  /** Observations left out (other codes, entered-in-error, no value with a data-absent reason). */
  readonly skipped: SkippedObservation[];
  /** Time zero used, as an ISO instant. */
  readonly origin: string;
}

interface Point {
  observable: string;
  unit: string;
  group: string | undefined;
  at: number;
  value: number;
  limit: number | null;
}

const FHIR_DATE_TIME =
  /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01])(T([01]\d|2[0-3]):[0-5]\d(:([0-5]\d|60)(\.\d+)?)?(Z|[+-]((0\d|1[0-3]):[0-5]\d|14:00)))?)?)?$/;
const UCUM_SYSTEM = 'http://unitsofmeasure.org';

/** Milliseconds since the epoch of a FHIR dateTime, or undefined when it is not one. */
function instant(value: unknown): number | undefined {
  if (typeof value !== 'string' || !FHIR_DATE_TIME.test(value)) return undefined;
  const ms = Date.parse(value.length === 4 ? `${value}-01-01` : value.length === 7 ? `${value}-01` : value);
  return Number.isFinite(ms) ? ms : undefined;
}

/** The Observations of a resource (one Observation, or a Bundle's), each with its JSON location. */
function observations(
  input: unknown,
  issues: ValidationIssue[],
): { path: string; resource: Record<string, unknown> }[] {
  if (!isPlainObject(input)) {
    issues.push({
      path: 'resourceType',
      message: `is missing: the input must be a FHIR Observation or Bundle (a JSON object); got ${describeValue(input)}`,
    });
    return [];
  }
  if (input.resourceType === 'Observation') return [{ path: '', resource: input }];
  if (input.resourceType !== 'Bundle') {
    issues.push({
      path: 'resourceType',
      message: `${describeValue(input.resourceType)} is not read here; allowed: "Observation", "Bundle"`,
    });
    return [];
  }
  const entries = input.entry ?? [];
  if (!Array.isArray(entries)) {
    issues.push({ path: 'entry', message: `must be an array of entries; got ${describeValue(entries)}` });
    return [];
  }
  return entries.flatMap((entry, i) => {
    const resource = isPlainObject(entry) ? entry.resource : undefined;
    return isPlainObject(resource) && resource.resourceType === 'Observation'
      ? [{ path: `entry[${i}].resource`, resource }]
      : [];
  });
}

/** The LOINC code of an Observation the reader knows, with its meaning, or undefined. */
function knownCode(
  resource: Record<string, unknown>,
  table: Readonly<Record<string, Pick<LoincMeaning, 'observable' | 'unit'>>>,
): { code: string; meaning: Pick<LoincMeaning, 'observable' | 'unit'> } | undefined {
  const codings = isPlainObject(resource.code) && Array.isArray(resource.code.coding) ? resource.code.coding : [];
  for (const coding of codings) {
    if (!isPlainObject(coding) || coding.system !== LOINC_SYSTEM || typeof coding.code !== 'string') continue;
    if (Object.hasOwn(table, coding.code)) return { code: coding.code, meaning: table[coding.code] };
  }
  return undefined;
}

/** The codes of an Observation, for a skipped entry's reason. */
function codesOf(resource: Record<string, unknown>): string {
  const codings = isPlainObject(resource.code) && Array.isArray(resource.code.coding) ? resource.code.coding : [];
  const codes = codings.filter(isPlainObject).map((c) => `${String(c.system ?? '?')}|${String(c.code ?? '?')}`);
  return codes.length > 0 ? codes.join(', ') : 'none';
}

/** One measurement from an Observation with a known code, or undefined after recording why not. */
function readPoint(
  path: string,
  resource: Record<string, unknown>,
  meaning: Pick<LoincMeaning, 'observable' | 'unit'>,
  options: FhirObservationsOptions,
  issues: ValidationIssue[],
  skipped: SkippedObservation[],
): Point | undefined {
  const at = (field: string): string => (path ? `${path}.${field}` : field);
  const quantity = resource.valueQuantity;
  if (quantity === undefined) {
    if (resource.dataAbsentReason !== undefined) {
      skipped.push({ path, reason: 'no value (dataAbsentReason)' });
      return undefined;
    }
    issues.push({ path: at('valueQuantity'), message: `is required for ${meaning.observable} but missing` });
    return undefined;
  }
  if (!isPlainObject(quantity)) {
    issues.push({ path: at('valueQuantity'), message: `must be a Quantity object; got ${describeValue(quantity)}` });
    return undefined;
  }
  const value = quantity.value;
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    issues.push({ path: at('valueQuantity.value'), message: `must be a finite number; got ${describeValue(value)}` });
    return undefined;
  }
  const ucum = quantity.system === undefined || quantity.system === UCUM_SYSTEM ? quantity.code : undefined;
  const fromUnit = typeof ucum === 'string' ? ucum : quantity.unit;
  if (typeof fromUnit !== 'string') {
    issues.push({ path: at('valueQuantity.code'), message: 'is required (a UCUM unit code such as "{copies}/mL")' });
    return undefined;
  }
  const unitField = typeof ucum === 'string' ? 'valueQuantity.code' : 'valueQuantity.unit';
  const toUnit = options.units?.[meaning.observable] ?? meaning.unit;
  const problem = conversionProblem(value, fromUnit, toUnit);
  if (problem) {
    issues.push({ path: at(unitField), message: problem });
    return undefined;
  }
  const comparator = quantity.comparator;
  if (comparator !== undefined && comparator !== '<' && comparator !== '<=') {
    issues.push({
      path: at('valueQuantity.comparator'),
      message: `${describeValue(comparator)} is not supported; allowed: "<" or "<=" (below a detection limit) or none`,
    });
    return undefined;
  }
  const effective =
    resource.effectiveDateTime ??
    resource.effectiveInstant ??
    (isPlainObject(resource.effectivePeriod) ? resource.effectivePeriod.start : undefined);
  const when = instant(effective);
  if (when === undefined) {
    issues.push({
      path: at('effectiveDateTime'),
      message: `must be a FHIR dateTime such as "2024-01-10T08:00:00Z" (or effectiveInstant, effectivePeriod.start); got ${describeValue(effective)}`,
    });
    return undefined;
  }
  const converted = convertQuantity(value, fromUnit, toUnit);
  const subject = isPlainObject(resource.subject) ? resource.subject.reference : undefined;
  return {
    observable: meaning.observable,
    unit: toUnit,
    group: typeof subject === 'string' ? subject : undefined,
    at: when,
    value: converted,
    limit: comparator === undefined ? null : converted,
  };
}

/**
 * Reads FHIR R4 Observations (one resource or a Bundle, as JSON text or parsed) with LOINC-coded viral loads and
 * cell counts (`LOINC_CODES`, plus `options.codes`) into datasets: one per subject (`group` = its reference) and
 * observable, values converted from the `valueQuantity`'s UCUM unit to the observable's unit, times from
 * `effectiveDateTime` relative to `options.origin` in `options.timeUnit`. A value with comparator "<" is below a
 * detection limit at that value (censored). Other codes, and entered-in-error or cancelled Observations, are
 * listed in `skipped`. Problems throw one ValidationError naming each JSON location, its value and what is allowed.
 * Reads only what it is given: no terminology server, no network.
 */
export function parseFhirObservations(input: unknown, options: FhirObservationsOptions = {}): FhirObservations {
  const what = `FHIR observations (${options.fileName ?? 'input'})`;
  const document = typeof input === 'string' ? parseJsonDocument(input, what, options.fileName) : input;
  const issues: ValidationIssue[] = [];
  const timeUnit = options.timeUnit ?? 'day';
  const seconds = timeUnitSeconds(timeUnit);
  if (seconds === undefined) {
    issues.push({
      path: 'timeUnit',
      message: `unknown time unit ${describeValue(timeUnit)}; allowed: ${TIME_UNIT_NAMES.join(', ')}`,
    });
  }
  const origin = options.origin === undefined ? undefined : instant(options.origin);
  if (options.origin !== undefined && origin === undefined) {
    issues.push({ path: 'origin', message: `must be a FHIR dateTime; got ${describeValue(options.origin)}` });
  }
  const table = { ...LOINC_CODES, ...options.codes };
  const skipped: SkippedObservation[] = [];
  const points: Point[] = [];
  for (const { path, resource } of observations(document, issues)) {
    if (resource.status === 'entered-in-error' || resource.status === 'cancelled') {
      skipped.push({ path, reason: `status "${resource.status}"` });
      continue;
    }
    const known = knownCode(resource, table);
    if (!known) {
      skipped.push({ path, reason: `no LOINC code the reader knows (codes: ${codesOf(resource)})` });
      continue;
    }
    const point = readPoint(path, resource, known.meaning, options, issues, skipped);
    if (point) points.push(point);
  }
  if (issues.length > 0) throw new ValidationError(what, issues);
  const zero = origin ?? Math.min(...points.map((p) => p.at));
  const byDataset = new Map<string, Point[]>();
  for (const p of points) {
    const key = JSON.stringify([p.group ?? null, p.observable]);
    byDataset.set(key, [...(byDataset.get(key) ?? []), p]);
  }
  const source = options.source ?? options.fileName ?? 'FHIR Observations';
  const datasets = [...byDataset.values()].map((group) => {
    const sorted = [...group].sort((a, b) => a.at - b.at);
    const first = sorted[0];
    const dataset: ObservedDataset = {
      name: [first.group, first.observable].filter((s) => s !== undefined).join(' '),
      source,
      observable: first.observable,
      unit: first.unit,
      time: sorted.map((p) => (p.at - zero) / 1000 / (seconds as number)),
      values: sorted.map((p) => p.value),
      timeUnit,
      ...detectionLimitFields(sorted.map((p) => p.limit)),
    };
    if (first.group !== undefined) dataset.group = first.group;
    return dataset;
  });
  return { datasets, skipped, origin: points.length > 0 || origin !== undefined ? new Date(zero).toISOString() : '' };
}
