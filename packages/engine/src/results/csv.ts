import type { ScenarioResult } from '../run/index.js';

/**
 * Long-format CSV of every run: `replicate,time,<observable ids…>` (the replicate column only when
 * there is more than one run). Numbers are written in shortest round-trip form, so parsing the CSV gives
 * back exactly the simulated values.
 */
export function resultsToCsv(result: ScenarioResult): string {
  const ids = result.scenario.plugin.manifest.observables.map((o) => o.id);
  const withReplicate = result.runs.length > 1;
  const lines: string[] = [[...(withReplicate ? ['replicate'] : []), 'time', ...ids].join(',')];
  for (const run of result.runs) {
    const columns = ids.map((id) => run.observables[id]);
    for (let k = 0; k < run.time.length; k++) {
      const cells = withReplicate ? [String(run.metadata.replicate), String(run.time[k])] : [String(run.time[k])];
      for (const column of columns) cells.push(String(column[k]));
      lines.push(cells.join(','));
    }
  }
  return `${lines.join('\n')}\n`;
}
