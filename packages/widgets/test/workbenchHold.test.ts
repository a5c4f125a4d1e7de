// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { simulateSync, type Scenario } from '@immunotwin/engine';
import { targetCellLimited, targetCellLimitedManifest as manifest } from '@immunotwin/model-within-host';
import type {
  TwinControlsElement,
  TwinInterventionsElement,
  TwinWorkbenchElement,
  WorkbenchState,
} from '../src/index.js';
import { CountingSession } from './countingSession.js';
import { $, $$, collect, mount, PlotlyRecorder } from './helpers.js';

afterEach(() => document.body.replaceChildren());

const inhibitor = [{ kind: 'entryInhibitor', start: 1, stop: 3, efficacy: 0.9 }];
const scenario: Scenario = {
  model: 'target-cell-limited',
  duration: 6,
  outputInterval: 0.1,
  parameters: { c: 10 },
  interventions: inhibitor,
};
const pins = [
  {
    label: 'c = 2',
    scenario: { model: 'target-cell-limited', duration: 6, outputInterval: 0.1, parameters: { c: 2 } },
  },
  {
    label: 'c = 5',
    scenario: { model: 'target-cell-limited', duration: 6, outputInterval: 0.1, parameters: { c: 5 } },
  },
  {
    label: 'c = 8',
    scenario: { model: 'target-cell-limited', duration: 6, outputInterval: 0.1, parameters: { c: 8 } },
  },
];
const saved: WorkbenchState = { version: 1, scenario, observables: ['V'], pinned: pins };
const REASON = 'This notebook is not trusted, so the workbench has not run.';

/** A workbench with a session factory that counts the sessions it makes (none may be made while held). */
async function heldWorkbench(state: WorkbenchState = saved) {
  const plotly = new PlotlyRecorder();
  const session = new CountingSession();
  let sessions = 0;
  const el = await mount<TwinWorkbenchElement>('twin-workbench', {
    sessionFactory: () => {
      sessions++;
      return session;
    },
    plotlyLoader: plotly.loader,
    hold: { reason: REASON, manifest },
    state,
  });
  await el.settled();
  return { el, plotly, session, sessions: () => sessions };
}

const virus = (s: Scenario) => Array.from(simulateSync(targetCellLimited, s).runs[0].observables.V);
const sizeOf = (el: TwinWorkbenchElement, term: string) => $(el, `dd[data-size="${term}"]`).textContent;

describe('<twin-workbench> held (an untrusted notebook)', () => {
  it('shows the saved state, the reason and what it would compute, and makes no session', async () => {
    const { el, session, plotly, sessions } = await heldWorkbench();
    expect(sessions()).toBe(0);
    expect(session.runs).toBe(0);
    expect(plotly.loads).toBe(0);
    expect($(el, '.reason').textContent).toBe(
      `${REASON} It would compute 4 runs of ${manifest.title} over 6 days: 1 run of the scenario and 3 pinned runs.`,
    );
    expect(sizeOf(el, 'Model')).toBe(`${manifest.title} · target-cell-limited`);
    expect(sizeOf(el, 'Duration')).toBe('6 days');
    expect(sizeOf(el, 'Method')).toBe('ode');
    expect(sizeOf(el, 'Replicates')).toBe('1');
    expect(sizeOf(el, 'Pinned runs')).toBe('3');
    expect(sizeOf(el, 'Runs in all')).toBe('4');
    // 61 samples × (1 time + 5 observables) × 8 bytes = 2,928 bytes for one run.
    expect(manifest.observables).toHaveLength(5);
    expect(sizeOf(el, 'Results in memory')).toBe('2.93 kB');
    expect($$(el, '.pin').map((p) => p.textContent)).toEqual(['c = 2', 'c = 5', 'c = 8']);
    // The controls show the saved value, disabled; the timeline shows the saved intervention, disabled.
    const controls = $<TwinControlsElement>(el, 'twin-controls');
    await controls.updateComplete;
    expect(controls.disabled).toBe(true);
    expect(Number($<HTMLInputElement>(controls, '#field-c').value)).toBe(10);
    const timeline = $<TwinInterventionsElement>(el, 'twin-interventions');
    expect(timeline.disabled).toBe(true);
    expect(timeline.interventions).toEqual(scenario.interventions);
    expect($(el, 'button[data-action="run"]').textContent).toBe('Run');
    expect(el.renderRoot.querySelector('twin-timeseries')).toBeNull();
  });

  it('sizes a replicated scenario and a band from the state alone', async () => {
    const replicated: Scenario = { model: 'target-cell-limited', method: 'ssa', replicates: 2000, duration: 365 };
    const { el } = await heldWorkbench({
      version: 1,
      scenario: replicated,
      pinned: Array.from({ length: 20 }, (_, i) => ({ label: `pin ${i}`, scenario: replicated })),
    });
    expect(sizeOf(el, 'Replicates')).toBe('2,000');
    expect(sizeOf(el, 'Runs in all')).toBe('42,000');
    expect(sizeOf(el, 'Duration')).toBe('365 days');
    const band = await heldWorkbench({ version: 1, scenario, view: { band: { kind: 'cohort', size: 30 } } });
    expect(sizeOf(band.el, 'Band')).toBe('30');
    expect(sizeOf(band.el, 'Runs in all')).toBe('30');
  });

  it('computes only after Run: then it makes its session, recomputes the pins and runs the scenario', async () => {
    const { el, plotly, session, sessions } = await heldWorkbench();
    const starts = collect(el, 'run-start');
    $(el, 'button[data-action="run"]').click();
    await el.updateComplete;
    await el.settled();
    expect(sessions()).toBe(1);
    expect(session.runs).toBe(4); // 3 pins and the scenario
    expect(starts).toHaveLength(1);
    expect(el.phase).toBe('done');
    expect(plotly.trace('Free virus (TCID50/mL)').y).toEqual(virus(scenario));
    expect(plotly.trace('Free virus (TCID50/mL) — c = 5').y).toEqual(virus(pins[1].scenario));
  });

  it('starts when the host lifts the hold (the notebook was trusted)', async () => {
    const { el, session, sessions } = await heldWorkbench();
    el.hold = undefined;
    await el.updateComplete;
    await el.settled();
    expect(sessions()).toBe(1);
    expect(session.runs).toBe(4);
  });
});

