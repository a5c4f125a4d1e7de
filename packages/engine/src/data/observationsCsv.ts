import type { ObservedDataset } from '../schema/index.js';
import { describeValue, ValidationError, type ValidationIssue } from '../validation/index.js';
import { csvRecords } from './csvRecords.js';
import { TIME_UNIT_NAMES, timeUnitSeconds } from './timeUnits.js';

/** Options of `parseObservationsCsv`. */
export interface ObservationsCsvOptions {
  /** The start of every dataset's name (default "observations"); the group and observable follow. */
  readonly name?: string;
  /** Where the data come from, for the datasets' `source` (default: the file name, or "CSV data"). */
  readonly source?: string;
  /** The file's name, for error messages (default "input"). */
  readonly fileName?: string;
  /** The unit of a plain `time` column (one written `time_h`, `time_day`, … says its own). */
  readonly timeUnit?: string;
}

/** The columns an observations CSV may have; `time`, `observable` and `value` are required. */
export const OBSERVATION_CSV_COLUMNS: readonly string[] = [
  'time (or time_<unit>, e.g. time_h)',
  'observable',
  'value',
  'unit',
  'detection_limit',
  'sd',
  'group',
];

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** Header spellings of the optional columns → column. */
const ALIASES: Readonly<Record<string, string>> = {
  observable: 'observable',
  value: 'value',
  unit: 'unit',
  units: 'unit',
  detection_limit: 'detection_limit',
  detectionlimit: 'detection_limit',
  lod: 'detection_limit',
  sd: 'sd',
  group: 'group',
  arm: 'group',
};

interface DatasetRows {
  group: string | undefined;
  observable: string;
  unit: string;
  unitLine: number;
  time: number[];
  values: number[];
  limits: (number | null)[];
  sd: number[];
}

/** The columns of the header row, by their meaning, and the time unit a `time_<unit>` header names. */
function readHeader(cells: readonly string[], options: ObservationsCsvOptions, issues: ValidationIssue[]) {
  const columns = new Map<string, number>();
  let timeUnit = options.timeUnit;
  cells.forEach((raw, index) => {
    const header = raw.trim();
    const key = header.toLowerCase();
    let column = Object.hasOwn(ALIASES, key) ? ALIASES[key] : undefined;
    const timeMatch = /^time(?:_(.+)|\s*\((.+)\))?$/i.exec(header);
    if (timeMatch) {
      column = 'time';
      const unit = timeMatch[1] ?? timeMatch[2];
      if (unit !== undefined) {
        if (timeUnitSeconds(unit) === undefined) {
          issues.push({
            path: `line 1, column ${index + 1}`,
            message: `header ${describeValue(header)} names an unknown time unit; allowed: ${TIME_UNIT_NAMES.join(', ')}`,
          });
        }
        timeUnit = unit;
      }
    }
    if (column === undefined) {
      issues.push({
        path: `line 1, column ${index + 1}`,
        message: `unknown column ${describeValue(header)}; allowed: ${OBSERVATION_CSV_COLUMNS.join(', ')}`,
      });
    } else if (columns.has(column)) {
      issues.push({ path: `line 1, column ${index + 1}`, message: `column "${column}" appears twice` });
    } else columns.set(column, index);
  });
  for (const required of ['time', 'observable', 'value']) {
    if (!columns.has(required)) issues.push({ path: 'line 1', message: `the header has no "${required}" column` });
  }
  if (options.timeUnit !== undefined && timeUnitSeconds(options.timeUnit) === undefined) {
    issues.push({
      path: 'timeUnit',
      message: `unknown time unit ${describeValue(options.timeUnit)}; allowed: ${TIME_UNIT_NAMES.join(', ')}`,
    });
  }
  return { columns, timeUnit };
}

/** A cell as a finite number, or an issue naming line, column, value and what is allowed. */
function numberCell(
  text: string,
  where: string,
  allowed: string,
  issues: ValidationIssue[],
  test: (v: number) => boolean = () => true,
): number | undefined {
  const trimmed = text.trim();
  const value = trimmed === '' ? NaN : Number(trimmed);
  if (!Number.isFinite(value) || !test(value)) {
    issues.push({ path: where, message: `${describeValue(trimmed)} is not allowed; allowed: ${allowed}` });
    return undefined;
  }
  return value;
}

