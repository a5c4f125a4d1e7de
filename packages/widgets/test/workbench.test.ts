// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { resultsToCsv, simulateSync, type Scenario } from '@immunotwin/engine';
import { targetCellLimited, targetCellLimitedManifest as manifest } from '@immunotwin/model-within-host';
import {
  scenarioToCode,
  type IStateChangeDetail,
  type TwinControlsElement,
  type TwinInterventionsElement,
  type TwinWorkbenchElement,
  type WorkbenchState,
} from '../src/index.js';
import { CountingSession } from './countingSession.js';
import { $, $$, collect, mount, PlotlyRecorder, typeInto } from './helpers.js';

afterEach(() => document.body.replaceChildren());

const baseScenario: Scenario = { model: 'target-cell-limited', duration: 6, outputInterval: 0.1 };

async function workbench(state: Partial<WorkbenchState> = {}, debounce = 0) {
  const plotly = new PlotlyRecorder();
  const session = new CountingSession();
  const el = await mount<TwinWorkbenchElement>('twin-workbench', {
    sessionFactory: () => session,
    plotlyLoader: plotly.loader,
    debounce,
    state: { version: 1, scenario: baseScenario, observables: ['V', 'I'], ...state },
  });
  await el.settled();
  const states = collect<IStateChangeDetail>(el, 'state-change');
  return { el, plotly, session, states };
}

const controlsOf = (el: TwinWorkbenchElement): TwinControlsElement => $<TwinControlsElement>(el, 'twin-controls');
const timelineOf = (el: TwinWorkbenchElement): TwinInterventionsElement =>
  $<TwinInterventionsElement>(el, 'twin-interventions');
const peak = (values: number[]): number => Math.max(...values);
const reference = (scenario: Scenario) => simulateSync(targetCellLimited, scenario).runs[0];

