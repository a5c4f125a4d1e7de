import {
  chooseGroup,
  isBelowDetectionLimit,
  parseObservationsCsv,
  type ObservedDataset,
  type PatientState,
} from '@immunotwin/engine';
import { formatNumber } from '../numberRange.js';

/** One row of the widget's data table: a measurement as the file gave it. */
export interface IDataRow {
  /** The time, in the dataset's own unit. */
  readonly time: number;
  /** The dataset's time unit (the model's when it names none). */
  readonly timeUnit: string | undefined;
  /** The measured quantity. */
  readonly observable: string;
  /** The value, in `unit`. */
  readonly value: number;
  /** The value's unit. */
  readonly unit: string;
  /** The detection limit, if any. */
  readonly detectionLimit: number | undefined;
  /** At or below the detection limit (censored). */
  readonly censored: boolean;
}

/** The measurements of the state's data as table rows, by time (then in file order). */
export function dataRows(data: readonly ObservedDataset[]): IDataRow[] {
  const rows = data.flatMap((set) =>
    set.time.map((time, k) => {
      const limit = set.detectionLimits ? set.detectionLimits[k] : set.detectionLimit;
      return {
        time,
        timeUnit: set.timeUnit,
        observable: set.observable,
        value: set.values[k]!,
        unit: set.unit,
        detectionLimit: limit ?? undefined,
        censored: isBelowDetectionLimit(set, k),
      };
    }),
  );
  return rows.sort((a, b) => a.time - b.time);
}

/** An observations file the widget read: its datasets of every group, kept to switch between its groups. */
export interface ILoadedFile {
  /** The file's name, for notes and messages. */
  readonly fileName: string;
  /** Every dataset the file holds, of every group. */
  readonly datasets: readonly ObservedDataset[];
  /** The file's groups (arms, subjects), in order of first appearance; empty when it names none. */
  readonly groups: readonly string[];
}

/**
 * What reading a dropped or chosen CSV (or choosing another of its groups) gave: the new state, a note and the file,
 * or why it cannot be used.
 */
export type CsvLoad =
  { readonly state: PatientState; readonly note: string; readonly file: ILoadedFile } | { readonly error: string };

/**
 * The state with its data replaced by an observations CSV (the engine's `parseObservationsCsv`): one group of it —
 * the group of the data shown when the file has it, else the file's first ({@link stateWithGroup} for another).
 * A file that does not parse gives the parser's message (line, column, value and what is allowed).
 */
export function stateWithCsv(state: PatientState, text: string, fileName: string): CsvLoad {
  let datasets: ObservedDataset[];
  try {
    datasets = parseObservationsCsv(text, { fileName });
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
  const groups = [...new Set(datasets.map((d) => d.group).filter((g): g is string => g !== undefined))];
  const current = state.data[0]?.group;
  const group = current !== undefined && groups.includes(current) ? current : groups[0];
  return stateWithGroup(state, { fileName, datasets, groups }, group);
}

/**
 * The state with its data replaced by one group of a file read before: every measured quantity one the observation
 * model knows. The day goes back to 0 and the fit's estimates stay in the scenario (`fitted` is cleared).
 */
export function stateWithGroup(state: PatientState, file: ILoadedFile, group: string | undefined): CsvLoad {
  const { fileName, groups } = file;
  const choice = chooseGroup(file.datasets, group);
  if (!('datasets' in choice)) {
    return {
      error:
        choice.problem === 'unknown'
          ? `${fileName}: group "${group}" is not in the file; allowed: ${groups.join(', ')}`
          : `${fileName}: holds no observations`,
    };
  }
  const known = new Set(state.fit.observation.observations.map((o) => o.observable));
  const unknown = [...new Set(choice.datasets.map((d) => d.observable))].filter((id) => !known.has(id));
  if (unknown.length > 0) {
    return {
      error: `${fileName}: observable ${unknown.map((id) => `"${id}"`).join(', ')} is not one the observation model measures; allowed: ${[...known].join(', ')}`,
    };
  }
  const count = choice.datasets.reduce((n, d) => n + d.time.length, 0);
  const note =
    `${fileName}: ${count} measurements` +
    (group !== undefined
      ? ` of group "${group}"${groups.length > 1 ? ` (of ${groups.length}: ${groups.join(', ')})` : ''}`
      : '');
  const { fitted: _fitted, ...rest } = state;
  return { state: { ...rest, data: choice.datasets, assimilate: { ...state.assimilate, day: 0 } }, note, file };
}

/** A number to three significant digits, as the patient widget writes estimates and days ("0.0384", "1.5"). */
export function short(value: number): string {
  return formatNumber(Number(value.toPrecision(3)));
}