/** A workbench (not held) on `session`, mounted; its load is under way, not awaited. */
async function liveWorkbench(
  state: WorkbenchState,
  session: CountingSession,
  properties: Partial<TwinWorkbenchElement> = {},
) {
  const plotly = new PlotlyRecorder();
  const el = await mount<TwinWorkbenchElement>('twin-workbench', {
    sessionFactory: () => session,
    plotlyLoader: plotly.loader,
    state,
    ...properties,
  });
  return { el, plotly };
}

describe('<twin-workbench> progress and Stop', () => {
  it('shows each pinned run’s progress while loading; Stop skips the pins left and leaves it usable', async () => {
    const session = new CountingSession();
    const seen: { label: string | null; text: string; stop: boolean }[] = [];
    session.afterProgress = async () => {
      session.afterProgress = undefined; // once: at the first pin's first progress report
      await el.updateComplete;
      const bar = $(el, '[role="progressbar"]');
      seen.push({
        label: bar.getAttribute('aria-label'),
        text: bar.nextElementSibling!.textContent!,
        stop: $$(el, 'button[data-action="stop"]').length === 1,
      });
      $(el, 'button[data-action="stop"]').click();
    };
    const { el, plotly } = await liveWorkbench(saved, session);
    await el.settled();
    // The bar names the pin and where its run is (model time in days).
    expect(seen).toEqual([
      { label: 'Pinned run 1 of 3', text: expect.stringMatching(/^[\d.]+% · c = 2 · day [\d.]+$/), stop: true },
    ]);
    expect(session.runs).toBe(1); // the first pin, stopped; neither the other pins nor the scenario ran
    expect(session.cancels).toBeGreaterThanOrEqual(1);
    expect(el.phase).toBe('idle');
    expect($(el, '[role="alert"]').textContent).toBe(
      'Stopped: 3 of 3 pinned runs were not computed (c = 2; c = 5; c = 8); they stay in the notebook, and the scenario has not run.',
    );
    // Usable: Play runs the scenario to its end.
    $(el, 'button[data-action="play"]').click();
    await el.settled();
    expect(el.phase).toBe('done');
    expect(plotly.trace('Free virus (TCID50/mL)').y).toEqual(virus(scenario));
  });

  it('Stop cancels the live run under way, keeps what is drawn, and Play runs it again to the end', async () => {
    const session = new CountingSession();
    // 6 days at 20 days/s: 0.3 s.
    const { el, plotly } = await liveWorkbench({ version: 1, scenario, view: { speed: 20 } }, session);
    await session.nextFrame();
    await el.updateComplete;
    expect(el.phase).toBe('running');
    const ends = collect(el, 'run-end');
    const cancels = session.cancels;
    $(el, 'button[data-action="stop"]').click();
    await el.settled();
    expect(session.cancels).toBe(cancels + 1);
    expect(el.phase).toBe('idle');
    expect(ends).toHaveLength(0);
    expect(el.progress).toBeLessThan(1);
    const drawn = plotly.trace('Free virus (TCID50/mL)').y.length;
    expect(drawn).toBeGreaterThan(0);
    expect(drawn).toBeLessThan(61);
    expect($$(el, 'button[data-action="stop"]')).toHaveLength(0);
    el.setSpeed(Infinity);
    $(el, 'button[data-action="play"]').click();
    await el.settled();
    expect(ends).toHaveLength(1);
    expect(el.progress).toBe(1);
    expect(plotly.trace('Free virus (TCID50/mL)').y).toEqual(virus(scenario));
  });

  it('Stop cancels a band; its Run computes it again', async () => {
    const band = { kind: 'cohort' as const, size: 200 };
    const { el } = await liveWorkbench({ version: 1, scenario, view: { band } }, new CountingSession());
    if (el.phase !== 'running') {
      await new Promise<void>((resolve) => el.addEventListener('band-start', () => resolve(), { once: true }));
    }
    await el.updateComplete;
    expect(el.phase).toBe('running');
    const ends = collect(el, 'band-end');
    $(el, 'button[data-action="stop"]').click();
    await el.settled();
    expect(el.phase).toBe('idle');
    expect(ends).toHaveLength(0);
    $(el, 'button[data-action="band"]').click();
    await el.settled();
    expect(ends).toHaveLength(1);
    expect(el.phase).toBe('done');
    expect($$(el, 'button[data-action="band"]')).toHaveLength(0);
  });
});
