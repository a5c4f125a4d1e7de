import { describe, expect, it, vi } from 'vitest';
import { cellLevels, severityRanks } from '@immunotwin/engine';
import { builtInModels } from '@immunotwin/models';
import { TwinSession, type ISessionFrame } from '../src/index.js';
import { lungScenario, lungViewAtEnd, odeScenario } from './helpers.js';

async function framesOf(
  scenario: unknown,
  tissue?: { milliseconds?: number; field?: string; unknownField?: 'refuse' | 'first' },
) {
  const session = new TwinSession({ plugins: builtInModels });
  await session.create(scenario);
  const frames: ISessionFrame[] = [];
  await session.run({ chunkMilliseconds: 0, tissue, onFrame: (frame) => void frames.push(frame) });
  return frames;
}

describe('TwinSession: pictures of the model’s space with the frames (tissue)', () => {
  it('pictures the first sample and the last state, the last equal to the space of an engine run', async () => {
    const frames = await framesOf(lungScenario, { milliseconds: 1e9 });
    const pictured = frames.filter((frame) => frame.tissue);
    // Paced at one per 10^9 ms: only the first sample's (day 0) and the last state (always).
    expect(pictured).toEqual([frames[0], frames.at(-1)]);
    expect(frames[0].tissue!.map((picture) => picture.frame.time)).toEqual([0]);
    expect(frames.at(-1)!.tissue).toHaveLength(1);
    const last = frames.at(-1)!.tissue![0];
    expect(last.frame.time).toBe(1);
    const view = lungViewAtEnd();
    expect(last.header).toMatchObject({ model: 'lung', width: 40, height: 40, siteSize: view.siteSize });
    expect(last.header.cellStates).toEqual(view.cellStates);
    expect(last.header.agentTypes).toEqual(view.agents.agentTypes);
    const field = Object.keys(view.fields)[0];
    expect(last.header.field?.id).toBe(field);
    // Bit for bit the engine's space (a 40² section: the field on every site, stride 1).
    expect(last.header.fieldStride).toBe(1);
    expect(last.frame.cells).toEqual(view.cells);
    expect(last.frame.agentSites).toEqual(view.agents.sites);
    expect(last.frame.agentTypes).toEqual(view.agents.types);
    expect(last.frame.field).toEqual(view.fields[field].values);
    // With its levels of detail, made here so the page only uploads them: 40² → 20², 10², 5², 2², 1².
    expect(last.frame.levels!.map((level) => level.width)).toEqual([20, 10, 5, 2, 1]);
    expect(last.frame.levels).toEqual(cellLevels(view.cells, 40, 40, severityRanks(view.cellStates)).slice(1));
    // The run's first picture lists every field of the model with its unit (for a field picker); later ones not.
    expect(frames[0].tissue![0].fields).toEqual(Object.entries(view.fields).map(([id, f]) => ({ id, unit: f.unit })));
    expect(last.fields).toBeUndefined();
  });

  it('sends each picture with the frame of its sample, in time order, on arrays of its own', async () => {
    // Several samples a chunk (the default budget): a frame may carry more than one picture.
    const session = new TwinSession({ plugins: builtInModels });
    await session.create(lungScenario);
    const frames: ISessionFrame[] = [];
    await session.run({ tissue: { milliseconds: 0 }, onFrame: (frame) => void frames.push(frame) });
    const pictures = frames.flatMap((frame) => frame.tissue ?? []);
    // With no least interval, pictures are spaced only by their cost (≤ a tenth of the wall time): how many come
    // depends on the machine's load, but never fewer than the first sample's and the last state's.
    expect(pictures.length).toBeGreaterThanOrEqual(2);
    for (const frame of frames) {
      for (const picture of frame.tissue ?? []) expect(Array.from(frame.time)).toContain(picture.frame.time);
    }
    const times = pictures.map((picture) => picture.frame.time);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(new Set(times).size).toBe(times.length);
    expect([times[0], times.at(-1)]).toEqual([0, 1]);
    expect(new Set(pictures.map((picture) => picture.frame.cells.buffer)).size).toBe(pictures.length);
  });

  it('pictures the state reached at a pause, even between paced pictures', async () => {
    const session = new TwinSession({ plugins: builtInModels });
    await session.create(lungScenario);
    const frames: ISessionFrame[] = [];
    const run = session.run({
      chunkMilliseconds: 0,
      tissue: { milliseconds: 1e9 },
      onFrame: async (frame) => {
        frames.push(frame);
        if (frames.length === 3) await session.pause(); // after the third sample
      },
    });
    try {
      await vi.waitFor(() => expect(frames).toHaveLength(4), { timeout: 5000 });
    } finally {
      await session.resume();
    }
    // The frame sent at the pause: no new sample, the picture of the third sample's state (not due by the pace).
    expect(frames[1].tissue).toBeUndefined();
    expect(frames[2].tissue).toBeUndefined();
    expect(frames[3].time).toHaveLength(0);
    expect(frames[3].tissue!.map((picture) => picture.frame.time)).toEqual([frames[2].time[0]]);
    await run;
    expect(frames.at(-1)!.tissue![0].frame.time).toBe(1);
  });

  it('sends none unless asked, and none for a model without space', async () => {
    expect((await framesOf(lungScenario)).some((frame) => frame.tissue)).toBe(false);
    expect((await framesOf(odeScenario, {})).some((frame) => frame.tissue)).toBe(false);
  });

  it('draws the field asked for, and refuses an unknown one naming the allowed ids', async () => {
    const frames = await framesOf(lungScenario, { field: 'ifn', milliseconds: 1e9 });
    expect(frames.at(-1)!.tissue![0].header.field?.id).toBe('ifn');
    await expect(framesOf(lungScenario, { field: 'oxygen' })).rejects.toThrow(
      /tissue pictures: unknown field "oxygen"; allowed: virions, .*ifn/,
    );
    await expect(framesOf(lungScenario, { field: 'oxygen', unknownField: 'refuse' })).rejects.toThrow(
      /unknown field "oxygen"/,
    );
  });

  it('draws the first field instead of an unknown one when asked to, saying so once, or refuses a bad choice', async () => {
    // A workbench's saved field may have gone stale: the run goes on, drawing the model's first field.
    const frames = await framesOf(lungScenario, { field: 'oxygen', unknownField: 'first', milliseconds: 1e9 });
    const pictures = frames.flatMap((frame) => frame.tissue ?? []);
    expect(pictures.map((picture) => picture.header.field?.id)).toEqual(['virions', 'virions']);
    expect(pictures[0].note).toBe(
      'Lung Twin has no field "oxygen": drawing "virions"; its fields: virions, ifn, chemokine, cytokine, ros',
    );
    expect(pictures[1].note).toBeUndefined();
    // A field the model has is drawn with no note.
    const known = await framesOf(lungScenario, { field: 'ifn', unknownField: 'first', milliseconds: 1e9 });
    expect(known[0].tissue![0]).toMatchObject({ header: { field: { id: 'ifn' } } });
    expect(known[0].tissue![0].note).toBeUndefined();
    await expect(framesOf(lungScenario, { field: 'oxygen', unknownField: 'skip' as 'first' })).rejects.toThrow(
      'tissue.unknownField must be "refuse" or "first"; got "skip"',
    );
  });
});
