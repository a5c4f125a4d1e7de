// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { resolveScenario, runBand, type BandSpec, type Scenario } from '@immunotwin/engine';
import { targetCellLimited, withinHostModels } from '@immunotwin/model-within-host';
import { TwinSession, type IBandOptions, type IBandResult } from '@immunotwin/worker';
import {
  bandCaption,
  bandRanges,
  REPLICATES_NEED_NOISE,
  type IBandChangeDetail,
  type IStateChangeDetail,
  type TwinBandControlElement,
  type TwinControlsElement,
  type TwinWorkbenchElement,
  type WorkbenchState,
} from '../src/index.js';
import { $, $$, collect, mount, PlotlyRecorder, typeInto } from './helpers.js';

afterEach(() => document.body.replaceChildren());

/** An in-process session (the real engine) that counts its runs, bands and cancellations. */
class BandSession extends TwinSession {
  runs = 0;
  bands = 0;
  cancels = 0;
  /** Called at each progress report of a band. */
  onBandProgress: (() => void) | undefined;

  constructor() {
    super({ plugins: withinHostModels });
  }

  override run(...args: Parameters<TwinSession['run']>) {
    this.runs++;
    return super.run(...args);
  }

  override band(band: BandSpec, options: IBandOptions = {}): Promise<IBandResult> {
    this.bands++;
    return super.band(band, {
      ...options,
      onProgress: (progress) => {
        this.onBandProgress?.();
        return options.onProgress?.(progress);
      },
    });
  }

  override cancel(): Promise<void> {
    this.cancels++;
    return super.cancel();
  }
}

const scenario: Scenario = { model: 'target-cell-limited', duration: 6, outputInterval: 0.1, seed: 3 };
const cohort: BandSpec = { kind: 'cohort', size: 10, spread: 0.3 };

async function workbench(state: Partial<WorkbenchState> = {}, bandDebounce = 0) {
  const plotly = new PlotlyRecorder();
  const session = new BandSession();
  const el = await mount<TwinWorkbenchElement>('twin-workbench', {
    sessionFactory: () => session,
    plotlyLoader: plotly.loader,
    bandDebounce,
    state: { version: 1, scenario, observables: ['V', 'I'], ...state },
  });
  await el.settled();
  const states = collect<IStateChangeDetail>(el, 'state-change');
  return { el, plotly, session, states };
}

const bandControlOf = (el: TwinWorkbenchElement) => $<TwinBandControlElement>(el, 'twin-band-control');
const controlsOf = (el: TwinWorkbenchElement) => $<TwinControlsElement>(el, 'twin-controls');

/** The engine's band of a scenario, to compare the drawn one with. */
const expectedBand = (s: Scenario, band: BandSpec) => runBand(resolveScenario(targetCellLimited, s), band);

/** Picks `value` in a select of the element's shadow root, as a person would. */
function choose(host: Element, selector: string, value: string): void {
  const select = $<HTMLSelectElement>(host, selector);
  select.value = value;
  select.dispatchEvent(new Event('change'));
}

