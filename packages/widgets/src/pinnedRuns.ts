import {
  DEFAULT_MAX_MEMORY,
  estimateResultMemory,
  formatBytes,
  resolveScenario,
  type ModelManifest,
  type PinnedScenario,
} from '@immunotwin/engine';
import { isAbort, type RunController } from './runController.js';
import { seriesFromRuns } from './runBuffer.js';
import type { IPinnedRun } from './traces.js';
import { runDetail, type IWorkProgress } from './workProgress.js';

/** What {@link computePinnedRuns} reports to the workbench loading a state. */
export interface IPinnedRunsListener {
  /** The pinned run under way and its progress (undefined once all are done). */
  work(work: IWorkProgress | undefined): void;
  /** Whether the user stopped the loading: the pins left are then not computed. */
  stopped(): boolean;
  /** Stops the loading (the Stop button beside the progress). */
  stop(): void;
  /** A pin the model refuses: it is left out of the plot (and kept in the state); the rest still load. */
  error(error: Error): void;
}

/** The pinned runs computed, and the labels of those not computed because the user stopped. */
export interface IPinnedRunsResult {
  /** The pins computed, in order. */
  pinned: IPinnedRun[];
  /** Labels of the pins skipped after a stop. */
  skipped: string[];
}

/** The memory a pin's results take, from its scenario alone (0 when the page cannot resolve it: the worker checks). */
function pinMemory(manifest: ModelManifest, pin: PinnedScenario): number {
  try {
    return estimateResultMemory(resolveScenario({ manifest }, pin.scenario)).bytes;
  } catch {
    return 0; // e.g. a coupled scenario, whose partners only the worker knows; the worker refuses what is wrong
  }
}

/**
 * Recomputes a saved state's pinned runs one after the other in the controller's session, each with its own
 * progress ("Pinned run 3 of 20", with the replicate and the model time in the manifest's time unit) and a Stop
 * that cancels the one under way and skips the rest. The page keeps every pin's results, so the pins share one
 * memory budget (`maxMemory`, default the engine's 1 GiB, as for one run): a pin that would take the kept results
 * past it is refused before it runs, naming the budget, and left out of the plot (it stays in the state).
 */
export async function computePinnedRuns(
  controller: RunController,
  pins: readonly PinnedScenario[],
  manifest: ModelManifest,
  listener: IPinnedRunsListener,
  maxMemory = DEFAULT_MAX_MEMORY,
): Promise<IPinnedRunsResult> {
  const pinned: IPinnedRun[] = [];
  const skipped: string[] = [];
  const stop = (): void => listener.stop();
  const { timeUnit } = manifest;
  let kept = 0;
  for (const [i, pin] of pins.entries()) {
    if (listener.stopped()) {
      skipped.push(pin.label);
      continue;
    }
    const bytes = pinMemory(manifest, pin);
    if (kept + bytes > maxMemory) {
      listener.error(
        new Error(
          `pinned run "${pin.label}" was not computed: with the ${pinned.length} pinned runs before it, the results ` +
            `would take ${formatBytes(kept + bytes)} in memory, above the limit of ${formatBytes(maxMemory)} for ` +
            'all pinned runs together; unpin some, or lower their replicates or duration',
        ),
      );
      continue;
    }
    const label = `Pinned run ${i + 1} of ${pins.length}`;
    listener.work({ label, fraction: 0, detail: pin.label, stop });
    try {
      const result = await controller.compute(pin.scenario, (progress) => {
        listener.work({
          label,
          fraction: progress.fraction,
          detail: `${pin.label} · ${runDetail(progress, timeUnit)}`,
          stop,
        });
      });
      pinned.push({ label: pin.label, series: seriesFromRuns(result.runs), summary: result.summary });
      kept += bytes;
    } catch (error) {
      if (isAbort(error)) skipped.push(pin.label);
      else listener.error(new Error(`pinned run "${pin.label}": ${(error as Error).message ?? String(error)}`));
    }
  }
  listener.work(undefined);
  return { pinned, skipped };
}
