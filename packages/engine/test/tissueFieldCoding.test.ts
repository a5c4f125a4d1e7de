import { describe, expect, it } from 'vitest';
import {
  blockMeans,
  dequantizeField,
  encodeTissueFrame,
  fieldGrid,
  parseTissue,
  pictureFields,
  ValidationError,
  quantizeField,
  tissueFieldStride,
  TISSUE_BUNDLE_VERSION,
  typedArrayToBase64,
  type TissueJson,
  type TissueView,
} from '../src/index.js';
import { tissueSection } from './fixtures/tissueSection.js';

/** A view of a `side²` lattice: states by a stripe pattern, a smooth field (a Gaussian hill), two agents. */
function view(side: number): TissueView {
  const field = new Float32Array(side * side);
  for (let y = 0; y < side; y++) {
    for (let x = 0; x < side; x++) {
      field[y * side + x] = 1e4 * Math.exp(-((x - side / 2) ** 2 + (y - side / 3) ** 2) / (side * side * 0.02));
    }
  }
  return tissueSection(
    side,
    (x) => (x >> 4) % 3,
    { virions: { values: field, unit: 'virions' } },
    { sites: Int32Array.of(0, side * side - 1), types: Uint8Array.of(0, 1), agentTypes: ['cd8', 'nk'] },
  );
}

function bundleOf(v: TissueView, time = 1): TissueJson {
  return {
    version: TISSUE_BUNDLE_VERSION,
    model: 'test',
    title: 'Test',
    timeUnit: 'day',
    width: v.width,
    height: v.height,
    siteSize: v.siteSize,
    cellStates: [...v.cellStates],
    agentTypes: [...v.agents.agentTypes],
    field: { id: 'virions', unit: 'virions' },
    fieldStride: tissueFieldStride(v.width, v.height),
    frames: [encodeTissueFrame(v, time, 'virions')],
  };
}

describe('the field grid of a tissue bundle', () => {
  it('keeps every site up to 1024 a side and averages over the smallest blocks that fit beyond', () => {
    expect(fieldGrid(1024, 1024)).toEqual({ stride: 1, width: 1024, height: 1024 });
    expect(fieldGrid(3000, 3000)).toEqual({ stride: 3, width: 1000, height: 1000 });
    expect(fieldGrid(1025, 10)).toEqual({ stride: 2, width: 513, height: 5 });
  });

  it('holds each block’s mean, edge blocks over the sites they have', () => {
    // 5 × 3 sites, values = x + 10·y; blocks of 2: the right column and the bottom row are partial.
    const values = Float32Array.from({ length: 15 }, (_, i) => (i % 5) + 10 * Math.floor(i / 5));
    const means = blockMeans(values, 5, 3, { stride: 2, width: 3, height: 2 });
    // (0+1+10+11)/4, (2+3+12+13)/4, (4+14)/2; (20+21)/2, (22+23)/2, 24
    expect([...means]).toEqual([5.5, 7.5, 9, 20.5, 22.5, 24]);
  });
});

describe('16-bit quantization of a field', () => {
  it('recovers every value within half a code step, and the extremes exactly', () => {
    const values = Float64Array.from({ length: 10_000 }, (_, i) => -3 + 1e5 * Math.sin(i) ** 2);
    const quantized = quantizeField(values);
    const back = dequantizeField(quantized);
    expect(quantized.offset).toBe(Math.min(...values));
    expect(quantized.scale).toBeCloseTo((Math.max(...values) - Math.min(...values)) / 65535, 10);
    let worst = 0;
    for (let i = 0; i < values.length; i++) worst = Math.max(worst, Math.abs(back[i] - values[i]));
    // Half a step of rounding, plus float32's relative error (2^-24) on values up to 1e5 when stored.
    expect(worst).toBeLessThanOrEqual(quantized.scale / 2 + 1e5 * 2 ** -23);
    expect(Math.max(...back)).toBeCloseTo(Math.max(...values), 1);
  });

  it('stores a uniform field with step 0, exactly', () => {
    const quantized = quantizeField(new Float32Array(100).fill(2.5));
    expect(quantized.scale).toBe(0);
    expect([...new Set(dequantizeField(quantized))]).toEqual([2.5]);
  });
});

