import { describe, expect, it } from 'vitest';
import type { TissueFrame, TissueHeader } from '@immunotwin/engine';
import { MAX_KEPT_PICTURES, pictureBytes, pictureNear, TissueHistory } from '../src/tissue/tissueHistory.js';

/** A `side × side` section's header, with its field on every site. */
function header(side = 4): TissueHeader {
  return {
    version: 2,
    model: 'lung',
    title: 'Lung Twin',
    timeUnit: 'day',
    width: side,
    height: side,
    siteSize: 5,
    cellStates: ['healthy', 'dead'],
    agentTypes: ['cd8'],
    field: { id: 'virions', unit: 'virions' },
    fieldStride: 1,
  };
}

/** A picture at `time` of a `side × side` section (its bytes: side² cells + side² · 4 field + 4 + 1 agent). */
function picture(time: number, side = 4): TissueFrame {
  return {
    time,
    cells: new Uint8Array(side * side),
    agentSites: new Int32Array([0]),
    agentTypes: new Uint8Array([0]),
    field: new Float32Array(side * side),
  };
}

const timesOf = (history: TissueHistory): number[] => history.tissue!.frames.map((frame) => frame.time);

describe('TissueHistory: the pictures of a run kept for a tissue view, in bounded memory', () => {
  it('keeps every picture, in order, while under its bounds', () => {
    const history = new TissueHistory(8);
    expect(history.tissue).toBeUndefined();
    for (let t = 0; t < 8; t++) history.push(header(), picture(t));
    expect(timesOf(history)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(history.tissue!.fieldGrid).toEqual({ stride: 1, width: 4, height: 4 });
  });

  it('over a long run keeps at most the bound: the first, evenly spread ones and the newest', () => {
    const history = new TissueHistory(); // the standard bound, 64 pictures
    for (let t = 0; t < 1000; t++) {
      history.push(header(), picture(t));
      const times = timesOf(history);
      expect(times.length).toBeLessThanOrEqual(MAX_KEPT_PICTURES);
      expect(times[0]).toBe(0);
      expect(times.at(-1)).toBe(t);
      // Thinning takes every other picture: never fewer than half the bound once it is reached.
      if (t >= MAX_KEPT_PICTURES) expect(times.length).toBeGreaterThanOrEqual(MAX_KEPT_PICTURES / 2);
      // Evenly spread: every kept picture but the newest is a multiple of one stride from the first.
      const stride = times[1] - times[0];
      times.slice(0, -1).forEach((time, i) => expect(time).toBe(i * stride));
    }
    // 1000 pictures in at most 64: one kept in every 16 at least (1000 / 64 > 15).
    expect(history.stride).toBeGreaterThanOrEqual(16);
    expect(history.taken).toBe(1000);
  });

  it('keeps the bytes within its bound, and at least the first and the newest picture whatever their size', () => {
    const bytes = pictureBytes(picture(0, 100)); // 100² · 5 + 5 bytes
    expect(bytes).toBe(50_005);
    // Levels of detail a live picture came with count too: 50² + 25² bytes more.
    const levels = [50, 25].map((side) => ({ width: side, height: side, cells: new Uint8Array(side * side) }));
    expect(pictureBytes({ ...picture(0, 100), levels })).toBe(50_005 + 2500 + 625);
    const history = new TissueHistory(64, 10 * bytes);
    for (let t = 0; t < 200; t++) {
      history.push(header(100), picture(t, 100));
      expect(history.bytes).toBeLessThanOrEqual(10 * bytes);
    }
    expect(history.tissue!.frames.length).toBeGreaterThanOrEqual(5);
    const tiny = new TissueHistory(64, bytes / 2);
    for (let t = 0; t < 10; t++) tiny.push(header(100), picture(t, 100));
    expect(timesOf(tiny)).toEqual([0, 9]);
  });

  it('shows the last run until the next run’s first picture, which replaces them all', () => {
    const history = new TissueHistory();
    for (let t = 0; t < 5; t++) history.push(header(), picture(t));
    history.restart();
    expect(timesOf(history)).toEqual([0, 1, 2, 3, 4]);
    history.push(header(), picture(0.5));
    expect(timesOf(history)).toEqual([0.5]);
    expect(history.taken).toBe(1);
  });

  it('starts over when the space changes (another section size), and forgets everything on clear', () => {
    const history = new TissueHistory();
    for (let t = 0; t < 3; t++) history.push(header(4), picture(t, 4));
    history.push(header(6), picture(3, 6));
    expect(timesOf(history)).toEqual([3]);
    expect(history.tissue!.header.width).toBe(6);
    history.clear();
    expect(history.tissue).toBeUndefined();
  });

  it('gives a new tissue object after each picture (what a lit view redraws on) and the same one otherwise', () => {
    const history = new TissueHistory();
    history.push(header(), picture(0));
    const first = history.tissue;
    expect(history.tissue).toBe(first);
    history.push(header(), picture(1));
    expect(history.tissue).not.toBe(first);
  });
});

describe('pictureNear', () => {
  it('finds the kept picture nearest a chosen time', () => {
    const frames = [0, 2, 4, 8].map((t) => picture(t));
    expect(pictureNear(frames, 3.1)).toBe(2);
    expect(pictureNear(frames, 2.9)).toBe(1);
    expect(pictureNear(frames, 100)).toBe(3);
    expect(pictureNear([], 1)).toBe(0);
  });
});
