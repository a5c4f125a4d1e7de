// @vitest-environment happy-dom
/**
 * `<twin-patient>` against a real in-process PatientService (the worker's code) and the Hayden 1996 untreated arm:
 * the table, a CSV loaded and a bad one refused with the parser's message, a fit with progress whose estimates go
 * into the saved state, a cancelled fit and one after it, and "Next day" moving the forecast's start.
 */
import { describe, expect, it } from 'vitest';
import { parsePatientState } from '@immunotwin/engine';
import { builtInDescriptors } from '@immunotwin/models';
import { PatientService } from '@immunotwin/worker';
import { HAYDEN_CSV as csv, haydenPatient as hayden } from '../../worker/test/fixtures/haydenPatient.js';
import type { TwinPatientElement } from '../src/index.js';
import { dataRows, stateWithCsv, stateWithGroup } from '../src/index.js';
import { $, $$, collect, mount, PlotlyRecorder } from './helpers.js';

async function patient(state: unknown = hayden) {
  const plotly = new PlotlyRecorder();
  const services: PatientService[] = [];
  const element = await mount<TwinPatientElement>('twin-patient', {
    plotlyLoader: plotly.loader,
    sessionFactory: async () => {
      const service = new PatientService();
      await service.addPlugins(builtInDescriptors);
      services.push(service);
      return service;
    },
    state,
  });
  await element.settled();
  return { element, plotly, services };
}

describe('patient state', () => {
  it('is read, and a day beyond the data is refused naming the field and what is allowed', () => {
    expect(parsePatientState(JSON.stringify(hayden)).data[0]!.values).toHaveLength(9);
    expect(() => parsePatientState({ ...hayden, assimilate: { ...hayden.assimilate, day: 12 } })).toThrow(
      /assimilate\.day: 12 is not allowed; allowed: 0 to 9/,
    );
    expect(() =>
      parsePatientState({
        ...hayden,
        fit: { ...hayden.fit, parameters: [{ id: 'c', lower: 0, upper: 1, scale: 'log' }] },
      }),
    ).toThrow(/fit\.parameters\[0\]\.lower: 0 is not allowed on a log scale; allowed: > 0/);
    // A treatment starts at the day reached: a start of its own is refused, saying so.
    const treat = (treatment: unknown) => ({ ...hayden, assimilate: { ...hayden.assimilate, treatment } });
    expect(parsePatientState(treat({ kind: 'oseltamivir', dose: 150 })).assimilate.treatment).toEqual({
      kind: 'oseltamivir',
      dose: 150,
    });
    expect(() => parsePatientState(treat({ kind: 'oseltamivir', start: 1 }))).toThrow(
      /assimilate\.treatment\.start: 1 is not allowed; leave it out: the treatment starts at the day reached/,
    );
    expect(() => parsePatientState(treat({ dose: 75 }))).toThrow(/assimilate\.treatment/);
  });

  it('takes a CSV of the same group, and a bad one gives the parser’s line, column and value', () => {
    const rows = dataRows(hayden.data);
    expect(rows.map((r) => r.time)).toEqual([0, 24, 48, 72, 96, 120, 144, 168, 192]);
    expect(rows.filter((r) => r.censored).map((r) => r.time)).toEqual([0, 168, 192]); // 0, 0.42 and 0 ≤ the 0.5 limit
    const loaded = stateWithCsv({ ...hayden, assimilate: { ...hayden.assimilate, day: 3 } }, csv, 'hayden1996.csv');
    expect('state' in loaded && loaded.state.data[0]!.group).toBe('untreated');
    expect('state' in loaded && loaded.state.assimilate.day).toBe(0);
    // The file is kept with its groups, so that another can be chosen; a group it lacks is refused, naming them.
    expect('file' in loaded && loaded.file.groups).toEqual(['treated-29h', 'treated-50h', 'untreated']);
    const other = 'file' in loaded ? stateWithGroup(hayden, loaded.file, 'treated-29h') : loaded;
    expect('state' in other && other.state.data.map((d) => [d.group, d.values[2]])).toEqual([['treated-29h', 1.2]]);
    expect('note' in other && other.note).toBe(
      'hayden1996.csv: 9 measurements of group "treated-29h" (of 3: treated-29h, treated-50h, untreated)',
    );
    const missing = 'file' in loaded ? stateWithGroup(hayden, loaded.file, 'placebo') : loaded;
    expect('error' in missing && missing.error).toBe(
      'hayden1996.csv: group "placebo" is not in the file; allowed: treated-29h, treated-50h, untreated',
    );
    const bad = stateWithCsv(hayden, 'time_h,observable,value\n0,log10V,abc\n', 'bad.csv');
    expect('error' in bad && bad.error).toMatch(
      /bad\.csv.*line 2.*value.*"abc" is not allowed; allowed: a finite number/,
    );
  });
});

