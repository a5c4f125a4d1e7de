import {
  parseTissue,
  resolveScenario,
  type TissueJson,
  TISSUE_BUNDLE_VERSION,
  TISSUE_MIME_TYPE,
} from '@immunotwin/engine';
import { targetCellLimited } from '@immunotwin/model-within-host';
import { describe, expect, it } from 'vitest';
import { dyingAgentsModel } from '../../engine/test/fixtures/dyingAgents.js';
import { createTwinApi } from '../src/twinApi.js';
import { LiveTissue } from '../src/twin/liveTissue.js';
import { captureTissue } from '../src/twin/tissue.js';

/** The steps of a 3-day run of the test model before its end (steps of 0.5 day). */
const TIMES_BEFORE_END = [0, 0.5, 1, 1.5, 2, 2.5];

describe('twin.tissue()', () => {
  it('pictures the lattice at the first samples at or after the requested times, matching the run', async () => {
    const twin = createTwinApi(dyingAgentsModel);
    const options = { duration: 3, outputInterval: 0.5, seed: 11 };
    const tissue = await twin.tissue({ ...options, times: [0, 1.2, 3] });
    const json = tissue.toMimeBundle().data[TISSUE_MIME_TYPE] as TissueJson;
    expect(json).toMatchObject({
      version: TISSUE_BUNDLE_VERSION,
      model: 'dying-agents-test',
      width: 10,
      cellStates: ['dead', 'alive'],
    });
    expect(json.field).toEqual({ id: 'clock', unit: 'days' });
    expect(json.frames.map((f) => f.time)).toEqual([0, 1.5, 3]);
    // The same seed gives the same run: live cells in each picture = the observable at that time.
    const { time, values } = twin.observe(await twin.run(options), 'alive');
    const decoded = parseTissue(json);
    for (const [i, frame] of json.frames.entries()) {
      const alive = decoded.frames[i].cells.reduce((sum, state) => sum + state, 0);
      expect(alive).toBe(values[time.indexOf(frame.time)]);
      // The clock field is uniform: quantized with step 0, it comes back exactly.
      expect(decoded.frames[i].field![0]).toBeCloseTo(frame.time, 5);
    }
    expect(String(tissue.toMimeBundle().data['text/plain'])).toContain('3 pictures at t = 0, 1.5, 3 (day)');
  });

  it('shows nothing live for a run shorter than a second: its one output is the finished view', async () => {
    const shown: unknown[] = [];
    const progressOutput = {
      show: (bundle: unknown) => shown.push(bundle),
      update: (bundle: unknown) => shown.push(bundle),
    };
    const twin = createTwinApi(dyingAgentsModel, { progressOutput: () => progressOutput });
    await twin.tissue({ duration: 3, outputInterval: 0.5, seed: 11, times: [0, 1.5, 3] });
    expect(shown).toEqual([]);
  });

  it('shows the latest picture while it runs, with how far it is, then a line saying how it went', async () => {
    const shown: { kind: string; id: string; data: Record<string, unknown> }[] = [];
    const record = (kind: string) => (bundle: { data: Record<string, unknown> }, id: string) =>
      shown.push({ kind, id, data: bundle.data });
    // No least interval: steps are pictured live as often as a long run's are a second or more apart.
    const live = new LiveTissue({ show: record('show'), update: record('update') }, 0);
    const scenario = resolveScenario(dyingAgentsModel, {
      model: dyingAgentsModel.manifest.id,
      duration: 3,
      outputInterval: 0.5,
      seed: 11,
      replicates: 1,
    });
    const result = await captureTissue(scenario, { times: [0, 1.5, 3] }, new AbortController().signal, live);
    const pictures = shown
      .filter((s) => s.data[TISSUE_MIME_TYPE] !== undefined)
      .map((s) => parseTissue(s.data[TISSUE_MIME_TYPE]));
    const times = pictures.map((t) => t.frames[0].time);
    // Steps in order, the requested pictures but the last among them; others as the wall-time share allows.
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(times.every((t) => TIMES_BEFORE_END.includes(t))).toBe(true);
    expect(times).toContain(0);
    expect(times).toContain(1.5);
    expect(pictures.map((t) => t.header.live)).toEqual(times.map((t, i) => ({ fraction: t / 3, pictures: i + 1 })));
    // The picture at 1.5 is the result's.
    expect(pictures[times.indexOf(1.5)].frames[0].cells).toEqual(parseTissue(result).frames[1].cells);
    expect(result.live).toBeUndefined();
    // One display, updated in place, left as text.
    expect(shown.map((s) => s.kind)).toEqual(['show', ...times.map(() => 'update')]);
    expect(new Set(shown.map((s) => s.id)).size).toBe(1);
    expect(shown.at(-1)!.data).toEqual({
      'text/plain': expect.stringMatching(
        new RegExp(`^tissue: run pictured in [\\d.]+ s \\(${times.length} live pictures while it ran\\)$`),
      ),
    });
  });

  it('refuses times outside the run, unknown fields and models without space, saying what is allowed', async () => {
    const twin = createTwinApi(dyingAgentsModel);
    await expect(twin.tissue({ duration: 2, times: [5] })).rejects.toThrow(
      /time 5 is outside the run; allowed: 0 to 2/,
    );
    await expect(twin.tissue({ duration: 2, field: 'virus' })).rejects.toThrow(/unknown field "virus"; allowed: clock/);
    await expect(createTwinApi(targetCellLimited).tissue()).rejects.toThrow(/has no space to show/);
  });
});