/**
 * Reads observations from CSV text: a header row, then one row per measurement with the columns `time` (its unit
 * in the header as `time_h`, `time_day`, … or given as `timeUnit`), `observable` (an identifier), `value`, and
 * optionally `unit`, `detection_limit` (empty: none; a value at or below it is censored), `sd` and `group` (an arm
 * or subject; `arm` is accepted too). Returns one dataset per group and observable, in order of first appearance,
 * rows in file order. Every problem is reported in one ValidationError whose issues name the line, the column, the
 * value and what is allowed.
 */
export function parseObservationsCsv(text: string, options: ObservationsCsvOptions = {}): ObservedDataset[] {
  const what = `observations CSV (${options.fileName ?? 'input'})`;
  const records = csvRecords(text, what);
  const issues: ValidationIssue[] = [];
  if (records.length === 0) throw new ValidationError(what, [{ path: 'line 1', message: 'the file is empty' }]);
  const { columns, timeUnit } = readHeader(records[0].cells, options, issues);
  if (issues.length > 0) throw new ValidationError(what, issues);
  if (records.length === 1) throw new ValidationError(what, [{ path: 'line 2', message: 'the file has no data rows' }]);
  const at = (name: string): number | undefined => columns.get(name);
  const datasets = new Map<string, DatasetRows>();
  for (const { cells, line } of records.slice(1)) {
    if (cells.length !== records[0].cells.length) {
      issues.push({
        path: `line ${line}`,
        message: `has ${cells.length} cells but the header has ${records[0].cells.length} columns`,
      });
      continue;
    }
    const cell = (name: string): string | undefined => {
      const index = at(name);
      return index === undefined ? undefined : cells[index];
    };
    const where = (name: string): string => `line ${line}, column "${name}"`;
    const time = numberCell(cell('time') as string, where('time'), 'a finite number', issues);
    const value = numberCell(cell('value') as string, where('value'), 'a finite number', issues);
    const observable = (cell('observable') as string).trim();
    if (!IDENTIFIER.test(observable)) {
      issues.push({
        path: where('observable'),
        message: `${describeValue(observable)} is not allowed; allowed: letters, digits and underscores, not starting with a digit`,
      });
    }
    const limitText = cell('detection_limit')?.trim() ?? '';
    const limit =
      limitText === '' ? null : numberCell(limitText, where('detection_limit'), 'a finite number or empty', issues);
    const sdText = cell('sd')?.trim();
    const sd =
      sdText === undefined ? undefined : numberCell(sdText, where('sd'), 'a finite number ≥ 0', issues, (v) => v >= 0);
    const group = cell('group')?.trim() || undefined;
    const unit = cell('unit')?.trim() ?? '';
    if (time === undefined || value === undefined || limit === undefined || (sdText !== undefined && sd === undefined))
      continue;
    const key = JSON.stringify([group ?? null, observable]);
    let rows = datasets.get(key);
    if (!rows) {
      rows = { group, observable, unit, unitLine: line, time: [], values: [], limits: [], sd: [] };
      datasets.set(key, rows);
    } else if (rows.unit !== unit) {
      issues.push({
        path: where('unit'),
        message: `${describeValue(unit)} differs from the unit of "${observable}"${group ? ` in group "${group}"` : ''} on line ${rows.unitLine} (${describeValue(rows.unit)}); allowed: one unit per observable and group`,
      });
      continue;
    }
    rows.time.push(time);
    rows.values.push(value);
    rows.limits.push(limit);
    if (sd !== undefined) rows.sd.push(sd);
  }
  if (issues.length > 0) throw new ValidationError(what, issues);
  const prefix = options.name ?? 'observations';
  const source = options.source ?? options.fileName ?? 'CSV data';
  return [...datasets.values()].map((rows) => {
    const dataset: ObservedDataset = {
      name: [prefix, rows.group, rows.observable].filter((s) => s !== undefined).join(' '),
      source,
      observable: rows.observable,
      unit: rows.unit,
      time: rows.time,
      values: rows.values,
    };
    if (rows.sd.length > 0) dataset.sd = rows.sd;
    Object.assign(dataset, detectionLimitFields(rows.limits));
    if (timeUnit !== undefined) dataset.timeUnit = timeUnit;
    if (rows.group !== undefined) dataset.group = rows.group;
    return dataset;
  });
}

/** One `detectionLimit` when every point has the same limit, per-point `detectionLimits` when they differ. */
export function detectionLimitFields(
  limits: readonly (number | null)[],
): Pick<ObservedDataset, 'detectionLimit' | 'detectionLimits'> {
  if (limits.every((l) => l === null)) return {};
  if (limits.every((l) => l === limits[0])) return { detectionLimit: limits[0] as number };
  return { detectionLimits: [...limits] };
}
