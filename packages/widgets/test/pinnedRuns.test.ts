import { describe, expect, it } from 'vitest';
import { simulateSync, type PinnedScenario } from '@immunotwin/engine';
import { targetCellLimited, targetCellLimitedManifest as manifest } from '@immunotwin/model-within-host';
import { computePinnedRuns } from '../src/pinnedRuns.js';
import { RunController } from '../src/runController.js';
import { CountingSession } from './countingSession.js';

// A saved workbench's pinned runs are all kept in the page, so they share one memory budget (issue 17: a crafted
// notebook held 20 pinned copies of a heavy run; each alone fits 1 GiB, twenty do not).

/** A pin of the target-cell-limited twin: 6 days every 0.1 day = 61 samples × (5 observables + time) × 8 bytes. */
const pin = (c: number): PinnedScenario => ({
  label: `c = ${c}`,
  scenario: { model: 'target-cell-limited', duration: 6, outputInterval: 0.1, parameters: { c } },
});
const PIN_BYTES = 61 * 6 * 8; // 2928

describe('pinned runs of a saved workbench', () => {
  it('share one memory budget: a pin that would take the kept results past it is refused before it runs', async () => {
    const session = new CountingSession();
    const controller = new RunController(session, {
      begin() {},
      frame() {},
      progress() {},
      end() {},
      bandBegin() {},
      bandEnd() {},
      error() {},
      phase() {},
    });
    const errors: string[] = [];
    const pins = [pin(2), pin(5), pin(8)];
    // Room for two pins (5856 bytes) but not three (8784).
    const { pinned, skipped } = await computePinnedRuns(
      controller,
      pins,
      manifest,
      { work() {}, stopped: () => false, stop() {}, error: (e) => errors.push(e.message) },
      2 * PIN_BYTES + 100,
    );
    expect(pinned.map((p) => p.label)).toEqual(['c = 2', 'c = 5']);
    expect(skipped).toEqual([]);
    expect(session.runs).toBe(2); // the third never reached the worker
    expect(errors).toEqual([
      'pinned run "c = 8" was not computed: with the 2 pinned runs before it, the results would take 8.78 kB in ' +
        'memory, above the limit of 5.96 kB for all pinned runs together; unpin some, or lower their replicates or duration',
    ]);
    // The pins computed are the engine's runs.
    expect(pinned[1]!.series.replicates[0]!.observables.V).toEqual(
      Array.from(simulateSync(targetCellLimited, pins[1]!.scenario).runs[0]!.observables.V!),
    );
  });
});
