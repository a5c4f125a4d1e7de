import type { DesignOutcome, ModelManifest, RunResult } from '@immunotwin/engine';
import { outcome, outcomeUnit } from '@immunotwin/engine';
import type { Table } from 'apache-arrow';
import { columnTable } from './columnTable.js';

/** The outcomes a sweep records when its design names none: the peak of every observable. */
export function defaultOutcomes(manifest: ModelManifest): DesignOutcome[] {
  return manifest.observables.map((o) => ({ observable: o.id, summary: 'peak' as const }));
}

/** The column name of an outcome: its label, else `<observable>.<summary>`. */
export const outcomeColumn = (o: DesignOutcome): string => o.label ?? `${o.observable}.${o.summary}`;

/** One finished run of a sweep: its index in the design, its parameter values and its replicates' results. */
export interface SweepRun {
  /** Index of the run in the design (0-based, over all shards). */
  readonly run: number;
  /** The design's parameter values for this run. */
  readonly parameters: Readonly<Record<string, number>>;
  /** One result per replicate. */
  readonly results: readonly RunResult[];
}

/**
 * A sweep's results as one table, a row per (run, replicate): `run`, `replicate`, the varied parameters, then
 * one column per outcome (the engine's `OUTCOMES`, computed from each run and then dropped). Rows are in run order,
 * so shards merged in run order give the same table as one machine. The metadata names the model, the design's
 * number of runs and each column's unit.
 */
export function sweepTable(
  runs: readonly SweepRun[],
  parameters: readonly { readonly id: string; readonly unit: string }[],
  outcomes: readonly DesignOutcome[],
  totalRuns: number,
): Table {
  const parameterIds = parameters.map((p) => p.id);
  const rows = runs.reduce((n, r) => n + r.results.length, 0);
  const runColumn = new Int32Array(rows);
  const replicateColumn = new Int32Array(rows);
  const parameterColumns = parameterIds.map(() => new Float64Array(rows));
  const outcomeColumns = outcomes.map(() => new Float64Array(rows));
  const units: Record<string, string> = { run: '1', replicate: '1' };
  for (const { id, unit } of parameters) units[id] = unit;
  let row = 0;
  for (const { run, parameters, results } of runs) {
    for (const result of results) {
      runColumn[row] = run;
      replicateColumn[row] = result.metadata.replicate;
      parameterIds.forEach((id, j) => (parameterColumns[j]![row] = parameters[id]!));
      outcomes.forEach((o, j) => {
        outcomeColumns[j]![row] = outcome(o.summary, result, o.observable, o);
        units[outcomeColumn(o)] ??= outcomeUnit(o.summary, result, o.observable, o);
      });
      row++;
    }
  }
  const model = runs[0]?.results[0]?.metadata;
  return columnTable(
    [
      { name: 'run', kind: 'int32', values: runColumn },
      { name: 'replicate', kind: 'int32', values: replicateColumn },
      ...parameterIds.map((id, j) => ({ name: id, kind: 'float64' as const, values: parameterColumns[j]! })),
      ...outcomes.map((o, j) => ({ name: outcomeColumn(o), kind: 'float64' as const, values: outcomeColumns[j]! })),
    ],
    new Map([
      ['immunotwin.model', model?.model.id ?? ''],
      ['immunotwin.engineVersion', model?.engineVersion ?? ''],
      ['immunotwin.runs', String(totalRuns)],
      ['immunotwin.units', JSON.stringify(units)],
    ]),
  );
}
