// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { targetCellLimitedManifest as manifest } from '@immunotwin/model-within-host';
import type { IInterventionsChangeDetail, TimelineIntervention, TwinInterventionsElement } from '../src/index.js';
import { $, $$, collect, mount, typeInto } from './helpers.js';

afterEach(() => document.body.replaceChildren());

const timeline = (interventions: TimelineIntervention[] = []): Promise<TwinInterventionsElement> =>
  mount<TwinInterventionsElement>('twin-interventions', { manifest, interventions, duration: 10 });
const changes = (el: TwinInterventionsElement): IInterventionsChangeDetail[] =>
  collect<IInterventionsChangeDetail>(el, 'interventions-change');
const input = (el: TwinInterventionsElement, index: number, field: string): HTMLInputElement =>
  $(el, `#f-${index}-${field}`);
const key = (target: HTMLElement, name: string): void => {
  target.dispatchEvent(new KeyboardEvent('keydown', { key: name, bubbles: true, cancelable: true }));
};

describe('<twin-interventions>', () => {
  it('offers one add button per intervention kind of the model', async () => {
    const el = await timeline();
    expect($$(el, 'button[data-add]').map((b) => b.dataset.add)).toEqual(manifest.interventions.map((i) => i.kind));
  });

  it('adds an intervention with the spec’s fields at their defaults', async () => {
    const el = await timeline();
    const seen = changes(el);
    $(el, 'button[data-add="oseltamivir"]').click();
    await el.updateComplete;
    expect(seen).toEqual([
      { interventions: [{ kind: 'oseltamivir', start: 1, stop: 5, dose: 75, emaxLog10: 2.35, ed50: 3.2 }] },
    ]);
    $(el, 'button[data-add="inoculation"]').click();
    await el.updateComplete;
    expect(seen[1].interventions[1]).toEqual({ kind: 'inoculation', start: 1, dose: 1 });
    expect(seen[1].interventions[1]).not.toHaveProperty('stop');
    // One bar per intervention on the time axis, a labelled slider; a lasting one spans start to stop.
    const bars = $$(el, '.bar');
    expect(bars).toHaveLength(2);
    expect(bars[0].getAttribute('role')).toBe('slider');
    expect(bars[0].getAttribute('aria-label')).toContain('Oseltamivir (dose–response) from 1 to 5 days');
    expect(bars[0].style.left).toBe('10%');
    expect(bars[0].style.width).toBe('40%');
    // Fields of the spec with labels and units.
    expect($$(el, 'fieldset[data-index="0"] input').map((i) => i.dataset.field)).toEqual([
      'start',
      'stop',
      'dose',
      'emaxLog10',
      'ed50',
    ]);
    expect($$(el, 'fieldset[data-index="1"] input').map((i) => i.dataset.field)).toEqual(['start', 'dose']);
  });

  it('edits a field and emits the whole list', async () => {
    const el = await timeline([
      { kind: 'entryInhibitor', start: 1, stop: 5, efficacy: 0.9 },
      { kind: 'inoculation', start: 0, dose: 1 },
    ]);
    const seen = changes(el);
    typeInto(input(el, 0, 'efficacy'), '0.5');
    expect(seen).toEqual([
      {
        interventions: [
          { kind: 'entryInhibitor', start: 1, stop: 5, efficacy: 0.5 },
          { kind: 'inoculation', start: 0, dose: 1 },
        ],
      },
    ]);
    await el.updateComplete;
    typeInto(input(el, 0, 'stop'), '8');
    expect(seen[1].interventions[0]).toEqual({ kind: 'entryInhibitor', start: 1, stop: 8, efficacy: 0.5 });
  });

  it.each([
    ['efficacy', '1.5', 'allowed: 0–1'],
    ['efficacy', '', 'a number is required'],
    ['start', '11', 'allowed: 0–5 days'],
    ['stop', '0.5', 'allowed: 1–10 days'],
    ['stop', '1', 'must be after start (1)'],
    ['stop', 'soon', '"soon" is not a number'],
  ])('rejects %s = %j with the allowed range and emits nothing', async (field, text, message) => {
    const el = await timeline([{ kind: 'entryInhibitor', start: 1, stop: 5, efficacy: 0.9 }]);
    const seen = changes(el);
    typeInto(input(el, 0, field), text);
    await el.updateComplete;
    expect(seen).toEqual([]);
    expect(input(el, 0, field).getAttribute('aria-invalid')).toBe('true');
    expect(input(el, 0, field).value).toBe(text);
    expect($(el, `#e-0-${field}`).textContent).toContain(message);
    expect(el.interventions[0]).toEqual({ kind: 'entryInhibitor', start: 1, stop: 5, efficacy: 0.9 });
  });

  it('moves a bar with the arrow keys by one step, keeping its length and staying on the axis', async () => {
    const el = await timeline([{ kind: 'entryInhibitor', start: 1, stop: 5, efficacy: 0.9 }]);
    el.step = 0.5;
    await el.updateComplete;
    const seen = changes(el);
    key($(el, '.bar'), 'ArrowRight');
    expect(seen.at(-1)!.interventions[0]).toMatchObject({ start: 1.5, stop: 5.5 });
    await el.updateComplete;
    key($(el, '.bar'), 'ArrowLeft');
    key($(el, '.bar'), 'ArrowLeft');
    expect(seen.at(-1)!.interventions[0]).toMatchObject({ start: 0.5, stop: 4.5 });
    await el.updateComplete;
    key($(el, '.bar'), 'PageUp'); // ten steps: 5 → would end at 9.5
    expect(seen.at(-1)!.interventions[0]).toMatchObject({ start: 5.5, stop: 9.5 });
    await el.updateComplete;
    key($(el, '.bar'), 'End'); // to the end of the axis: the bar ends at the duration
    expect(seen.at(-1)!.interventions[0]).toMatchObject({ start: 6, stop: 10 });
    await el.updateComplete;
    const count = seen.length;
    key($(el, '.bar'), 'ArrowRight'); // already at the end: no change, no event
    expect(seen).toHaveLength(count);
    key($(el, '.bar'), 'Home');
    expect(seen.at(-1)!.interventions[0]).toMatchObject({ start: 0, stop: 4, efficacy: 0.9 });
    await el.updateComplete;
    expect($(el, '.bar').getAttribute('aria-valuenow')).toBe('0');
  });

  it('removes with the Delete key and with the remove button', async () => {
    const el = await timeline([
      { kind: 'entryInhibitor', start: 1, stop: 5, efficacy: 0.9 },
      { kind: 'inoculation', start: 2, dose: 3 },
      { kind: 'productionInhibitor', start: 3, stop: 4, efficacy: 0.5 },
    ]);
    const seen = changes(el);
    key($(el, '.bar[data-index="1"]'), 'Delete');
    expect(seen.at(-1)!.interventions.map((i) => i.kind)).toEqual(['entryInhibitor', 'productionInhibitor']);
    await el.updateComplete;
    $(el, 'button[data-remove="0"]').click();
    expect(seen.at(-1)!.interventions).toEqual([{ kind: 'productionInhibitor', start: 3, stop: 4, efficacy: 0.5 }]);
    await el.updateComplete;
    expect($$(el, '.bar')).toHaveLength(1);
  });

  it('drags a bar with the pointer along the time axis and emits once, on release', async () => {
    const el = await timeline([{ kind: 'entryInhibitor', start: 1, stop: 5, efficacy: 0.9 }]);
    const track = $(el, '.track');
    track.getBoundingClientRect = () =>
      ({ width: 500, height: 30, left: 0, top: 0, right: 500, bottom: 30, x: 0, y: 0, toJSON: () => ({}) }) as DOMRect;
    const seen = changes(el);
    const bar = $(el, '.bar');
    const pointer = (type: string, clientX: number): void => {
      bar.dispatchEvent(new PointerEvent(type, { pointerId: 1, clientX, button: 0, bubbles: true }));
    };
    pointer('pointerdown', 100);
    pointer('pointermove', 150); // 50 px of 500 = 1 day
    await el.updateComplete;
    expect(el.interventions[0]).toMatchObject({ start: 2, stop: 6 });
    expect(seen).toEqual([]);
    pointer('pointermove', 200);
    pointer('pointerup', 200);
    expect(seen).toEqual([{ interventions: [{ kind: 'entryInhibitor', start: 3, stop: 7, efficacy: 0.9 }] }]);
    // Dragged past the end it stops at the axis' end.
    await el.updateComplete;
    pointer('pointerdown', 0);
    pointer('pointerup', 10_000);
    expect(seen.at(-1)!.interventions[0]).toMatchObject({ start: 6, stop: 10 });
  });

  it('restores the bar when a drag is cancelled', async () => {
    const el = await timeline([{ kind: 'inoculation', start: 2, dose: 1 }]);
    const track = $(el, '.track');
    track.getBoundingClientRect = () => ({ width: 100 }) as DOMRect;
    const seen = changes(el);
    const bar = $(el, '.bar');
    bar.dispatchEvent(new PointerEvent('pointerdown', { pointerId: 3, clientX: 20, button: 0 }));
    bar.dispatchEvent(new PointerEvent('pointermove', { pointerId: 3, clientX: 50 }));
    expect(el.interventions[0].start).toBe(5);
    bar.dispatchEvent(new PointerEvent('pointercancel', { pointerId: 3 }));
    expect(el.interventions[0].start).toBe(2);
    expect(seen).toEqual([]);
  });
});