describe('<twin-workbench> driving an in-process TwinSession', () => {
  it('runs the state’s scenario in its session and draws the frames', async () => {
    const { el, plotly, session } = await workbench();
    expect(session.runs).toBe(1);
    const expected = reference(baseScenario);
    expect(plotly.trace('Free virus (TCID50/mL)').x).toEqual(Array.from(expected.time));
    expect(plotly.trace('Free virus (TCID50/mL)').y).toEqual(Array.from(expected.observables.V));
    expect(plotly.trace('Productively infected cells (cells)').y).toEqual(Array.from(expected.observables.I));
    expect(plotly.data.map((t) => t.name)).not.toContain('Target cells (cells)');
    const bar = $(el, '[role="progressbar"]');
    expect(bar.getAttribute('aria-valuenow')).toBe('100');
    expect(el.phase).toBe('done');
  });

  it('reruns with a changed parameter: the drawn virus peak follows c, and the state records it', async () => {
    const { el, plotly, session, states } = await workbench();
    const before = peak(plotly.trace('Free virus (TCID50/mL)').y);
    typeInto($<HTMLInputElement>(controlsOf(el), '#field-c'), '20');
    await el.settled();
    expect(session.runs).toBe(2);
    const after = peak(plotly.trace('Free virus (TCID50/mL)').y);
    expect(after).toBeLessThan(before);
    expect(plotly.trace('Free virus (TCID50/mL)').y).toEqual(
      Array.from(reference({ ...baseScenario, parameters: { c: 20 } }).observables.V),
    );
    expect(states.at(-1)!.state.scenario).toEqual({ ...baseScenario, parameters: { c: 20 } });
  });

  it('does not run, nor change the state, on invalid input', async () => {
    const { el, session, states } = await workbench();
    typeInto($<HTMLInputElement>(controlsOf(el), '#field-c'), '-3');
    await el.settled();
    expect(session.runs).toBe(1);
    expect(states).toEqual([]);
    await controlsOf(el).updateComplete;
    const c = manifest.parameters.find((p) => p.id === 'c')!;
    expect($(controlsOf(el), '#error-c').textContent).toContain(`allowed: ${c.min}–${c.max} ${c.unit}`);
  });

  it('debounces quick parameter changes into one run', async () => {
    const { el, session, states } = await workbench({}, 50);
    const field = $<HTMLInputElement>(controlsOf(el), '#field-c');
    typeInto(field, '6');
    typeInto(field, '7');
    typeInto($<HTMLInputElement>(controlsOf(el), '#field-delta'), '3');
    await el.settled();
    expect(session.runs).toBe(2);
    expect(states).toHaveLength(1);
    expect(states[0].state.scenario.parameters).toEqual({ c: 7, delta: 3 });
  });

  it('cancels the run under way when a parameter changes, and starts a new one', async () => {
    const { el, session, plotly } = await workbench({ view: { speed: 20 } });
    await el.play();
    await session.nextFrame(); // a slow run (20 days/s) is under way
    expect(el.phase).toBe('running');
    const cancels = session.cancels;
    el.setSpeed(Infinity);
    typeInto($<HTMLInputElement>(controlsOf(el), '#field-c'), '2');
    await el.settled();
    expect(session.cancels).toBeGreaterThan(cancels);
    expect(el.phase).toBe('done');
    expect(plotly.trace('Free virus (TCID50/mL)').y).toEqual(
      Array.from(reference({ ...baseScenario, parameters: { c: 2 } }).observables.V),
    );
  });

  it('steps one frame at a time, then plays to the end', async () => {
    const { el, plotly } = await workbench({ view: { speed: 1000 } });
    await el.reset();
    await el.settled();
    expect(el.phase).toBe('idle');
    await el.step();
    await el.settled();
    expect(el.phase).toBe('paused');
    const first = plotly.trace('Free virus (TCID50/mL)').y.length;
    expect(first).toBeGreaterThan(0);
    await el.step();
    await el.settled();
    const second = plotly.trace('Free virus (TCID50/mL)').y.length;
    expect(second).toBeGreaterThan(first);
    expect(second).toBeLessThan(61);
    await el.play();
    await el.settled();
    expect(el.phase).toBe('done');
    expect(plotly.trace('Free virus (TCID50/mL)').y).toEqual(Array.from(reference(baseScenario).observables.V));
  });

  it('adds an intervention on the timeline: the state records it and the run responds', async () => {
    const { el, plotly, states } = await workbench();
    const virusOnDay2 = (): number => {
      const trace = plotly.trace('Free virus (TCID50/mL)');
      return (trace.y as number[])[(trace.x as number[]).indexOf(2)];
    };
    const before = virusOnDay2();
    $(timelineOf(el), 'button[data-add="entryInhibitor"]').click();
    await el.settled();
    const interventions = [{ kind: 'entryInhibitor', start: 0.6, stop: 3, efficacy: 0.9 }];
    expect(states.at(-1)!.state.scenario.interventions).toEqual(interventions);
    // While the inhibitor blocks 90 % of entry the virus is far lower (after it stops, spared cells may rebound).
    expect(virusOnDay2()).toBeLessThan(before / 10);
    expect(plotly.trace('Free virus (TCID50/mL)').y).toEqual(
      Array.from(reference({ ...baseScenario, interventions }).observables.V),
    );
  });

  it('applies a preset and a reset from the controls', async () => {
    const { el, states } = await workbench();
    const select = $<HTMLSelectElement>(controlsOf(el), '#preset');
    select.value = 'influenzaNoEclipse';
    select.dispatchEvent(new Event('change'));
    await el.settled();
    expect(states.at(-1)!.state.scenario).toEqual({ ...baseScenario, preset: 'influenzaNoEclipse' });
    await controlsOf(el).updateComplete;
    expect(Number($<HTMLInputElement>(controlsOf(el), '#field-eclipse').value)).toBe(0);
    $(controlsOf(el), '#reset').click();
    await el.settled();
    expect(states.at(-1)!.state.scenario).toEqual(baseScenario);
  });

  it('pins a run (dashed in the plot, its scenario in the state) and restores pins from a saved state', async () => {
    const { el, plotly, states } = await workbench();
    $(el, 'button[data-action="pin"]').click();
    typeInto($<HTMLInputElement>(controlsOf(el), '#field-c'), '10');
    await el.settled();
    const saved = states.at(-1)!.state;
    expect(saved.pinned).toEqual([{ label: 'defaults', scenario: baseScenario }]);
    const pinned = plotly.trace('Free virus (TCID50/mL) — defaults');
    expect((pinned.line as { dash: string }).dash).toBe('dash');
    expect(pinned.y).toEqual(Array.from(reference(baseScenario).observables.V));

    // Reopening: a new workbench from the saved state recomputes the pinned run and the current one.
    const reopened = await workbench(saved);
    expect(reopened.plotly.trace('Free virus (TCID50/mL) — defaults').y).toEqual(pinned.y);
    expect(reopened.plotly.trace('Free virus (TCID50/mL)').y).toEqual(
      Array.from(reference({ ...baseScenario, parameters: { c: 10 } }).observables.V),
    );
    expect(Number($<HTMLInputElement>(controlsOf(reopened.el), '#field-c').value)).toBe(10);

    $(reopened.el, 'button[data-unpin="0"]').click();
    expect(reopened.states.at(-1)!.state.pinned).toBeUndefined();
  });

  it('loads the pins it can and names the one the model refuses', async () => {
    const { el, plotly } = await workbench({
      pinned: [
        { label: 'bad', scenario: { model: 'target-cell-limited', parameters: { c: -1 } } },
        { label: 'fast clearance', scenario: { ...baseScenario, parameters: { c: 50 } } },
      ],
    });
    expect($(el, '[role="alert"]').textContent).toContain('pinned run "bad": Invalid scenario: parameters.c: -1');
    expect(plotly.trace('Free virus (TCID50/mL) — fast clearance').y).toEqual(
      Array.from(reference({ ...baseScenario, parameters: { c: 50 } }).observables.V),
    );
    const states = collect<IStateChangeDetail>(el, 'state-change');
    $(el, 'button[data-unpin="0"]').click(); // the shown pin, "fast clearance"
    expect(states.at(-1)!.state.pinned!.map((p) => p.label)).toEqual(['bad']);
  });

  it('saves view changes (log axis, observables, speed) in the state', async () => {
    const { el, plotly, states } = await workbench();
    const log = $<HTMLInputElement>(el, 'input[data-action="log"]');
    log.checked = true;
    log.dispatchEvent(new Event('change'));
    await el.settled();
    expect(states.at(-1)!.state.view).toEqual({ logY: true });
    expect(plotly.calls.at(-1)).toMatchObject({ name: 'relayout', update: { 'yaxis.type': 'log' } });
    $<HTMLInputElement>(el, 'input[data-observable="U"]').click();
    await el.settled();
    expect(states.at(-1)!.state.observables).toEqual(['U', 'I', 'V']);
    expect(plotly.trace('Target cells (cells)').y.length).toBe(61);
    const speed = $<HTMLSelectElement>(el, '#speed');
    speed.value = '5';
    speed.dispatchEvent(new Event('change'));
    expect(states.at(-1)!.state.view).toEqual({ logY: true, speed: 5 });
  });

  it('saves no empty view when the log axis goes back to linear', async () => {
    const { el, states } = await workbench();
    const log = $<HTMLInputElement>(el, 'input[data-action="log"]');
    log.checked = true;
    log.dispatchEvent(new Event('change'));
    expect(states.at(-1)!.state.view).toEqual({ logY: true });
    log.checked = false;
    log.dispatchEvent(new Event('change'));
    await el.settled();
    expect('view' in states.at(-1)!.state).toBe(false);
  });

  it('saves no empty view when the speed goes back to full speed', async () => {
    const { el, states } = await workbench();
    const speed = $<HTMLSelectElement>(el, '#speed');
    speed.value = '5';
    speed.dispatchEvent(new Event('change'));
    expect(states.at(-1)!.state.view).toEqual({ speed: 5 });
    speed.value = 'Infinity';
    speed.dispatchEvent(new Event('change'));
    await el.settled();
    expect('view' in states.at(-1)!.state).toBe(false);
  });

  it('exports the finished run as the engine’s CSV', async () => {
    const { el } = await workbench();
    const expected = resultsToCsv(simulateSync(targetCellLimited, baseScenario));
    expect(el.csv()).toBe(expected);
  });

  it('downloads the CSV and the plot as PNG and SVG', async () => {
    const { el, plotly } = await workbench({
      observed: [{ name: 'swab', source: 'test', observable: 'V', unit: 'TCID50/mL', time: [1, 2], values: [5, 50] }],
    });
    expect(plotly.trace('swab (observed)').y).toEqual([5, 50]);
    const downloads: { name: string; href: string }[] = [];
    const click = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      downloads.push({ name: this.download, href: this.href });
    };
    try {
      $(el, 'button[data-action="csv"]').click();
      $(el, 'button[data-action="png"]').click();
      await el.settled();
      $(el, 'button[data-action="svg"]').click();
      await el.settled();
    } finally {
      HTMLAnchorElement.prototype.click = click;
    }
    expect(downloads.map((d) => d.name)).toEqual([
      'target-cell-limited.csv',
      'target-cell-limited.png',
      'target-cell-limited.svg',
    ]);
    expect(downloads[1].href).toMatch(/^data:image\/png/);
    expect(plotly.calls.filter((c) => c.name === 'toImage').map((c) => (c as { format: string }).format)).toEqual([
      'png',
      'svg',
    ]);
  });

  it('copies the scenario as a twin-kernel cell', async () => {
    const { el } = await workbench({ scenario: { ...baseScenario, parameters: { c: 4 } } });
    const copies = collect<{ code: string }>(el, 'code-copy');
    $(el, 'button[data-action="code"]').click();
    await el.updateComplete;
    const code = scenarioToCode({ ...baseScenario, parameters: { c: 4 } }, manifest);
    expect(copies).toEqual([{ code }]);
    expect(code).toContain('twin.set({ c: 4 });');
    expect($(el, 'pre.code').textContent).toBe(code);
  });

  it('shows a state the model refuses as an error, and runs nothing', async () => {
    const plotly = new PlotlyRecorder();
    const session = new CountingSession();
    const el = await mount<TwinWorkbenchElement>('twin-workbench', {
      sessionFactory: () => session,
      plotlyLoader: plotly.loader,
      state: { version: 1, scenario: { model: 'target-cell-limited', parameters: { c: 1e6 } } },
    });
    const errors = collect<{ error: Error }>(el, 'run-error');
    await el.settled();
    expect(session.runs).toBe(0);
    expect(errors[0]?.error.message ?? el.shadowRoot!.textContent).toContain('parameters.c: 1000000 is out of range');
    const c = manifest.parameters.find((p) => p.id === 'c')!;
    expect($(el, '[role="alert"]').textContent).toContain(`allowed: ${c.min} to ${c.max} ${c.unit}`);
  });

  it('refuses a malformed state with the format’s message, and keeps the last good one', async () => {
    const { el, session } = await workbench();
    const errors = collect<{ error: Error }>(el, 'run-error');
    el.state = { version: 1, scenario: { model: 'target-cell-limited' }, view: { speed: -2 } } as WorkbenchState;
    await el.settled();
    expect(errors.map((e) => e.error.message)).toEqual([
      'Invalid workbench state: view.speed: must be > 0; got -2 (model time units per second; omit for full speed)',
    ]);
    expect(session.runs).toBe(1);
    expect($(el, '[role="alert"]').textContent).toContain('view.speed');
    expect($$(el, 'twin-controls')).toHaveLength(1);
  });

  it('reloads when given a different state', async () => {
    const { el, plotly, session } = await workbench();
    el.state = { version: 1, scenario: { ...baseScenario, parameters: { delta: 2 } }, observables: ['V'] };
    await el.settled();
    expect(session.runs).toBe(2);
    expect(plotly.trace('Free virus (TCID50/mL)').y).toEqual(
      Array.from(reference({ ...baseScenario, parameters: { delta: 2 } }).observables.V),
    );
    expect(plotly.data).toHaveLength(1);
  });

  it('releases its session on dispose', async () => {
    const { el, session } = await workbench();
    el.dispose();
    await Promise.resolve();
    await Promise.resolve();
    expect(session.cancels).toBeGreaterThan(0);
  });

  it('has labelled, keyboard-reachable toolbar controls', async () => {
    const { el } = await workbench();
    for (const button of $$<HTMLButtonElement>(el, 'button'))
      expect(button.textContent!.trim() || button.getAttribute('aria-label')).toBeTruthy();
    expect($$(el, '[role="toolbar"]')).toHaveLength(2);
  });
});
