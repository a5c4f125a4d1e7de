import type { ModelManifest } from '../schema/index.js';
import type { RunResult, ScenarioResult } from '../run/index.js';

/** The header line of the long-format CSV (with a `replicate` column first when there are several runs). */
export function csvHeader(manifest: ModelManifest, withReplicate: boolean): string {
  return `${[...(withReplicate ? ['replicate'] : []), 'time', ...manifest.observables.map((o) => o.id)].join(',')}\n`;
}

/** One run's rows of the long-format CSV, each ending in a newline (see {@link resultsToCsv}). */
export function runCsvRows(manifest: ModelManifest, run: RunResult, withReplicate: boolean): string {
  const columns = manifest.observables.map((o) => run.observables[o.id]);
  const lines: string[] = [];
  for (let k = 0; k < run.time.length; k++) {
    const cells = withReplicate ? [String(run.metadata.replicate), String(run.time[k])] : [String(run.time[k])];
    for (const column of columns) cells.push(String(column[k]));
    lines.push(cells.join(','));
  }
  return lines.length ? `${lines.join('\n')}\n` : '';
}

/**
 * Long-format CSV of every run: `replicate,time,<observable ids…>` (the replicate column only when
 * there is more than one run). Numbers are written in shortest round-trip form, so parsing the CSV gives
 * back exactly the simulated values. A writer that streams runs as they finish uses {@link csvHeader} and
 * {@link runCsvRows}, which make the same text.
 */
export function resultsToCsv(result: ScenarioResult): string {
  const { manifest } = result.scenario.plugin;
  const withReplicate = result.runs.length > 1;
  return (
    csvHeader(manifest, withReplicate) + result.runs.map((run) => runCsvRows(manifest, run, withReplicate)).join('')
  );
}