describe('<twin-band-control>', () => {
  async function control(props: Partial<TwinBandControlElement>) {
    const el = await mount<TwinBandControlElement>('twin-band-control', {
      manifest: targetCellLimited.manifest,
      scenario: resolveScenarioJson(scenario),
      ...props,
    });
    return { el, changes: collect<IBandChangeDetail>(el, 'band-change') };
  }

  it('offers one run, replicates and a cohort; replicates are off for an ODE, with the reason in a tooltip', async () => {
    const { el } = await control({});
    const options = $$<HTMLOptionElement>(el, '#show option');
    expect(options.map((o) => o.value)).toEqual(['run', 'replicates', 'cohort']);
    expect(options[0].selected).toBe(true);
    expect(options[1].disabled).toBe(true);
    expect(options[1].title).toBe(REPLICATES_NEED_NOISE);
    expect($(el, '#show').title).toBe(REPLICATES_NEED_NOISE);
    expect($(el, '#show').getAttribute('aria-describedby')).toBe('show-hint');
    // A stochastic scenario can have replicates.
    el.scenario = { ...resolveScenarioJson(scenario), method: 'tau-leaping' };
    await el.updateComplete;
    expect($<HTMLOptionElement>(el, '#show option[value="replicates"]').disabled).toBe(false);
  });

  it('emits the band chosen, its size and spread, and the parameters it varies', async () => {
    const { el, changes } = await control({});
    choose(el, '#show', 'cohort');
    expect(changes.at(-1)).toEqual({ band: { kind: 'cohort', size: 20, spread: 0.3 } });
    await el.updateComplete;
    choose(el, '#size', '50');
    expect(changes.at(-1)!.band).toEqual({ kind: 'cohort', size: 50, spread: 0.3 });
    await el.updateComplete;
    choose(el, '#spread', '0.5');
    expect(changes.at(-1)!.band).toEqual({ kind: 'cohort', size: 50, spread: 0.5 });
    await el.updateComplete;
    // The parameters varied by default are ticked; those a cohort cannot vary are off, with the reason.
    const boxes = $$<HTMLInputElement>(el, 'input[data-vary]');
    const ticked = boxes.filter((b) => b.checked).map((b) => b.dataset.vary);
    expect(ticked).toEqual(['U0', 'V0', 'beta', 'p', 'c', 'delta', 'k']);
    const eclipse = boxes.find((b) => b.dataset.vary === 'eclipse')!;
    expect(eclipse.disabled).toBe(true);
    expect((eclipse.parentElement as HTMLElement).title).toBe(
      'eclipse takes whole numbers only; a cohort varies continuous parameters',
    );
    expect($(el, 'details.vary summary').textContent).toContain('vary: 7 parameters');
    boxes.find((b) => b.dataset.vary === 'U0')!.click();
    expect(changes.at(-1)!.band).toEqual({
      kind: 'cohort',
      size: 50,
      spread: 0.5,
      parameters: ['V0', 'beta', 'p', 'c', 'delta', 'k'],
    });
    // Back to one run, then a cohort again: its spread and parameters come back.
    choose(el, '#show', 'run');
    expect(changes.at(-1)!.band).toBeUndefined();
    await el.updateComplete;
    choose(el, '#show', 'cohort');
    expect(changes.at(-1)!.band).toEqual({
      kind: 'cohort',
      size: 20,
      spread: 0.5,
      parameters: ['V0', 'beta', 'p', 'c', 'delta', 'k'],
    });
  });

  it('keeps at least one parameter varied', async () => {
    const { el } = await control({ band: { kind: 'cohort', size: 5, parameters: ['c'] } });
    const c = $<HTMLInputElement>(el, 'input[data-vary="c"]');
    expect(c.checked).toBe(true);
    expect(c.disabled).toBe(true);
    expect($(el, 'details.vary summary').textContent).toContain('vary: c');
  });
});

describe('band captions', () => {
  it('names the shaded ranges and what the band is', () => {
    expect(bandRanges([0.05, 0.25, 0.5, 0.75, 0.95])).toBe('25–75 % and 5–95 %');
    expect(bandCaption({ kind: 'replicates', size: 20 }, [0.05, 0.95])).toBe('20 replicates: median with 5–95 % bands');
    expect(bandCaption({ kind: 'cohort', size: 10, spread: 0.25, parameters: ['beta', 'c'] }, [0.1, 0.5, 0.9])).toBe(
      'Cohort of 10 virtual patients, beta, c varied by a log-normal spread of 25 %: median with 10–90 % bands',
    );
  });
});

