import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Scenario } from '@immunotwin/engine';
import { ScenarioChanges } from '../src/scenarioChanges.js';

// A student drags a slider: dozens of input events a second. The workbench must restart the run for the newest
// value only, never replay the stale ones, and a second control moved meanwhile must not undo the first.

/** A host with one serial queue, like the workbench's; `applied` records what reached the session. */
function host(delay: number) {
  const applied: Scenario[] = [];
  let queue: Promise<void> = Promise.resolve();
  let release: () => void = () => undefined;
  const gate = { closed: false };
  const changes = new ScenarioChanges({
    delay: () => delay,
    ready: () => true,
    enqueue: (task) => (queue = queue.then(task)),
    apply: async (scenario) => {
      // While the gate is closed the session is busy loading (the next change must wait and may be replaced).
      if (gate.closed) await new Promise<void>((resolve) => (release = resolve));
      applied.push(scenario);
    },
  });
  return { changes, applied, idle: () => queue, gate, open: () => ((gate.closed = false), release()) };
}

const at = (c: number): Scenario => ({ model: 'target-cell-limited', parameters: { c } });

describe('scenario changes from the controls', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('debounced: quick changes make one application, of the newest, after the delay', async () => {
    const h = host(300);
    h.changes.change(at(1), true);
    await vi.advanceTimersByTimeAsync(200);
    h.changes.change(at(2), true);
    await vi.advanceTimersByTimeAsync(200);
    expect(h.applied).toEqual([]); // the second change restarted the wait
    expect(h.changes.waiting).toBe(true);
    await vi.advanceTimersByTimeAsync(100);
    await h.idle();
    expect(h.applied).toEqual([at(2)]);
    expect(h.changes.waiting).toBe(false);
  });

  it('while one application is busy, the changes behind it collapse to the newest', async () => {
    const h = host(0);
    h.gate.closed = true;
    h.changes.change(at(1), true); // applying, held at the gate
    await vi.advanceTimersByTimeAsync(0);
    for (let c = 2; c <= 6; c++) h.changes.change(at(c), true);
    h.open();
    await h.idle();
    expect(h.applied).toEqual([at(1), at(6)]);
  });

  it('builds each change on the latest asked for, and forgets it once applied or cleared', async () => {
    const h = host(300);
    const accepted = at(1);
    expect(h.changes.base(accepted)).toBe(accepted);
    h.changes.change(at(2), true);
    expect(h.changes.base(accepted)).toEqual(at(2));
    h.changes.clear(); // a new saved state arrived: the waiting change is dropped
    await vi.advanceTimersByTimeAsync(1000);
    await h.idle();
    expect(h.applied).toEqual([]);
    expect(h.changes.base(accepted)).toBe(accepted);
    h.changes.change(at(3), false); // not debounced: at once
    await h.idle();
    expect(h.applied).toEqual([at(3)]);
    expect(h.changes.base(accepted)).toBe(accepted);
  });
});
