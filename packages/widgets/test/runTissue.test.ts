// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TissueFrame, TissueHeader } from '@immunotwin/engine';
import { lungModels } from '@immunotwin/model-lung';
import { withinHostModels } from '@immunotwin/model-within-host';
import { TwinSession } from '@immunotwin/worker';
import type { TwinRunTissueElement, TwinTissueElement, TwinWorkbenchElement } from '../src/index.js';
import { $, $$, mount, PlotlyRecorder } from './helpers.js';

afterEach(() => document.body.replaceChildren());

const header: TissueHeader = {
  version: 2,
  model: 'lung',
  title: 'Lung Twin',
  timeUnit: 'day',
  width: 3,
  height: 3,
  siteSize: 5,
  cellStates: ['healthy', 'dead'],
  agentTypes: ['cd8'],
  field: null,
};

/** A picture at `time` with `dead` dead sites (of 9). */
function picture(time: number, dead = 0): TissueFrame {
  const cells = new Uint8Array(9);
  cells.fill(1, 0, dead);
  return { time, cells, agentSites: new Int32Array(0), agentTypes: new Uint8Array(0), field: undefined };
}

const tissueOf = (el: TwinRunTissueElement): TwinTissueElement => $<TwinTissueElement>(el, 'twin-tissue');
const shownTime = (el: TwinRunTissueElement): string => $(tissueOf(el), 'output').textContent!;
const deadShown = (el: TwinRunTissueElement): number =>
  Number($(tissueOf(el), 'li[data-state="dead"] .count').textContent);

async function moveSlider(el: TwinRunTissueElement, index: number): Promise<void> {
  const slider = $<HTMLInputElement>(tissueOf(el), 'input[type="range"]');
  slider.value = String(index);
  slider.dispatchEvent(new Event('input'));
  await el.updateComplete;
  await tissueOf(el).updateComplete;
}

async function add(el: TwinRunTissueElement, ...frames: TissueFrame[]): Promise<void> {
  for (const frame of frames) el.addPicture({ header, frame });
  await el.updateComplete;
  await tissueOf(el).updateComplete;
}

describe('<twin-run-tissue>: the tissue of a workbench’s run', () => {
  it('follows the run: the newest picture is shown as it comes', async () => {
    const el = await mount<TwinRunTissueElement>('twin-run-tissue');
    expect(el.hasPictures).toBe(false);
    // Before the first picture a note says when it comes: not an alert (the workbench's alert is for its errors).
    expect(el.shadowRoot!.textContent).toContain('The tissue appears when the run starts.');
    expect(el.shadowRoot!.querySelector('[role="alert"]')).toBeNull();
    await add(el, picture(0), picture(1, 2), picture(2, 5));
    expect(shownTime(el)).toBe('day 2');
    expect(deadShown(el)).toBe(5);
    expect($<HTMLInputElement>(el, 'input[data-action="follow"]').checked).toBe(true);
  });

  it('stays on the time the person chose while the run goes on, until "follow the run" is ticked', async () => {
    const el = await mount<TwinRunTissueElement>('twin-run-tissue');
    await add(el, picture(0), picture(1, 2), picture(2, 5));
    await moveSlider(el, 1);
    expect(el.following).toBe(false);
    await add(el, picture(3, 7), picture(4, 9));
    expect(shownTime(el)).toBe('day 1');
    expect(deadShown(el)).toBe(2);
    const follow = $<HTMLInputElement>(el, 'input[data-action="follow"]');
    expect(follow.checked).toBe(false);
    follow.checked = true;
    follow.dispatchEvent(new Event('change'));
    await el.updateComplete;
    await tissueOf(el).updateComplete;
    expect(shownTime(el)).toBe('day 4');
    expect(deadShown(el)).toBe(9);
  });

  it('keeps the last run shown until the next run’s first picture, and follows the new run', async () => {
    const el = await mount<TwinRunTissueElement>('twin-run-tissue');
    await add(el, picture(0), picture(1, 2));
    await moveSlider(el, 0);
    el.begin();
    await el.updateComplete;
    expect(shownTime(el)).toBe('day 0');
    await add(el, picture(0.5, 1));
    expect(el.following).toBe(true);
    expect($<HTMLInputElement>(tissueOf(el), 'input[type="range"]').max).toBe('0');
    expect(shownTime(el)).toBe('day 0.5');
  });
});