describe('tissue bundles of large sections', () => {
  it('take a 3000² picture of stripes in 3.8 MB of base64 for the cells and 2.7 MB for the field, decoded on a 1000² grid', () => {
    const v = view(3000);
    const bundle = bundleOf(v);
    const frame = bundle.frames[0];
    // Stripes 16 sites wide: 188 runs a row (the last 8 sites wide), none joining the next row's first (state 1
    // against 0): 564 000 runs of 5 bytes, 2.8 MB, where per site they would be 9 MB (12 MB of base64).
    const runs = frame.cells as { codes: string; lengths: string };
    expect(runs.codes.length).toBe((564_000 / 3) * 4);
    expect(runs.lengths.length).toBe(((564_000 * 4) / 3) * 4);
    const field = frame.field as { codes: string; offset: number; scale: number };
    expect(field.codes.length).toBe(Math.ceil(2_000_000 / 3) * 4); // 1000² Uint16 codes
    const tissue = parseTissue(bundle);
    expect(tissue.fieldGrid).toEqual({ stride: 3, width: 1000, height: 1000 });
    const cells = tissue.frames[0].cells;
    let same = cells.length === v.cells.length;
    for (let i = 0; same && i < cells.length; i++) same = cells[i] === v.cells[i]; // (toEqual is slow on 9 M values)
    expect(same).toBe(true);
    // Block (500, 333) holds sites x 1500–1502, y 999–1001, next to the hill's top (1500, 1000).
    const means = blockMeans(v.fields.virions.values, 3000, 3000, tissue.fieldGrid);
    const decoded = tissue.frames[0].field!;
    const block = 333 * 1000 + 500;
    expect(Math.abs(decoded[block] - means[block])).toBeLessThanOrEqual(field.scale / 2 + 1e4 * 2 ** -23);
    expect(decoded[block]).toBeGreaterThan(0.99e4);
  });

  it('keep reading version 1 bundles (float32 per site), and refuse a float32 field on a coarser grid', () => {
    const v = view(20);
    const v1: TissueJson = {
      ...bundleOf(v),
      version: 1,
      fieldStride: undefined,
      frames: [{ ...encodeTissueFrame(v, 0, undefined), field: typedArrayToBase64(v.fields.virions.values) }],
    };
    delete v1.fieldStride;
    const tissue = parseTissue(JSON.stringify(v1));
    expect(tissue.fieldGrid).toEqual({ stride: 1, width: 20, height: 20 });
    expect(tissue.frames[0].field).toEqual(v.fields.virions.values);
    expect(() => parseTissue({ ...v1, fieldStride: 2 })).toThrow(/float32 per site, but fieldStride is 2/);
    expect(() => parseTissue({ ...v1, version: 4 })).toThrow(/format version 4 is not supported; allowed: 1, 2, 3/);
  });

  it('keep reading version 2 bundles (the cell states per site)', () => {
    const v = view(20);
    const v2: TissueJson = {
      ...bundleOf(v),
      version: 2,
      frames: [{ ...encodeTissueFrame(v, 0, 'virions'), cells: typedArrayToBase64(v.cells) }],
    };
    expect(parseTissue(JSON.stringify(v2)).frames[0].cells).toEqual(v.cells);
  });

  it('may say that the run goes on: how far it is and how many live pictures came', () => {
    const bundle = { ...bundleOf(view(20)), live: { fraction: 0.25, pictures: 3 } };
    expect(parseTissue(bundle).header.live).toEqual({ fraction: 0.25, pictures: 3 });
    expect(() => parseTissue({ ...bundle, live: { fraction: 1.5, pictures: 3 } })).toThrow(/live\.fraction/);
  });
});

