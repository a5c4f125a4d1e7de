import { parseTissue, type TissueJson, TISSUE_BUNDLE_VERSION, TISSUE_MIME_TYPE } from '@immunotwin/engine';
import { targetCellLimited } from '@immunotwin/model-within-host';
import { describe, expect, it } from 'vitest';
import { dyingAgentsModel } from '../../engine/test/fixtures/dyingAgents.js';
import { createTwinApi } from '../src/twinApi.js';

const bytes = (base64: string) => Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));

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
      const alive = bytes(frame.cells).reduce((sum, state) => sum + state, 0);
      expect(alive).toBe(values[time.indexOf(frame.time)]);
      // The clock field is uniform: quantized with step 0, it comes back exactly.
      expect(decoded.frames[i].field![0]).toBeCloseTo(frame.time, 5);
    }
    expect(String(tissue.toMimeBundle().data['text/plain'])).toContain('3 pictures at t = 0, 1.5, 3 (day)');
  });

  it('shows the latest picture while it runs, then a line saying how it went', async () => {
    const shown: { kind: string; id: string; data: Record<string, unknown> }[] = [];
    const progressOutput = {
      show: (bundle: { data: Record<string, unknown> }, id: string) =>
        shown.push({ kind: 'show', id, data: bundle.data }),
      update: (bundle: { data: Record<string, unknown> }, id: string) =>
        shown.push({ kind: 'update', id, data: bundle.data }),
    };
    const twin = createTwinApi(dyingAgentsModel, { progressOutput: () => progressOutput });
    const options = { duration: 3, outputInterval: 0.5, seed: 11 };
    const result = (await twin.tissue({ ...options, times: [0, 1.5, 3] })).json;
    // The run takes milliseconds: the live pictures are the requested ones but the last (the result follows).
    const live = shown
      .filter((s) => s.data[TISSUE_MIME_TYPE] !== undefined)
      .map((s) => parseTissue(s.data[TISSUE_MIME_TYPE]));
    expect(live.map((t) => t.header.live)).toEqual([
      { fraction: 0, pictures: 1 },
      { fraction: 0.5, pictures: 2 },
    ]);
    expect(live.map((t) => t.frames.map((f) => f.time))).toEqual([[0], [1.5]]);
    expect(live[1].frames[0].cells).toEqual(parseTissue(result).frames[1].cells);
    expect(result.live).toBeUndefined();
    // One display, updated in place, left as text.
    expect(shown.map((s) => s.kind)).toEqual(['show', 'update', 'update']);
    expect(new Set(shown.map((s) => s.id)).size).toBe(1);
    expect(shown[2].data).toEqual({
      'text/plain': expect.stringMatching(/^tissue: run pictured in [\d.]+ s \(2 live pictures while it ran\)$/),
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
