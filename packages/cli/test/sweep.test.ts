import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { tableFromIPC, type Table } from 'apache-arrow';
import { readParquet } from 'parquet-wasm/node';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { designPoints, parseDesign, peakValue, runScenarioSync } from '@immunotwin/engine';
import { builtInRegistry } from '@immunotwin/models';
import { cli, tempDir, type TempDir } from './helpers.js';

/** A 20-run Latin hypercube over infection rate (log scale) and clearance of the target-cell-limited twin. */
const design = {
  version: 1,
  scenario: { model: 'target-cell-limited', duration: 10, outputInterval: 0.1 },
  parameters: [
    { id: 'beta', range: [1e-5, 1e-4], scale: 'log' },
    { id: 'c', range: [2, 10] },
  ],
  design: { kind: 'lhs', n: 20, seed: 3 },
  outcomes: [
    { observable: 'V', summary: 'peak' },
    { observable: 'V', summary: 'auc', log10: true },
  ],
};

let dir: TempDir;
beforeEach(async () => {
  dir = await tempDir();
  await dir.write('design.json', design);
});
afterEach(async () => {
  await dir.dispose();
});

const read = async (name: string): Promise<Uint8Array> => new Uint8Array(await readFile(join(dir.path, name)));
const parquetTable = async (name: string): Promise<Table> =>
  tableFromIPC(readParquet(await read(name)).intoIPCStream());