describe('<twin-workbench> showing a band', () => {
  it('computes a saved cohort in its session and draws its median and bands, not a live run', async () => {
    const { el, plotly, session } = await workbench({ view: { band: cohort } });
    expect(session.runs).toBe(0);
    expect(session.bands).toBe(1);
    const expected = await expectedBand(scenario, cohort);
    const median = plotly.trace('Free virus (TCID50/mL) median');
    expect(median.x).toEqual(Array.from(expected.time));
    expect(median.y).toEqual(Array.from(expected.summary.observables.V.median));
    // Two shaded ranges per observable (25–75 % and 5–95 %), each a lower edge and an upper one filled to it.
    const fills = plotly.data.filter((t) => t.fill === 'tonexty');
    expect(fills).toHaveLength(4);
    const outer = plotly.data.filter((t) => t.name === 'Free virus (TCID50/mL) band')[0];
    expect(outer.y).toEqual(Array.from(expected.summary.observables.V.bands[4]));
    expect(plotly.data.some((t) => t.name === 'Free virus (TCID50/mL)')).toBe(false);
    // The playback buttons are for one run; the caption says what is shown.
    expect($$(el, 'button[data-action="play"]')).toHaveLength(0);
    expect($(el, '.band-caption').textContent).toContain(
      'Cohort of 10 virtual patients, 7 parameters varied by a log-normal spread of 30 %: median with 25–75 % and 5–95 % bands',
    );
    expect($(el, '[role="progressbar"]').getAttribute('aria-valuenow')).toBe('100');
    expect($<HTMLButtonElement>(el, 'button[data-action="pin"]').disabled).toBe(true);
  });

  it('switches between one run and a cohort from its control, saving the choice in the state', async () => {
    const { el, plotly, session, states } = await workbench();
    expect(session.runs).toBe(1);
    choose(bandControlOf(el), '#show', 'cohort');
    await el.settled();
    expect(states.at(-1)!.state.view).toEqual({ band: { kind: 'cohort', size: 20, spread: 0.3 } });
    expect(session.bands).toBe(1);
    const expected = await expectedBand(scenario, { kind: 'cohort', size: 20 });
    expect(plotly.trace('Free virus (TCID50/mL) median').y).toEqual(Array.from(expected.summary.observables.V.median));
    choose(bandControlOf(el), '#show', 'run');
    await el.settled();
    expect(states.at(-1)!.state.view).toBeUndefined();
    expect(session.runs).toBe(2);
    expect(plotly.data.some((t) => t.fill === 'tonexty')).toBe(false);
    expect(plotly.trace('Free virus (TCID50/mL)').y).toHaveLength(61);
  });

  it('recomputes the band when a parameter changes; a burst of changes costs one band', async () => {
    const { el, plotly, session, states } = await workbench({ view: { band: cohort } }, 20);
    const field = $<HTMLInputElement>(controlsOf(el), '#field-c');
    typeInto(field, '8');
    typeInto(field, '9');
    typeInto($<HTMLInputElement>(controlsOf(el), '#field-delta'), '3');
    await el.settled();
    expect(session.bands).toBe(2);
    const changed = { ...scenario, parameters: { c: 9, delta: 3 } };
    expect(states.at(-1)!.state).toMatchObject({ scenario: changed, view: { band: cohort } });
    const expected = await expectedBand(changed, cohort);
    expect(plotly.trace('Free virus (TCID50/mL) median').y).toEqual(Array.from(expected.summary.observables.V.median));
  });

  it('cancels the band under way when the scenario changes', async () => {
    const big: BandSpec = { kind: 'cohort', size: 200 };
    const { el, plotly, session } = await workbench({ view: { band: { kind: 'cohort', size: 3 } } });
    el.setBand(big);
    await new Promise<void>((resolve) => (session.onBandProgress = resolve));
    session.onBandProgress = undefined;
    expect(el.phase).toBe('running');
    expect($(el, '.band-caption').textContent).toContain('(computing…)');
    const cancels = session.cancels;
    el.setBand({ kind: 'cohort', size: 4 });
    await el.settled();
    expect(session.cancels).toBeGreaterThan(cancels);
    expect(el.phase).toBe('done');
    const expected = await expectedBand(scenario, { kind: 'cohort', size: 4 });
    expect(plotly.trace('Free virus (TCID50/mL) median').y).toEqual(Array.from(expected.summary.observables.V.median));
  });

  it('draws replicates of a stochastic scenario, and shows why an ODE has none', async () => {
    const noisy: Scenario = { ...scenario, method: 'tau-leaping', parameters: { V0: 10, U0: 1e6 } };
    const { plotly } = await workbench({ scenario: noisy, view: { band: { kind: 'replicates', size: 6 } } });
    const expected = await expectedBand(noisy, { kind: 'replicates', size: 6 });
    expect(plotly.trace('Free virus (TCID50/mL) median').y).toEqual(Array.from(expected.summary.observables.V.median));

    const ode = await workbench({ view: { band: { kind: 'replicates', size: 6 } } });
    expect($(ode.el, '[role="alert"]').textContent).toContain(
      'Invalid band: kind: "replicates" of an ode run would all be the same run',
    );
  });
});

/** The explicit form of a scenario, as the workbench gives its controls. */
function resolveScenarioJson(s: Scenario): Scenario {
  const r = resolveScenario(targetCellLimited, s);
  return { model: s.model, parameters: { ...r.parameters }, method: r.method, seed: r.seed };
}
