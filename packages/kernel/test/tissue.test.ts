import { type TissueJson, TISSUE_MIME_TYPE } from '@immunotwin/engine';
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
    expect(json).toMatchObject({ version: 1, model: 'dying-agents-test', width: 10, cellStates: ['dead', 'alive'] });
    expect(json.field).toEqual({ id: 'clock', unit: 'days' });
    expect(json.frames.map((f) => f.time)).toEqual([0, 1.5, 3]);
    // The same seed gives the same run: live cells in each picture = the observable at that time.
    const { time, values } = twin.observe(await twin.run(options), 'alive');
    for (const frame of json.frames) {
      const alive = bytes(frame.cells).reduce((sum, state) => sum + state, 0);
      expect(alive).toBe(values[time.indexOf(frame.time)]);
      expect(new Float32Array(bytes(frame.field!).buffer)[0]).toBeCloseTo(frame.time, 5);
    }
    expect(String(tissue.toMimeBundle().data['text/plain'])).toContain('3 pictures at t = 0, 1.5, 3 (day)');
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
