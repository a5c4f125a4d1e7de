import { readFile } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { targetCellLimitedManifest } from '@immunotwin/model-within-host';
import { cli, parseCsv, tempDir, type TempDir } from './helpers.js';

/**
 * A stepped model as an ES module from outside the suite, written the way a notebook cell's code travels: a
 * default export that receives the engine API. First-order decay, stepped exactly: x(t) = x0·e^(−k·t).
 */
const DECAY_MODULE = `
const manifest = {
  id: 'outside-decay', title: 'Outside decay', version: '0.1.0', description: 'First-order decay.',
  timeUnit: 'day', methods: ['agent'], defaults: { duration: 10, outputInterval: 5 },
  parameters: [
    { id: 'k', label: 'rate', unit: '1/day', default: 0.2, min: 0, max: 5, scale: 'linear', description: 'loss rate', source: 'test' },
  ],
  observables: [{ id: 'x', label: 'amount', unit: '1' }],
  interventions: [], presets: [], assumptions: ['Test model.'], references: [],
};
export default (engine) => ({
  manifest,
  createStepped(context) {
    let x = 100;
    return {
      dt: 0.5,
      step(h) { x *= Math.exp(-context.parameters.k * h); },
      observe(out) { out[0] = x; },
      apply() {},
      snapshot() { return x; },
      restore(saved) { x = saved; },
    };
  },
});
`;

let dir: TempDir;
beforeEach(async () => {
  dir = await tempDir();
});
afterEach(async () => {
  await dir.dispose();
});

describe('immunotwin run --plugin', () => {
  it('runs a model from an ES module given by path', async () => {
    await dir.write('decay.mjs', DECAY_MODULE);
    await dir.write('s.json', { model: 'outside-decay' });
    const { code, stdout, stderr } = await cli(['run', 's.json', '--plugin', './decay.mjs', '--quiet'], {
      cwd: dir.path,
    });
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const { header, rows } = parseCsv(stdout);
    expect(header).toEqual(['time', 'x']);
    // 100·e^(−0.2·t) at t = 0, 5, 10: 100, 36.788, 13.534.
    expect(rows.map((r) => r[0])).toEqual([0, 5, 10]);
    expect(rows[1][1]).toBeCloseTo(36.787944, 5);
    expect(rows[2][1]).toBeCloseTo(13.533528, 5);
  });

  it('reports a run that fails in the solver as an error of the scenario, naming its values', async () => {
    // The engine's test model whose removal rate diverges as A reaches the floor (at t = 4 days for these values).
    const manifest = new URL('../../engine/test/fixtures/divergingDecay.manifest.json', import.meta.url);
    await dir.write('diverging.json', JSON.parse(await readFile(manifest, 'utf8')));
    await dir.write('s.json', { model: 'diverging-decay', parameters: { k: 20, floor: 600 } });
    const { code, stdout, stderr } = await cli(['run', 's.json', '--plugin', 'diverging.json', '--out', 'out.csv'], {
      cwd: dir.path,
    });
    expect(stderr).toMatch(
      /^immunotwin: error: the run of "diverging-decay" failed before t = 4\.5 \(replicate 0\): .*step size underflow at t = 4\.0000.*The values that led to it: parameters k = 20, floor = 600; method ode/,
    );
    expect(stderr).not.toMatch(/internal error/);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(await dir.files()).toEqual(['diverging.json', 's.json']);
  });

  it('runs a reaction network from its manifest file, as the built-in model of the same network runs', async () => {
    await dir.write('network.json', { ...targetCellLimitedManifest, id: 'my-network', kernel: undefined });
    await dir.write('mine.json', { model: 'my-network', duration: 10, outputInterval: 2 });
    await dir.write('builtin.json', { model: 'target-cell-limited', duration: 10, outputInterval: 2 });
    const mine = await cli(['run', 'mine.json', '--plugin', 'network.json', '--quiet'], { cwd: dir.path });
    const builtIn = await cli(['run', 'builtin.json', '-q'], { cwd: dir.path });
    expect(mine.stderr).toBe('');
    expect(mine.code).toBe(0);
    expect(mine.stdout).toBe(builtIn.stdout);
  });

  it('refuses a module whose model takes a built-in id, naming the module and the owner', async () => {
    // A module that cannot be found or exports no model: see plugins.test.ts.
    await dir.write('s.json', { model: 'outside-decay' });
    await dir.write('taken.mjs', DECAY_MODULE.replace("id: 'outside-decay'", "id: 'target-cell-limited'"));
    const taken = await cli(['run', 's.json', '--plugin', './taken.mjs'], { cwd: dir.path });
    expect(taken.code).toBe(1);
    expect(taken.stderr).toBe(
      'immunotwin: error: ./taken.mjs: model id "target-cell-limited" is already taken by a built-in model\n',
    );
  });
});
