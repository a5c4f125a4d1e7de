// @vitest-environment happy-dom
import { parseTissue, tissueCounts, type TissueJson } from '@immunotwin/engine';
import { createTwinApi, TISSUE_MIME_TYPE } from '@immunotwin/kernel';
import { afterEach, describe, expect, it } from 'vitest';
import { dyingAgentsModel } from '../../engine/test/fixtures/dyingAgents.js';
import { colourOf, paintTissue, type TwinTissueElement } from '../src/index.js';
import { $, $$, mount } from './helpers.js';

afterEach(() => document.body.replaceChildren());

/** A real bundle: the kernel's twin.tissue() on a stepped test model (agents dying; alive = state 1). */
async function bundle(): Promise<{ json: TissueJson; alive: number[] }> {
  const twin = createTwinApi(dyingAgentsModel);
  const options = { duration: 2, outputInterval: 0.5, seed: 5 };
  const tissue = await twin.tissue({ ...options, times: [0, 1, 2] });
  const { time, values } = twin.observe(await twin.run(options), 'alive');
  const json = tissue.toMimeBundle().data[TISSUE_MIME_TYPE] as TissueJson;
  return { json, alive: json.frames.map((f) => values[time.indexOf(f.time)]) };
}

describe('tissue bundles', () => {
  it('decode to the lattice the model had: live sites per picture = the run’s observable', async () => {
    const { json, alive } = await bundle();
    const tissue = parseTissue(JSON.stringify(json));
    expect(tissue.frames.map((f) => f.time)).toEqual([0, 1, 2]);
    expect(tissue.frames.map((f) => tissueCounts(tissue, f).cells[1])).toEqual(alive);
    expect(alive[0]).toBeGreaterThan(alive[2]); // agents died
    expect(tissue.frames[2].field![0]).toBeCloseTo(2, 5);
  });

  it('are refused with what is wrong and what was expected', async () => {
    const { json } = await bundle();
    expect(() => parseTissue({ ...json, version: 4 })).toThrow(/format version 4 is not supported; allowed: 1, 2, 3/);
    const short = { ...json, frames: [{ ...json.frames[0], cells: btoa('\u0001\u0001') }] };
    expect(() => parseTissue(short)).toThrow(
      /^Invalid tissue bundle: frames\[0\]\.cells: has 2 values; expected \d+ \(width × height\)$/,
    );
    expect(() => parseTissue({ ...json, width: 0 })).toThrow(
      'Invalid tissue bundle: width: must be ≥ 1; got 0 (sites per row)',
    );
    expect(() => parseTissue({ ...json, frames: [{ ...json.frames[0], cells: 'not base64!' }] })).toThrow(
      /frames\[0\]\.cells/,
    );
  });

  it('paint one pixel per site: state colour, the field blended over it, immune cells on top', async () => {
    const { json } = await bundle();
    const tissue = parseTissue(json);
    const frame = tissue.frames[2];
    const plain = paintTissue(tissue, frame, { field: false });
    const dead = frame.cells.indexOf(0);
    const live = frame.cells.indexOf(1);
    expect([...plain.slice(dead * 4, dead * 4 + 4)]).toEqual([...colourOf('dead', 0), 255]);
    expect([...plain.slice(live * 4, live * 4 + 4)]).toEqual([...colourOf('alive', 1), 255]);
    // The clock field is the same everywhere (its maximum): every site gets the full 75 % glow.
    const glowing = paintTissue(tissue, frame);
    expect(glowing[dead * 4 + 1]).toBe(Math.round(colourOf('dead', 0)[1] + (255 - colourOf('dead', 0)[1]) * 0.75));
    const withAgent = { ...frame, agentSites: Int32Array.of(dead), agentTypes: Uint8Array.of(0) };
    const tissueWithType = { ...tissue, header: { ...tissue.header, agentTypes: ['ctl'] } };
    expect([...paintTissue(tissueWithType, withAgent, { field: false }).slice(dead * 4, dead * 4 + 3)]).toEqual([
      ...colourOf('ctl', 0),
    ]);
  });
});

