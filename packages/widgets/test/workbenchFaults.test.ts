// @vitest-environment happy-dom
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { simulateSync, type Scenario } from '@immunotwin/engine';
import { builtInDescriptors } from '@immunotwin/models';
import { targetCellLimited } from '@immunotwin/model-within-host';
// The built Node entry: its sessions run in real worker threads, which a test can kill.
import { createNodeSession, type INodeSession } from '@immunotwin/worker/node';
import type { TwinWorkbenchElement, WorkbenchState } from '../src/index.js';
import { $, mount, PlotlyRecorder } from './helpers.js';

/**
 * The session worker's entry, by path from the repository root (vitest's): in a DOM environment vitest gives modules
 * an http `import.meta.url`, which a Node worker cannot start from.
 */
const workerUrl = pathToFileURL(join(process.cwd(), 'packages/worker/lib/nodeWorker.js'));
const started: INodeSession[] = [];

afterEach(async () => {
  document.body.replaceChildren();
  await Promise.all(started.splice(0).map((node) => node.terminate()));
});

/** Starts a twin session in its own worker thread, as the workbench's factory. */
async function nodeSessionFactory() {
  const node = createNodeSession({ workerUrl });
  started.push(node);
  await node.session.addPlugins(builtInDescriptors);
  return node.session;
}

/** Waits a turn of the event loop at a time until `condition()` holds (fails after `turns` turns). */
async function until(condition: () => boolean, what: string, turns = 5000): Promise<void> {
  for (let i = 0; i < turns; i++) {
    if (condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
  throw new Error(`gave up waiting for ${what}`);
}

const entryInhibitor = { kind: 'entryInhibitor', start: 1, stop: 4, efficacy: 0.7 };
const scenario: Scenario = {
  model: 'target-cell-limited',
  duration: 6,
  outputInterval: 0.05,
  parameters: { c: 20 },
  interventions: [entryInhibitor],
};
const pinnedScenario: Scenario = { model: 'target-cell-limited', duration: 6, outputInterval: 0.05 };
/** Played at 5 days a second, the 6-day run lasts about 1.2 s: long enough to be killed mid-run. */
const state: WorkbenchState = {
  version: 1,
  scenario,
  observables: ['V'],
  pinned: [{ label: 'untreated', scenario: pinnedScenario }],
  view: { speed: 5 },
};
const virus = 'Free virus (TCID50/mL)';
const reference = (s: Scenario) => Array.from(simulateSync(targetCellLimited, s).runs[0]!.observables.V);

describe('<twin-workbench> whose worker dies', () => {
  it('shows why with a Restart button, and Restart brings back its parameters, interventions and pins', async () => {
    const plotly = new PlotlyRecorder();
    const el = await mount<TwinWorkbenchElement>('twin-workbench', {
      sessionFactory: nodeSessionFactory,
      plotlyLoader: plotly.loader,
      state,
    });
    await until(() => el.progress > 0 && el.progress < 1, 'the run to be under way');
    // Killed mid-run, from outside (as a crash or the browser would).
    await started[0]!.worker.terminate();
    await until(() => el.shadowRoot!.querySelector('[data-action="restart"]') !== null, 'the Restart button');
    const alert = $(el, '[role="alert"]').textContent!.replace(/\s+/g, ' ').trim();
    expect(alert).toBe(
      "The twin's worker is gone. The worker stopped: exit code 1. Restart starts a new one with this " +
        "workbench's parameters, interventions and pinned runs. Restart",
    );
    expect(el.progress).toBeLessThan(1); // the run did not finish

    $<HTMLButtonElement>(el, '[data-action="restart"]').click();
    await until(() => started.length === 2, 'a new session');
    await el.settled();
    expect(el.shadowRoot!.querySelector('[data-action="restart"]')).toBeNull();
    expect($(el, '[role="alert"]').textContent!.trim()).toBe('');
    expect(el.progress).toBe(1);
    // The same scenario (c = 20, the entry inhibitor) and the same pin, recomputed in the new worker: the engine's numbers.
    expect(plotly.trace(virus).y).toEqual(reference(scenario));
    expect(plotly.trace(`${virus} — untreated`).y).toEqual(reference(pinnedScenario));
    expect($(el, '[aria-label="Pinned runs"]').textContent).toContain('untreated');
    expect(el.state).toEqual(state);
  });
});
