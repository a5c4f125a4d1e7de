import { outcomeLabel, requestedOutcomeUnit, type OutcomeModel, type OutcomeRequest } from '@immunotwin/engine';
import type { Table } from 'apache-arrow';
import { columnTable } from './columnTable.js';

/** One finished run of a sweep: its index in the design, its parameter values and its replicates' outcomes. */
export interface SweepRun {
  /** Index of the run in the design (0-based, over all shards). */
  readonly run: number;
  /** The design's parameter values for this run. */
  readonly parameters: Readonly<Record<string, number>>;
  /** The replicates run, in order. */
  readonly replicates: readonly number[];
  /** Their outcomes: a row per replicate, a column per outcome (the engine's `outcomeValues`). */
  readonly outcomes: Float64Array;
}

/** What the table says about the study: the model, the engine that ran it and the design's number of runs. */
export interface SweepTableInfo {
  /** The model's id, time unit and observables (for the outcomes' units). */
  readonly model: OutcomeModel & { readonly id: string };
  /** The engine's version. */
  readonly engineVersion: string;
  /** Runs in the whole design (over all shards). */
  readonly totalRuns: number;
}

/**
 * A sweep's results as one table, a row per (run, replicate): `run`, `replicate`, the varied parameters, then
 * one column per outcome (named by the engine's `outcomeLabel`). Rows are in run order, so shards merged in run
 * order give the same table as one machine. The metadata names the model, the engine, the design's number of
 * runs and each column's unit.
 */
export function sweepTable(
  runs: readonly SweepRun[],
  parameters: readonly { readonly id: string; readonly unit: string }[],
  outcomes: readonly OutcomeRequest[],
  info: SweepTableInfo,
): Table {
  const parameterIds = parameters.map((p) => p.id);
  const rows = runs.reduce((n, r) => n + r.replicates.length, 0);
  const runColumn = new Int32Array(rows);
  const replicateColumn = new Int32Array(rows);
  const parameterColumns = parameterIds.map(() => new Float64Array(rows));
  const outcomeColumns = outcomes.map(() => new Float64Array(rows));
  const units: Record<string, string> = { run: '1', replicate: '1' };
  for (const { id, unit } of parameters) units[id] = unit;
  for (const o of outcomes) units[outcomeLabel(o)] ??= requestedOutcomeUnit(o, info.model);
  let row = 0;
  for (const { run, parameters, replicates, outcomes: values } of runs) {
    replicates.forEach((replicate, r) => {
      runColumn[row] = run;
      replicateColumn[row] = replicate;
      parameterIds.forEach((id, j) => (parameterColumns[j]![row] = parameters[id]!));
      outcomes.forEach((_, j) => (outcomeColumns[j]![row] = values[r * outcomes.length + j]!));
      row++;
    });
  }
  return columnTable(
    [
      { name: 'run', kind: 'int32', values: runColumn },
      { name: 'replicate', kind: 'int32', values: replicateColumn },
      ...parameterIds.map((id, j) => ({ name: id, kind: 'float64' as const, values: parameterColumns[j]! })),
      ...outcomes.map((o, j) => ({ name: outcomeLabel(o), kind: 'float64' as const, values: outcomeColumns[j]! })),
    ],
    new Map([
      ['immunotwin.model', info.model.id],
      ['immunotwin.engineVersion', info.engineVersion],
      ['immunotwin.runs', String(info.totalRuns)],
      ['immunotwin.units', JSON.stringify(units)],
    ]),
  );
}
