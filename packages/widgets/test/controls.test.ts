// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { targetCellLimitedManifest as manifest } from '@immunotwin/model-within-host';
import {
  positionToValue,
  SLIDER_STEPS,
  type IParameterChangeDetail,
  type IPresetChangeDetail,
  type IResetDetail,
  type TwinControlsElement,
} from '../src/index.js';
import { $, $$, collect, mount, typeInto } from './helpers.js';

afterEach(() => document.body.replaceChildren());

const controls = (): Promise<TwinControlsElement> => mount<TwinControlsElement>('twin-controls', { manifest });
const row = (el: TwinControlsElement, id: string): HTMLElement => $(el, `.row[data-parameter="${id}"]`);
const field = (el: TwinControlsElement, id: string): HTMLInputElement => $(el, `#field-${id}`);
const slider = (el: TwinControlsElement, id: string): HTMLInputElement =>
  row(el, id).querySelector('input[type="range"]')!;

describe('<twin-controls> generated from the target-cell-limited manifest', () => {
  it('has one labelled row per parameter with its unit, default value and range', async () => {
    const el = await controls();
    expect($$(el, '.row').map((r) => r.dataset.parameter)).toEqual(manifest.parameters.map((p) => p.id));
    for (const spec of manifest.parameters) {
      const input = field(el, spec.id);
      expect(Number(input.value)).toBeCloseTo(spec.default, 10);
      const label = $(el, `label[for="field-${spec.id}"]`);
      expect(label.textContent).toBe(spec.label);
      const unit = $(el, `#range-${spec.id}`).textContent!;
      if (spec.unit !== '1') expect(unit).toContain(spec.unit);
      expect(input.getAttribute('aria-describedby')).toContain(`range-${spec.id}`);
    }
    expect($(el, '#range-beta').textContent).toContain('allowed: 1e-14–1 (TCID50/mL)^-1 day^-1');
  });

  it('uses a logarithmic slider exactly where the schema says scale: "log"', async () => {
    const el = await controls();
    for (const spec of manifest.parameters) {
      expect(slider(el, spec.id).dataset.scale, spec.id).toBe(spec.scale === 'log' && spec.min > 0 ? 'log' : 'linear');
    }
    expect(manifest.parameters.some((p) => p.scale === 'log')).toBe(true);
    // beta is log-scaled over 1e-14 … 1: the slider's midpoint is the geometric mean, 1e-7.
    const beta = manifest.parameters.find((p) => p.id === 'beta')!;
    expect(beta.scale).toBe('log');
    const seen = collect<IParameterChangeDetail>(el, 'parameter-change');
    const s = slider(el, 'beta');
    s.value = String(SLIDER_STEPS / 2);
    s.dispatchEvent(new Event('input'));
    expect(seen).toEqual([{ name: 'beta', value: 1e-7 }]);
    await el.updateComplete;
    expect(field(el, 'beta').value).toBe('1e-7');
    expect(positionToValue(SLIDER_STEPS / 2, beta)).toBe(1e-7);
  });

  it('moves a linear slider linearly and emits the value', async () => {
    const el = await controls();
    const c = manifest.parameters.find((p) => p.id === 'c')!;
    const seen = collect<IParameterChangeDetail>(el, 'parameter-change');
    const s = slider(el, 'c');
    s.value = String(SLIDER_STEPS);
    s.dispatchEvent(new Event('input'));
    expect(seen).toEqual([{ name: 'c', value: c.max }]);
  });

  it('emits parameter-change with the typed value when it is valid', async () => {
    const el = await controls();
    const seen = collect<IParameterChangeDetail>(el, 'parameter-change');
    typeInto(field(el, 'c'), '3.5');
    expect(seen).toEqual([{ name: 'c', value: 3.5 }]);
    typeInto(field(el, 'beta'), '2e-5');
    expect(seen[1]).toEqual({ name: 'beta', value: 2e-5 });
    expect(el.values).toMatchObject({ c: 3.5, beta: 2e-5 });
  });

  it.each([
    ['out of range', '1e9', '1e9 is not allowed'],
    ['negative', '-1', '-1 is not allowed'],
    ['not a number', 'fast', '"fast" is not a number'],
    ['empty', '  ', 'a number is required'],
    ['NaN', 'NaN', '"NaN" is not a number'],
  ])('rejects %s input with the allowed range and emits nothing', async (_what, text, reason) => {
    const el = await controls();
    const seen = collect<IParameterChangeDetail>(el, 'parameter-change');
    const c = manifest.parameters.find((p) => p.id === 'c')!;
    typeInto(field(el, 'c'), text);
    await el.updateComplete;
    expect(seen).toEqual([]);
    expect(field(el, 'c').getAttribute('aria-invalid')).toBe('true');
    const error = $(el, '#error-c');
    expect(error.textContent).toContain(reason);
    expect(error.textContent).toContain(`allowed: ${c.min}–${c.max} ${c.unit}`);
    expect(field(el, 'c').getAttribute('aria-describedby')).toContain('error-c');
    // A valid value afterwards clears the error and is emitted.
    typeInto(field(el, 'c'), '4');
    await el.updateComplete;
    expect(seen).toEqual([{ name: 'c', value: 4 }]);
    expect(field(el, 'c').getAttribute('aria-invalid')).toBe('false');
    expect(el.shadowRoot!.querySelector('#error-c')).toBeNull();
  });

  it('rejects fractions for whole-number parameters', async () => {
    const el = await controls();
    const seen = collect<IParameterChangeDetail>(el, 'parameter-change');
    typeInto(field(el, 'eclipse'), '0.5');
    await el.updateComplete;
    expect(seen).toEqual([]);
    expect($(el, '#error-eclipse').textContent).toContain('allowed: 0–1, whole numbers');
  });

  it('shows the description and source in the help that hover and focus reveal', async () => {
    const el = await controls();
    const spec = manifest.parameters.find((p) => p.id === 'delta')!;
    const help = $(el, '#help-delta');
    expect(help.getAttribute('role')).toBe('tooltip');
    expect(help.textContent).toContain(spec.description);
    expect(help.textContent).toContain(spec.source);
    expect(field(el, 'delta').getAttribute('aria-describedby')).toContain('help-delta');
  });

  it('picks a preset: emits preset-change with the preset applied over the defaults', async () => {
    const el = await controls();
    const seen = collect<IPresetChangeDetail>(el, 'preset-change');
    const preset = manifest.presets[1];
    const select = $<HTMLSelectElement>(el, '#preset');
    expect([...select.options].map((o) => o.value)).toEqual(['', ...manifest.presets.map((p) => p.id)]);
    select.value = preset.id;
    select.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(seen).toHaveLength(1);
    expect(seen[0].preset).toBe(preset.id);
    for (const [id, value] of Object.entries(preset.parameters)) {
      expect(seen[0].values[id]).toBe(value);
      expect(Number(field(el, id).value)).toBeCloseTo(value, 10);
    }
  });

  it('resets to the defaults and emits reset', async () => {
    const el = await controls();
    typeInto(field(el, 'c'), '1');
    typeInto(field(el, 'delta'), 'x');
    const seen = collect<IResetDetail>(el, 'reset');
    $(el, '#reset').click();
    await el.updateComplete;
    expect(seen).toEqual([{ values: Object.fromEntries(manifest.parameters.map((p) => [p.id, p.default])) }]);
    expect(Number(field(el, 'c').value)).toBe(manifest.parameters.find((p) => p.id === 'c')!.default);
    expect(el.shadowRoot!.querySelector('.error')).toBeNull();
  });

  it('labels every control (no unlabelled inputs)', async () => {
    const el = await controls();
    for (const input of $$<HTMLInputElement>(el, 'input, select')) {
      const labelled =
        input.getAttribute('aria-labelledby') ?? (input.id && el.shadowRoot!.querySelector(`label[for="${input.id}"]`));
      expect(labelled, input.outerHTML).toBeTruthy();
    }
  });
});
