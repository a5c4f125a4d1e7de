import type { InterventionInstance, InterventionSpec } from '@immunotwin/engine';
import type { INumberRange } from './numberRange.js';

/**
 * A scheduled intervention with its field values: the scenario schema's `InterventionInstance` (kind,
 * start, stop) with the fields (dose, efficacy, …) typed as the extra properties they are.
 */
export type TimelineIntervention = InterventionInstance & { [field: string]: number | string | undefined };

/** A new intervention of a kind: its field defaults, starting at a tenth of the run, lasting 40 % of it. */
export function newIntervention(spec: InterventionSpec, duration: number): TimelineIntervention {
  const start = roundTime(duration * 0.1);
  const item: TimelineIntervention = { kind: spec.kind, start };
  if (spec.hasStop) item.stop = roundTime(Math.min(duration, start + duration * 0.4));
  for (const field of spec.fields) item[field.id] = field.default;
  return item;
}

/** Rounds a time to 6 significant digits, so dragged times read well. */
export function roundTime(time: number): number {
  return Number(time.toPrecision(6));
}

/**
 * Moves an intervention by `delta` time units, keeping its length and keeping it inside [0, duration]
 * (a bar cannot be dragged off the axis).
 */
export function moveIntervention(item: TimelineIntervention, delta: number, duration: number): TimelineIntervention {
  const length = item.stop === undefined ? 0 : item.stop - item.start;
  const start = roundTime(Math.min(duration - length, Math.max(0, item.start + delta)));
  const moved: TimelineIntervention = { ...item, start };
  if (item.stop !== undefined) moved.stop = roundTime(start + length);
  return moved;
}

/** The allowed range of an intervention's start, stop or field, for checking typed text. */
export function fieldRange(
  spec: InterventionSpec,
  item: TimelineIntervention,
  field: string,
  duration: number,
  timeUnit: string,
): INumberRange {
  if (field === 'start') return { min: 0, max: item.stop ?? duration, unit: timeUnit };
  if (field === 'stop') return { min: item.start, max: duration, unit: timeUnit };
  const f = spec.fields.find((candidate) => candidate.id === field);
  if (!f) throw new RangeError(`"${spec.kind}" has no field ${JSON.stringify(field)}`);
  return { min: f.min, max: f.max, unit: f.unit, integer: f.integer };
}
