import type { ScenarioResult } from '@immunotwin/engine';

/** A number for a summary line: 4 significant digits. */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (value !== 0 && (Math.abs(value) >= 1e5 || Math.abs(value) < 1e-3)) return value.toExponential(3);
  return String(Number(value.toPrecision(4)));
}

/** The trajectory the summary describes: the only replicate, or the ensemble median. */
export function representative(result: ScenarioResult, id: string): Float64Array {
  return result.summary ? result.summary.observables[id].median : result.runs[0].observables[id];
}

/**
 * The text/plain summary of a result: model, method, replicates and samples, then the peak of each
 * observable and when it happens.
 */
export function describeResult(result: ScenarioResult, ids?: readonly string[]): string {
  const { scenario } = result;
  const manifest = scenario.plugin.manifest;
  const unit = manifest.timeUnit;
  const time = result.runs[0].time;
  const replicates = result.runs.length;
  const lines = [
    `${manifest.title} (${manifest.id}): ${scenario.method}, ${replicates} replicate${replicates === 1 ? '' : 's'}, ` +
      `${time.length} samples over ${formatNumber(scenario.duration)} ${unit}s${result.summary ? ' (peaks of the median)' : ''}`,
  ];
  for (const spec of manifest.observables) {
    if (ids && !ids.includes(spec.id)) continue;
    const values = representative(result, spec.id);
    let best = 0;
    for (let k = 1; k < values.length; k++) if (values[k] > values[best]) best = k;
    lines.push(
      `  ${spec.id}${spec.label ? ` (${spec.label})` : ''}: peak ${formatNumber(values[best])} ${spec.unit} at ${unit} ${formatNumber(time[best])}`,
    );
  }
  return lines.join('\n');
}