describe('<twin-workbench> with a tissue view', () => {
  const plotly = new PlotlyRecorder();
  async function workbench(
    options: ConstructorParameters<typeof TwinSession>[0],
    scenario: object,
    view?: { tissueField?: string },
  ) {
    const session = new TwinSession(options);
    const el = await mount<TwinWorkbenchElement>('twin-workbench', {
      sessionFactory: () => session,
      plotlyLoader: plotly.loader,
      state: { version: 1, scenario: scenario as never, ...(view ? { view } : {}) },
    });
    await el.settled();
    return el;
  }

  it('after a Step, shows the tissue at the time the plot reached', async () => {
    const el = await workbench(
      { plugins: lungModels },
      { model: 'lung', duration: 2, parameters: { latticeSize: 30 } },
    );
    const view = $<TwinRunTissueElement>(el, 'twin-run-tissue');
    const plotted = () => (plotly.data[0].x as number[]).at(-1);
    await el.reset();
    const reached: number[] = [];
    for (let step = 0; step < 3; step++) {
      await el.step();
      await el.settled();
      expect(el.phase).toBe('paused');
      reached.push(plotted()!);
      // The picture of the state paused at comes with the frame the session sends when it parks, just after.
      await vi.waitFor(() => expect(view.tissue!.frames.at(-1)!.time).toBe(plotted()));
    }
    // From the first sample (day 0) on, each Step further.
    expect(reached[0]).toBe(0);
    expect(reached[1]).toBeGreaterThan(reached[0]);
    expect(reached[2]).toBeGreaterThan(reached[1]);
  });

  it('shows the Lung Twin’s tissue at the end of its run, and hides it for a band', async () => {
    const el = await workbench(
      { plugins: lungModels },
      { model: 'lung', duration: 0.5, parameters: { latticeSize: 30 } },
    );
    const view = $<TwinRunTissueElement>(el, 'twin-run-tissue');
    expect(view.hidden).toBe(false);
    expect($(el, '.main').classList.contains('spatial')).toBe(true);
    // One Play in the workbench: its run's (the tissue view has none of its own).
    expect($$(tissueOf(view), '[data-action="play"]')).toHaveLength(0);
    expect($$(el, '[data-action="play"]')).toHaveLength(1);
    const shown = view.tissue!;
    expect(shown.header).toMatchObject({ model: 'lung', width: 30, height: 30 });
    // From the run's first sample to its end.
    expect(shown.frames[0].time).toBe(0);
    expect(shown.frames.at(-1)!.time).toBe(0.5);
    expect(shown.frames.at(-1)!.cells).toHaveLength(900);
    el.setBand({ kind: 'replicates', size: 5 });
    await el.settled();
    expect(view.hidden).toBe(true);
    expect($(el, '.main').classList.contains('spatial')).toBe(false);
  });

  it('runs with a saved field the model lacks, drawing its first field and saying so, with the picker to choose', async () => {
    // A hand-edited (or stale) view.tissueField: the run is not lost; the view draws the first field, says why, and
    // the picker lists the model's fields. Picking one draws it and the note goes.
    const el = await workbench(
      { plugins: lungModels },
      { model: 'lung', duration: 0.5, parameters: { latticeSize: 30 } },
      { tissueField: 'oxygen' },
    );
    expect(el.phase).toBe('done');
    const view = $<TwinRunTissueElement>(el, 'twin-run-tissue');
    expect(view.tissue!.header.field?.id).toBe('virions');
    expect($(view, '.note[role="status"]').textContent).toBe(
      'Lung Twin has no field "oxygen": drawing "virions"; its fields: virions, ifn, chemokine, cytokine, ros',
    );
    const picker = $<HTMLSelectElement>(view, 'select[data-action="tissue-field"]');
    expect([...picker.options].map((o) => o.value)).toEqual(['virions', 'ifn', 'chemokine', 'cytokine', 'ros']);
    expect(picker.value).toBe('virions');
    picker.value = 'ifn';
    picker.dispatchEvent(new Event('change'));
    await el.settled();
    await vi.waitFor(() => expect(view.tissue!.header.field?.id).toBe('ifn'));
    expect($$(view, '.note')).toHaveLength(0);
  });

  it('shows no tissue view for a model without space', async () => {
    const el = await workbench({ plugins: withinHostModels }, { model: 'target-cell-limited', duration: 2 });
    expect($<TwinRunTissueElement>(el, 'twin-run-tissue').hidden).toBe(true);
    expect($(el, '.main').classList.contains('spatial')).toBe(false);
  });
});
