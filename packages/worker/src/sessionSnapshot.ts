import { describeValue, isPlainObject, ValidationError, type ValidationIssue } from '@immunotwin/engine';
import type { ISessionSnapshot } from './types.js';

/** The `format` tag of a session snapshot. */
export const SESSION_SNAPSHOT_FORMAT = 'immunotwin-session';
/** The snapshot format version this package writes and reads. */
export const SESSION_SNAPSHOT_VERSION = 1;

function checkColumns(value: unknown, path: string, issues: ValidationIssue[]): void {
  if (!isPlainObject(value)) {
    issues.push({ path, message: `must be an object of Float64Arrays; got ${describeValue(value)}` });
    return;
  }
  for (const [id, column] of Object.entries(value)) {
    if (!(column instanceof Float64Array)) {
      issues.push({ path: `${path}.${id}`, message: `must be a Float64Array; got ${describeValue(column)}` });
    }
  }
}

/**
 * Checks the outer shape of a session snapshot (what `TwinSession.snapshot()` returns) and returns it
 * typed; the scenario and the replicate state are checked when they are restored. Throws ValidationError
 * naming the field.
 */
export function checkSessionSnapshot(value: unknown): ISessionSnapshot {
  const issues: ValidationIssue[] = [];
  if (!isPlainObject(value)) {
    issues.push({ path: '', message: `must be an object made by snapshot(); got ${describeValue(value)}` });
  } else {
    if (value.format !== SESSION_SNAPSHOT_FORMAT) {
      issues.push({
        path: 'format',
        message: `must be ${JSON.stringify(SESSION_SNAPSHOT_FORMAT)}; got ${describeValue(value.format)}`,
      });
    }
    if (value.version !== SESSION_SNAPSHOT_VERSION) {
      issues.push({
        path: 'version',
        message: `must be ${SESSION_SNAPSHOT_VERSION} (the version this package reads); got ${describeValue(value.version)}`,
      });
    }
    if (!isPlainObject(value.scenario)) {
      issues.push({ path: 'scenario', message: `must be a scenario object; got ${describeValue(value.scenario)}` });
    }
    if (!Array.isArray(value.finished)) {
      issues.push({
        path: 'finished',
        message: `must be an array of run results; got ${describeValue(value.finished)}`,
      });
    } else {
      value.finished.forEach((run: unknown, i) => {
        const path = `finished[${i}]`;
        if (!isPlainObject(run)) issues.push({ path, message: `must be a run result; got ${describeValue(run)}` });
        else {
          if (!(run.time instanceof Float64Array)) {
            issues.push({ path: `${path}.time`, message: `must be a Float64Array; got ${describeValue(run.time)}` });
          }
          checkColumns(run.observables, `${path}.observables`, issues);
        }
      });
    }
    const { current } = value;
    if (current !== undefined) {
      if (!isPlainObject(current)) {
        issues.push({ path: 'current', message: `must be a replicate snapshot; got ${describeValue(current)}` });
      } else if (!Array.isArray(current.columns) || !current.columns.every((c) => c instanceof Float64Array)) {
        issues.push({ path: 'current.columns', message: 'must be an array of Float64Arrays' });
      } else if (Array.isArray(value.finished) && current.replicate !== value.finished.length) {
        issues.push({
          path: 'current.replicate',
          message: `must be ${value.finished.length} (the replicate after the finished ones); got ${describeValue(current.replicate)}`,
        });
      }
    }
  }
  if (issues.length > 0) throw new ValidationError('session snapshot', issues);
  return value as unknown as ISessionSnapshot;
}