describe('tissue colours', () => {
  const key = (rgb: readonly number[]) => rgb.join(',');
  const lungStates = ['healthy', 'incubating', 'expressing', 'apoptotic', 'dead', 'antiviral'];

  it('give every state of the Lung Twin and its CD8 T cells a colour of their own, whatever their position', () => {
    // A named colour does not depend on the code's position (the fallback list does).
    for (const name of [...lungStates, 'cd8']) expect(colourOf(name, 0)).toEqual(colourOf(name, 1));
    const colours = [...lungStates, 'cd8'].map((name, i) => key(colourOf(name, i)));
    expect(new Set(colours).size).toBe(colours.length);
  });

  it('draw one stage in one colour across models (immune twin and Lung Twin names)', () => {
    expect(colourOf('incubating', 1)).toEqual(colourOf('eclipse', 1));
    expect(colourOf('expressing', 2)).toEqual(colourOf('productive', 2));
    expect(colourOf('cd8', 0)).toEqual(colourOf('ctl', 4));
  });
});

describe('<twin-tissue>', () => {
  it('shows the first picture with a legend of counts, and the time slider moves through the pictures', async () => {
    const { json, alive } = await bundle();
    const el = await mount<TwinTissueElement>('twin-tissue', { data: json });
    const liveCount = () => Number($(el, 'li[data-state="alive"] .count').textContent);
    expect(liveCount()).toBe(alive[0]);
    expect($(el, 'canvas').getAttribute('aria-label')).toContain(`${alive[0]} alive`);
    const slider = $<HTMLInputElement>(el, 'input[type="range"]');
    expect(slider.max).toBe('2');
    slider.value = '2';
    slider.dispatchEvent(new Event('input'));
    await el.updateComplete;
    expect(liveCount()).toBe(alive[2]);
    expect($(el, 'output').textContent).toBe('day 2');
    expect($$(el, 'input[type="checkbox"]').map((c) => (c as HTMLInputElement).checked)).toEqual([true, true]);
  });

  it('shows a live picture with how far the run is, and keeps the legend of what it shows', async () => {
    const { json, alive } = await bundle();
    const live = { ...json, live: { fraction: 0.42, pictures: 3 }, frames: [json.frames[1]] };
    const el = await mount<TwinTissueElement>('twin-tissue', { data: live });
    expect($(el, '[data-live]').textContent!.replace(/\s+/g, ' ').trim()).toBe('running: 42 % · live picture 3');
    expect($<HTMLProgressElement>(el, '[data-live] progress').value).toBe(42);
    expect(Number($(el, 'li[data-state="alive"] .count').textContent)).toBe(alive[1]);
    // The finished bundle replaces it: no progress any more.
    el.data = json;
    await el.updateComplete;
    expect(el.renderRoot.querySelector('[data-live]')).toBeNull();
  });

  it('has zoom buttons and a focusable canvas that says how to pan and zoom it', async () => {
    const { json } = await bundle();
    const el = await mount<TwinTissueElement>('twin-tissue', { data: json });
    expect($$(el, '.zoom button').map((b) => b.getAttribute('aria-label') ?? b.textContent)).toEqual([
      'Zoom out',
      'Zoom in',
      'Fit',
    ]);
    expect($(el, 'canvas').getAttribute('tabindex')).toBe('0');
    expect($(el, 'canvas').getAttribute('aria-roledescription')).toMatch(/drag or arrow keys to pan/);
  });

  it('says what is wrong with a bundle that does not decode', async () => {
    const el = await mount<TwinTissueElement>('twin-tissue', { data: { version: 1, width: 3 } });
    expect($(el, '[role="alert"]').textContent).toMatch(/Invalid tissue bundle: model: is required but missing/);
  });
});