describe('<twin-patient>', () => {
  it('shows the data in the table and draws data, twin, band and residuals on one plot', async () => {
    const { element, plotly } = await patient();
    const cells = $$(element, 'tbody tr').map((tr) =>
      [...tr.querySelectorAll('td')].map((td) => td.textContent!.trim()),
    );
    expect(cells).toHaveLength(9);
    expect(cells[2]).toEqual(['48', 'log10V', '2.73', '0.5']);
    // A censored value shows as what is known of it: at or below the detection limit (not the value recorded, 0).
    expect(cells[0]![2]).toBe('≤ 0.5');
    const names = plotly.data.map((t) => t.name);
    expect(names.some((n) => String(n).endsWith('(observed)'))).toBe(true);
    expect(names.some((n) => String(n).endsWith('(below detection limit)'))).toBe(true);
    expect(names.some((n) => String(n).endsWith('— twin'))).toBe(true);
    expect(names.some((n) => String(n).endsWith('— forecast'))).toBe(true);
    expect(plotly.data.filter((t) => t.yaxis === 'y2')).toHaveLength(2); // residuals: measured and censored
    expect($(element, '[data-role="day"]').textContent).toMatch(/no observation assimilated/);
  }, 60_000);

  it('fits with progress, saves the estimates in the state and draws the profiles', async () => {
    const { element, plotly } = await patient();
    const changes = collect<{ state: typeof hayden }>(element, 'state-change');
    const fitting = element.fit();
    await element.updateComplete;
    expect($(element, '[role="progressbar"]').getAttribute('aria-label')).toBe('Fit progress');
    await fitting;
    await element.settled();
    const saved = changes.at(-1)!.state;
    expect(saved.fitted).toBe(true);
    expect(saved.scenario.parameters!.beta).not.toBe(undefined);
    expect($$(element, '[data-role="estimates"] tbody tr')).toHaveLength(3);
    const profileCall = plotly.calls
      .filter((c) => c.name === 'react')
      .find((c) => c.name === 'react' && c.data.some((t) => String(t.name).includes('threshold')));
    expect(profileCall).toBeDefined();
    expect(JSON.stringify(saved)).not.toMatch(/negLogLikelihood|profile/); // state, never results
  }, 120_000);

  it('cancels a fit under way: its worker reports nothing more; a fit after it works on a new worker', async () => {
    const { element, services } = await patient({ ...hayden, fit: { ...hayden.fit, starts: 6 } });
    const reports: number[] = [];
    const fit = services[0]!.fit.bind(services[0]!);
    services[0]!.fit = (state, onProgress) => fit(state, (p) => (reports.push(p.evaluations), onProgress?.(p)));
    const fitting = element.fit();
    await expect.poll(() => reports.length, { timeout: 30_000 }).toBeGreaterThan(2);
    element.cancel();
    const atCancel = reports.length;
    await fitting;
    await new Promise((resolve) => setTimeout(resolve, 300));
    // At most the report already on its way when the cancel came.
    expect(reports.length).toBeLessThanOrEqual(atCancel + 1);
    expect($(element, '[role="status"].message').textContent).toMatch(/Fit cancelled in its starts \(\d of 6 done\)/);
    expect($$(element, '[role="alert"]')).toHaveLength(0);
    element.state = hayden; // one start: the fit after the cancel is quick
    await element.settled();
    await element.fit();
    expect(services.length).toBeGreaterThanOrEqual(2);
    expect($$(element, '[data-role="estimates"] tbody tr')).toHaveLength(3);
  }, 120_000);

  it('Next day assimilates the next time: the forecast starts there and the day shown moves on', async () => {
    const { element, plotly } = await patient();
    const band = () => plotly.calls.filter((c) => c.name === 'react').at(-1)!;
    const firstX = () => {
      const call = band();
      const median = call.name === 'react' ? call.data.find((t) => String(t.name).endsWith('— forecast')) : undefined;
      return (median!.x as number[])[0];
    };
    expect(firstX()).toBe(0);
    for (let i = 0; i < 3; i++) {
      $<HTMLButtonElement>(element, '[data-action="next-day"]').click();
      await element.settled();
    }
    expect(firstX()).toBe(2);
    expect($(element, '[data-role="day"]').textContent).toMatch(/day 2: 3 of 9 observation times assimilated/);
    expect($$(element, 'tbody tr.held')).toHaveLength(6);
  }, 120_000);

  it('Treat from today: the choice is saved and the forecast with it is drawn beside the one without', async () => {
    const { element, plotly } = await patient({ ...hayden, assimilate: { ...hayden.assimilate, day: 3 } });
    const states = collect<{ state: { assimilate: Record<string, unknown> } }>(element, 'state-change');
    const select = $<HTMLSelectElement>(element, 'select[data-action="treat"]');
    expect([...select.options].map((o) => o.textContent!.trim())).toEqual([
      'no treatment',
      'Inoculation',
      'Entry inhibitor',
      'Production/release inhibitor',
      'Oseltamivir (dose–response)',
    ]);
    select.value = 'productionInhibitor';
    select.dispatchEvent(new Event('change'));
    await element.settled();
    expect(states.at(-1)!.state.assimilate.treatment).toEqual({ kind: 'productionInhibitor' });
    const names = plotly.data.map((t) => String(t.name));
    const treated = plotly.data.find((t) => String(t.name).endsWith('— Production/release inhibitor from day 2'))!;
    expect(treated.line).toMatchObject({ dash: 'dot', color: '#009e73' });
    expect((treated.x as number[])[0]).toBe(2);
    expect(names.filter((n) => n.endsWith('— forecast'))).toHaveLength(1);
    expect($(element, '[data-role="plot"]').getAttribute('aria-label')).toMatch(
      /and the same forecast with Production\/release inhibitor from day 2 \(dotted\)/,
    );
    select.value = '';
    select.dispatchEvent(new Event('change'));
    await element.settled();
    expect(states.at(-1)!.state.assimilate).not.toHaveProperty('treatment');
    expect(plotly.data.some((t) => String(t.name).includes('inhibitor'))).toBe(false);
  }, 120_000);

  it('offers the groups of a file of several and shows the one chosen; data from elsewhere withdraw them', async () => {
    const { element } = await patient({ ...hayden, assimilate: { ...hayden.assimilate, day: 3 } });
    const states = collect<{ state: { data: { group?: string }[]; assimilate: { day: number } } }>(
      element,
      'state-change',
    );
    expect(element.shadowRoot!.querySelector('select[data-action="group"]'), 'no file read: no groups').toBeNull();
    element.loadCsv(csv, 'hayden1996.csv');
    await element.settled();
    const select = $<HTMLSelectElement>(element, 'select[data-action="group"]');
    // The group shown is marked selected (happy-dom's own selectedness of a select is not the browser's: the e2e
    // checks the select's value in Chromium).
    expect([...select.options].map((o) => [o.value, o.hasAttribute('selected')])).toEqual([
      ['treated-29h', false],
      ['treated-50h', false],
      ['untreated', true],
    ]);
    select.value = 'treated-29h';
    select.dispatchEvent(new Event('change'));
    await element.settled();
    expect(states.at(-1)!.state.data.map((d) => d.group)).toEqual(['treated-29h']);
    expect(states.at(-1)!.state.assimilate.day).toBe(0);
    const third = $$(element, 'tbody tr')[2]!;
    expect([...third.querySelectorAll('td')].map((td) => td.textContent!.trim())).toEqual([
      '48',
      'log10V',
      '1.2',
      '0.5',
    ]);
    expect($(element, '.message[role="status"]').textContent).toMatch(/9 measurements of group "treated-29h" \(of 3/);
    const marked = [...$<HTMLSelectElement>(element, 'select[data-action="group"]').options].filter((o) =>
      o.hasAttribute('selected'),
    );
    expect(marked.map((o) => o.value)).toEqual(['treated-29h']);
    // A state set from outside with other data: the file's groups are no longer offered.
    element.state = hayden;
    await element.settled();
    expect(element.shadowRoot!.querySelector('select[data-action="group"]')).toBeNull();
  }, 120_000);

  it('shows a bad state as the parser’s message', async () => {
    const { element } = await patient({ ...hayden, version: 2 });
    expect($(element, '[role="alert"]').textContent).toMatch(/format version 2 is not supported/);
  });
});