describe('immunotwin sweep and merge', () => {
  it('writes a row per run: the design’s parameter sets and the engine’s outcomes of each', async () => {
    const { code, stderr } = await cli(['sweep', 'design.json', '--out', 'full.parquet', '--quiet'], { cwd: dir.path });
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const table = await parquetTable('full.parquet');
    expect(table.schema.fields.map((f) => f.name)).toEqual(['run', 'replicate', 'beta', 'c', 'V.peak', 'V.auc']);
    expect(table.numRows).toBe(20);
    const registry = builtInRegistry();
    const points = designPoints(parseDesign(design), registry.get('target-cell-limited').manifest);
    for (const k of [0, 7, 19]) {
      expect(table.getChild('run')!.get(k)).toBe(k);
      expect(table.getChild('beta')!.get(k)).toBe(points[k]!.beta);
      expect(table.getChild('c')!.get(k)).toBe(points[k]!.c);
      // The same run done here, one scenario at a time, and its peak viral load.
      const run = runScenarioSync(
        registry.resolve({ ...design.scenario, parameters: { beta: points[k]!.beta, c: points[k]!.c } }),
      ).runs[0]!;
      expect(table.getChild('V.peak')!.get(k)).toBe(peakValue(run.time, run.observables.V!));
    }
    expect(JSON.parse(table.schema.metadata.get('immunotwin.units')!)).toMatchObject({
      'V.peak': 'TCID50/mL',
      'V.auc': 'log10(TCID50/mL)·day',
      c: '1/day',
    });
  });

  it('gives, merged from 3 shards in any order, the same bytes as one machine (Parquet and Arrow)', async () => {
    for (const ext of ['parquet', 'arrow']) {
      await cli(['sweep', 'design.json', '--out', `full.${ext}`, '--quiet'], { cwd: dir.path });
      for (const i of [0, 1, 2]) {
        const shard = await cli(['sweep', 'design.json', '--out', `part${i}.${ext}`, '--shard', `${i}/3`, '--quiet'], {
          cwd: dir.path,
        });
        expect(shard.code).toBe(0);
      }
      const merged = await cli(['merge', `part2.${ext}`, `part0.${ext}`, `part1.${ext}`, '--out', `merged.${ext}`], {
        cwd: dir.path,
      });
      expect(merged.stderr).toBe(`merge: 3 parts, 20 rows; wrote merged.${ext}\n`);
      expect(Buffer.from(await read(`merged.${ext}`)).equals(Buffer.from(await read(`full.${ext}`))), ext).toBe(true);
    }
  });

  it('refuses a damaged part, naming it, even one that makes the Arrow decoder loop for ever', async () => {
    for (const i of [0, 1]) {
      await cli(['sweep', 'design.json', '--out', `part${i}.arrow`, '--shard', `${i}/2`, '--quiet'], { cwd: dir.path });
    }
    // Found by the fuzz suite: byte 8 (the first byte of the schema message's length) set to 227 made
    // apache-arrow's tableFromIPC spin without end, so `merge` hung; parts are now decoded in a worker thread
    // with a time limit (5 s for a small file).
    const looping = Buffer.from(await read('part0.arrow'));
    looping[8] = 227;
    await writeFile(join(dir.path, 'looping.arrow'), looping);
    const hung = await cli(['merge', 'looping.arrow', 'part1.arrow', '--out', 'm.csv'], { cwd: dir.path });
    expect(hung.stderr).toBe(
      'immunotwin: error: looping.arrow: not a sweep table (the reader did not finish within 5 s)\n',
    );
    expect(hung.code).toBe(1);
    // A part cut short is refused with the decoder's own reason.
    await writeFile(join(dir.path, 'cut.arrow'), (await read('part0.arrow')).subarray(0, 200));
    const cut = await cli(['merge', 'cut.arrow', 'part1.arrow', '--out', 'm.csv'], { cwd: dir.path });
    expect(cut.stderr).toMatch(/^immunotwin: error: cut\.arrow: not a sweep table \(.+\)\n$/);
    expect(await dir.files()).not.toContain('m.csv');
  });

  it('refuses a bad shard, missing runs and a part given twice, saying what is wrong', async () => {
    const shard = await cli(['sweep', 'design.json', '--out', 'x.parquet', '--shard', '3/3'], { cwd: dir.path });
    expect(shard.code).toBe(2);
    expect(shard.stderr).toContain('option --shard: "3/3" is not a shard; allowed: i/n with 0 ≤ i < n, e.g. 0/4');
    for (const i of [0, 1]) {
      await cli(['sweep', 'design.json', '--out', `part${i}.parquet`, '--shard', `${i}/2`, '--quiet'], {
        cwd: dir.path,
      });
    }
    const missing = await cli(['merge', 'part0.parquet', '--out', 'm.parquet'], { cwd: dir.path });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain(
      "the parts hold 10 of the design's 20 runs; missing: 10, 11, 12, 13, 14, 15, 16, 17, 18, 19",
    );
    const twice = await cli(['merge', 'part0.parquet', 'part0.parquet', 'part1.parquet', '--out', 'm.parquet'], {
      cwd: dir.path,
    });
    expect(twice.code).toBe(1);
    expect(twice.stderr).toContain('run 0, replicate 0 is in two parts; give each shard once');
  });

  it('gives the same bytes with 1 worker thread and with 3', async () => {
    for (const workers of ['1', '3']) {
      const { code } = await cli(['sweep', 'design.json', '--out', `w${workers}.parquet`, '--workers', workers, '-q'], {
        cwd: dir.path,
      });
      expect(code).toBe(0);
    }
    expect(Buffer.from(await read('w1.parquet')).equals(Buffer.from(await read('w3.parquet')))).toBe(true);
    const bad = await cli(['sweep', 'design.json', '--out', 'x.parquet', '--workers', '0'], { cwd: dir.path });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('option --workers must be a whole number of threads from 1 to 1024; got "0"');
  });

  it("runs a plugin's model in the worker threads (the module reaches them as a descriptor)", async () => {
    // First-order decay stepped exactly, x(t) = 100·e^(−k·t), from an ES module outside the suite.
    await dir.write(
      'decay.mjs',
      `export default () => ({
        manifest: {
          id: 'outside-decay', title: 'Outside decay', version: '0.1.0', description: 'First-order decay.',
          timeUnit: 'day', methods: ['agent'], defaults: { duration: 10, outputInterval: 5 },
          parameters: [{ id: 'k', label: 'rate', unit: '1/day', default: 0.2, min: 0, max: 5, scale: 'linear',
                         description: 'loss rate', source: 'test' }],
          observables: [{ id: 'x', label: 'amount', unit: '1' }],
          interventions: [], presets: [], assumptions: ['Test model.'], references: [],
        },
        createStepped(context) {
          let x = 100;
          return { dt: 0.5, step(h) { x *= Math.exp(-context.parameters.k * h); }, observe(out) { out[0] = x; },
                   apply() {}, snapshot() { return x; }, restore(saved) { x = saved; } };
        },
      });`,
    );
    await dir.write('decay-design.json', {
      version: 1,
      scenario: { model: 'outside-decay' },
      parameters: [{ id: 'k', values: [0.1, 0.2, 0.4] }],
      design: { kind: 'grid' },
      outcomes: [{ observable: 'x', summary: 'final' }],
    });
    const { code, stderr } = await cli(
      ['sweep', 'decay-design.json', '--out', 'decay.parquet', '--plugin', './decay.mjs', '--workers', '2', '-q'],
      { cwd: dir.path },
    );
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const table = await parquetTable('decay.parquet');
    // x(10) = 100·e^(−10k) for k = 0.1, 0.2, 0.4: 36.788, 13.534, 1.832.
    const finals = Array.from(table.getChild('x.final')!.toArray() as Float64Array);
    [36.787944, 13.533528, 1.831564].forEach((expected, i) => expect(finals[i]).toBeCloseTo(expected, 5));
  });

  it('says a worker died, and writes nothing, when a model ends its worker thread mid-sweep', async () => {
    // A test-only model whose step ends its worker thread when k ≥ 0.4 (a crash a researcher's plugin could cause).
    await dir.write(
      'exiting.mjs',
      `export default () => ({
        manifest: {
          id: 'exiting-test', title: 'Exiting', version: '0.1.0', description: 'Ends its worker (test).',
          timeUnit: 'day', methods: ['agent'], defaults: { duration: 2, outputInterval: 1 },
          parameters: [{ id: 'k', label: 'k', unit: '1', default: 0.1, min: 0, max: 1, scale: 'linear',
                         description: 'at 0.4 or more the step exits', source: 'test' }],
          observables: [{ id: 'x', label: 'x', unit: '1' }],
          interventions: [], presets: [], assumptions: ['Test model.'], references: [],
        },
        createStepped(context) {
          return { dt: 1, step() { if (context.parameters.k >= 0.4) process.exit(3); }, observe(out) { out[0] = 1; },
                   apply() {}, snapshot() { return 0; }, restore() {} };
        },
      });`,
    );
    await dir.write('exiting-design.json', {
      version: 1,
      scenario: { model: 'exiting-test' },
      parameters: [{ id: 'k', values: [0.1, 0.4] }],
      design: { kind: 'grid' },
      outcomes: [{ observable: 'x', summary: 'final' }],
    });
    const before = await dir.files();
    const { code, stderr } = await cli(
      ['sweep', 'exiting-design.json', '--out', 'x.parquet', '--plugin', './exiting.mjs', '--workers', '2', '-q'],
      { cwd: dir.path },
    );
    expect(stderr).toBe(
      'immunotwin: error: a worker died during the run, so no output was written. The worker stopped: exit code 3.\n',
    );
    expect(code).toBe(1);
    expect(await dir.files()).toEqual(before);
  });
});
