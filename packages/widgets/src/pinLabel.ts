import type { ModelManifest, Scenario } from '@immunotwin/engine';
import { formatNumber } from './numberRange.js';

/**
 * A short legend label for a pinned run: the parameters that differ from the model's defaults and the
 * interventions, e.g. "c = 3, entryInhibitor 1–5", or "defaults"; made unique among `taken` with " (2)", ….
 */
export function pinLabel(explicit: Scenario, manifest: ModelManifest, taken: readonly string[]): string {
  const parts = manifest.parameters
    .filter((p) => explicit.parameters?.[p.id] !== undefined && explicit.parameters[p.id] !== p.default)
    .map((p) => `${p.id} = ${formatNumber(explicit.parameters![p.id])}`);
  for (const item of explicit.interventions ?? []) {
    parts.push(
      `${item.kind} ${formatNumber(item.start)}${item.stop === undefined ? '' : `–${formatNumber(item.stop)}`}`,
    );
  }
  let base = parts.length > 0 ? parts.join(', ') : 'defaults';
  if (base.length > 60) base = `${base.slice(0, 57)}…`;
  let label = base;
  for (let n = 2; taken.includes(label); n++) label = `${base} (${n})`;
  return label;
}
