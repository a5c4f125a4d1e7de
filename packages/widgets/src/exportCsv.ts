import { resultsToCsv, type ModelManifest, type ResolvedScenario } from '@immunotwin/engine';
import type { ISessionResult } from '@immunotwin/worker';

/**
 * A finished session result as CSV, written by the engine's own writer (`resultsToCsv`: long format,
 * `replicate,time,<observables…>`, numbers in shortest round-trip form), so a file exported from a widget
 * is the same as one from the command line.
 */
export function resultToCsv(result: ISessionResult, manifest: ModelManifest): string {
  // The writer reads only the manifest's observables from the resolved scenario.
  const scenario = { plugin: { manifest } } as unknown as ResolvedScenario;
  return resultsToCsv({ scenario, runs: result.runs, summary: result.summary });
}