describe('tissue bundles with broken data', () => {
  /** The first issue `parseTissue` refuses `json` with (it must be a ValidationError). */
  function refusal(json: unknown): { path: string; message: string } {
    try {
      parseTissue(json);
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError);
      return (error as ValidationError).issues[0];
    }
    throw new Error('expected a refusal');
  }

  it('are refused with a ValidationError naming the array, not a RangeError (found by fuzzing: fieldStride × 1000)', () => {
    const bundle = bundleOf(view(12));
    // fieldStride 12000 on a 12² lattice: a 1 × 1 field grid, but the frame holds 144 codes.
    expect(refusal({ ...bundle, fieldStride: 12000 })).toEqual({
      path: 'frames[0].field.codes',
      message: 'has 144 values; expected 1 (the 1 × 1 field grid)',
    });
    const frame = bundle.frames[0];
    expect(refusal({ ...bundle, frames: [{ ...frame, cells: 'AAAAA' }] })).toEqual({
      path: 'frames[0].cells',
      message: 'is not base64 data; allowed: base64 text of the bytes',
    });
    expect(refusal({ ...bundle, frames: [{ ...frame, cells: typedArrayToBase64(new Uint8Array(143)) }] })).toEqual({
      path: 'frames[0].cells',
      message: 'has 143 values; expected 144 (width × height)',
    });
    expect(refusal({ ...bundle, frames: [{ ...frame, agents: { ...frame.agents, sites: 'AAA=' } }] })).toEqual({
      path: 'frames[0].agents.sites',
      message: 'has 2 bytes, not a whole number of 4-byte values',
    });
    expect(
      refusal({
        ...bundle,
        frames: [{ ...frame, agents: { ...frame.agents, types: typedArrayToBase64(Uint8Array.of(0)) } }],
      }),
    ).toEqual({ path: 'frames[0].agents.types', message: 'has 1 values; expected 2 (one per agent site)' });
  });
  it('are refused when their cell states as runs (version 3) do not make the section, naming what is wrong', () => {
    const bundle = bundleOf(view(12)); // 144 sites
    const withRuns = (codes: Uint8Array, lengths: Uint32Array) => ({
      ...bundle,
      frames: [
        { ...bundle.frames[0], cells: { codes: typedArrayToBase64(codes), lengths: typedArrayToBase64(lengths) } },
      ],
    });
    expect(refusal(withRuns(Uint8Array.of(0, 2), Uint32Array.of(144)))).toEqual({
      path: 'frames[0].cells',
      message: 'has 2 codes but 1 lengths; expected one length per code',
    });
    expect(refusal(withRuns(Uint8Array.of(0, 2), Uint32Array.of(144, 0)))).toEqual({
      path: 'frames[0].cells',
      message: 'run 1 has length 0; allowed: at least 1 site a run',
    });
    expect(refusal(withRuns(Uint8Array.of(0, 2), Uint32Array.of(100, 43)))).toEqual({
      path: 'frames[0].cells',
      message: 'covers 143 sites; expected 144 (width × height)',
    });
    const lengthsNotWhole = { ...bundle.frames[0], cells: { codes: 'AA==', lengths: 'AAA=' } };
    expect(refusal({ ...bundle, frames: [lengthsNotWhole] })).toEqual({
      path: 'frames[0].cells.lengths',
      message: 'has 2 bytes, not a whole number of 4-byte values',
    });
  });
});

describe('pictureFields', () => {
  it('asks a view for every field before the header, then for the drawn field alone (none when none is drawn)', () => {
    expect(pictureFields(undefined)).toBeUndefined();
    expect(pictureFields({ field: { id: 'cytokine', unit: 'a.u./site' } })).toEqual(['cytokine']);
    expect(pictureFields({ field: null })).toEqual([]);
  });
});
