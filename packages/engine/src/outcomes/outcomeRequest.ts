import type { RunResult } from '../run/replicateRun.js';
import { outcome, outcomeDefinition, type OutcomeName, type OutcomeOptions } from './registry.js';

/** One outcome asked of every run: a per-run summary of an observable (a design file's `outcomes` entry is one). */
export interface OutcomeRequest extends OutcomeOptions {
  /** The observable's id. */
  readonly observable: string;
  /** The summary, by its name in `OUTCOMES`. */
  readonly summary: OutcomeName;
  /** Its name in tables and figures (default `<observable>.<summary>`). */
  readonly label?: string;
}

/** What naming an outcome's unit needs of a model: its time unit and its observables' units. */
export interface OutcomeModel {
  /** The model's time unit. */
  readonly timeUnit: string;
  /** Its observables with their units. */
  readonly observables: readonly { readonly id: string; readonly unit: string }[];
}

/** The name of an outcome in tables and figures: its label, else `<observable>.<summary>` (e.g. `V.peak`). */
export function outcomeLabel(request: OutcomeRequest): string {
  return request.label ?? `${request.observable}.${request.summary}`;
}

/** The unit of an outcome of a model (e.g. `day` for a clearance time, `TCID50/mL·day` for an AUC). */
export function requestedOutcomeUnit(request: OutcomeRequest, model: OutcomeModel): string {
  const unit = model.observables.find((o) => o.id === request.observable)?.unit ?? '1';
  return outcomeDefinition(request.summary).unit(unit, model.timeUnit, request);
}

/** The outcomes a study records when it names none: the peak of every observable. */
export function peakOutcomes(model: OutcomeModel): OutcomeRequest[] {
  return model.observables.map((o) => ({ observable: o.id, summary: 'peak' as const }));
}

/**
 * The outcomes of runs: a row per run and a column per request, row-major (`values[run * requests.length + k]`).
 * This is what a sweep keeps of each run; the runs themselves can then be dropped.
 */
export function outcomeValues(runs: readonly RunResult[], requests: readonly OutcomeRequest[]): Float64Array {
  const values = new Float64Array(runs.length * requests.length);
  runs.forEach((run, r) =>
    requests.forEach((request, k) => {
      values[r * requests.length + k] = outcome(request.summary, run, request.observable, request);
    }),
  );
  return values;
}
