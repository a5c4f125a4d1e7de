import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ModelManifest } from '@immunotwin/engine';
import { cli, parseCsv, tempDir, type TempDir } from './helpers.js';

/** First-order decay A → ∅ at rate k: A(t) = A0·e^(−k·t), so the CLI's numbers can be checked exactly. */
const decay: ModelManifest = {
  id: 'first-order-decay',
  title: 'First-order decay',
  version: '1.0.0',
  description: 'A single species decaying at a constant rate.',
  timeUnit: 'day',
  methods: ['ode'],
  defaults: { duration: 4, outputInterval: 1 },
  parameters: [
    {
      id: 'k',
      label: 'decay rate',
      unit: '1/day',
      default: 0.5,
      min: 0,
      max: 10,
      scale: 'linear',
      description: 'fraction lost per day',
      source: 'illustrative',
    },
    {
      id: 'A0',
      label: 'initial amount',
      unit: 'cells',
      default: 10,
      min: 0,
      max: 1000,
      scale: 'linear',
      description: 'amount at time 0',
      source: 'illustrative',
    },
  ],
  network: {
    species: [{ id: 'A', label: 'A', unit: 'cells', initial: 'A0' }],
    reactions: [{ id: 'loss', reactants: { A: 1 }, products: {}, law: 'massAction', rate: 'k' }],
  },
  observables: [{ id: 'A', label: 'A', unit: 'cells' }],
  interventions: [],
  presets: [],
  assumptions: ['Illustrative.'],
  references: [],
};

let dir: TempDir;
beforeEach(async () => {
  dir = await tempDir();
});
afterEach(async () => {
  await dir.dispose();
});

describe('--plugin: reaction-network manifests as data plugins', () => {
  it('runs a scenario of a plugin model (the analytic decay, to 1e-8)', async () => {
    await dir.write('decay.json', decay);
    await dir.write('s.json', {
      model: 'first-order-decay',
      duration: 4,
      outputInterval: 1,
      solver: { rtol: 1e-11, atol: 1e-13 },
    });
    const { code, stderr } = await cli(['run', 's.json', '--plugin', 'decay.json', '--out', 'out.csv', '--quiet'], {
      cwd: dir.path,
    });
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const { header, rows } = parseCsv(await readFile(join(dir.path, 'out.csv'), 'utf8'));
    expect(header).toEqual(['time', 'A']);
    expect(rows.map((r) => r[0])).toEqual([0, 1, 2, 3, 4]);
    for (const [t, a] of rows) expect(Math.abs(a / (10 * Math.exp(-0.5 * t)) - 1)).toBeLessThan(1e-8);
  });

  it('lists plugins beside the built-ins and describes them; several --plugin options add several models', async () => {
    await dir.write('decay.json', decay);
    await dir.write('decay2.json', { ...decay, id: 'second-decay', title: 'Second decay' });
    const list = await cli(['models', '--plugin', 'decay.json', '--plugin=decay2.json'], { cwd: dir.path });
    expect(list.stderr).toBe('');
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(/\nfirst-order-decay\s+First-order decay\s+ode\n/);
    expect(list.stdout).toMatch(/\nsecond-decay\s+Second decay\s+ode\n/);
    expect(list.stdout).toMatch(/\ntarget-cell-limited\s+/);
    const one = await cli(['models', 'first-order-decay', '--plugin', 'decay.json'], { cwd: dir.path });
    expect(one.stdout).toMatch(/\n {2}k\s+1\/day\s+0\.5\s+0 to 10\s+linear\s+illustrative\n/);
  });

  it('validates scenarios against plugin models', async () => {
    await dir.write('decay.json', decay);
    await dir.write('s.json', { model: 'first-order-decay', parameters: { k: 50 } });
    const { code, stderr } = await cli(['validate', 's.json', '--plugin', 'decay.json'], { cwd: dir.path });
    expect(code).toBe(1);
    expect(stderr).toBe(
      'immunotwin: error: s.json: Invalid scenario: parameters.k: 50 is out of range; allowed: 0 to 10 1/day\n',
    );
  });

  it('refuses a manifest without a network, naming the file', async () => {
    const stepped = structuredClone(decay) as Partial<ModelManifest>;
    delete stepped.network;
    await dir.write('stepped.json', stepped);
    const { code, stdout, stderr } = await cli(['models', '--plugin', 'stepped.json'], { cwd: dir.path });
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(
      /^immunotwin: error: stepped\.json: only reaction-network manifests can be data plugins, and this one has no "network"/,
    );
  });

  it('refuses a plugin reusing a built-in id or the id of an earlier plugin', async () => {
    await dir.write('clash.json', { ...decay, id: 'target-cell-limited' });
    const builtIn = await cli(['models', '--plugin', 'clash.json'], { cwd: dir.path });
    expect(builtIn.code).toBe(1);
    expect(builtIn.stderr).toBe(
      'immunotwin: error: clash.json: model id "target-cell-limited" is already taken by a built-in model; give the plugin another "id"\n',
    );
    await dir.write('decay.json', decay);
    await dir.write('again.json', decay);
    const twice = await cli(['models', '--plugin', 'decay.json', '--plugin', 'again.json'], { cwd: dir.path });
    expect(twice.stderr).toBe(
      'immunotwin: error: again.json: model id "first-order-decay" is already taken by the plugin "decay.json"; give the plugin another "id"\n',
    );
  });

  it('reports an invalid manifest with the file, the field path, the value and what is allowed', async () => {
    const bad = structuredClone(decay);
    bad.parameters[0].default = 20;
    bad.network!.reactions[0].rate = 'k * kk';
    await dir.write('bad.json', bad);
    const { code, stderr } = await cli(['run', 'missing.json', '--plugin', 'bad.json'], { cwd: dir.path });
    expect(code).toBe(1);
    expect(stderr).toContain(
      'immunotwin: error: bad.json: Invalid model manifest "first-order-decay": parameters[0] (k): default 20 is outside its range [0, 10]',
    );
    expect(stderr).toMatch(/\n {2}network\.reactions\[0\]\.rate: unknown name "kk"; known names: parameters k, A0/);
    const wrongType = { ...decay, methods: ['ode', 'euler'] };
    await dir.write('wrong.json', wrongType);
    const typed = await cli(['models', '--plugin', 'wrong.json'], { cwd: dir.path });
    expect(typed.stderr).toBe(
      'immunotwin: error: wrong.json: Invalid model manifest "first-order-decay": methods[1]: must be one of "ode", "ssa", "tau-leaping", "agent"; got "euler"\n',
    );
    await dir.write('array.json', [decay]);
    expect((await cli(['models', '--plugin', 'array.json'], { cwd: dir.path })).stderr).toBe(
      'immunotwin: error: array.json: a data plugin must be a model manifest (a JSON object); got an array\n',
    );
  });

  it('documents --plugin in the help of run, models and validate', async () => {
    for (const command of ['run', 'models', 'validate']) {
      const { stdout } = await cli([command, '--help']);
      expect(stdout).toMatch(
        /--plugin <model\.json\|module\.js\|package>\s+register models beside the built-in ones: a reaction-network manifest \(\.json\), or the ES module or installed package of a model plugin \(repeatable\)/,
      );
    }
  });
});

/** A plugin module as a package's build would ship it: a stepped model that halves a pool every day. */
const halvingModule = `
const manifest = ${JSON.stringify({ ...decay, id: 'halving-pool', title: 'Halving pool', methods: ['agent'], network: undefined })};
export default (engine) => engine.defineModel({
  manifest,
  create(context) {
    let a = context.parameters.A0;
    return { dt: 1, step() { a = a / 2; }, observe(out) { out[context.observables.A] = a; }, snapshot: () => a, restore(s) { a = s; } };
  },
  interventions: {},
});
`;

describe('--plugin: code plugins as ES modules', () => {
  it('imports a module file, registers what it exports and runs it (a pool halving daily: 10, 5, 2.5, …)', async () => {
    await dir.write('halving.mjs', halvingModule);
    await dir.write('s.json', { model: 'halving-pool', duration: 4, outputInterval: 1 });
    const listed = await cli(['models', '--plugin', './halving.mjs'], { cwd: dir.path });
    expect(listed.stderr).toBe('');
    expect(listed.stdout).toMatch(/\nhalving-pool\s+Halving pool\s+agent\n/);
    const { code, stderr } = await cli(['run', 's.json', '--plugin', 'halving.mjs', '--out', 'out.csv', '--quiet'], {
      cwd: dir.path,
    });
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const { rows } = parseCsv(await readFile(join(dir.path, 'out.csv'), 'utf8'));
    expect(rows.map((r) => r[1])).toEqual([10, 5, 2.5, 1.25, 0.625]);
  });

  it('says what --plugin takes when the name is neither a file nor an installed package', async () => {
    const { code, stderr } = await cli(['models', '--plugin', 'no-such-plugin'], { cwd: dir.path });
    expect(code).toBe(1);
    expect(stderr).toBe(
      "immunotwin: error: no-such-plugin: no such file, and no installed package of that name; --plugin takes a model manifest (.json), a plugin's ES module (.js, .mjs) or an installed plugin package\n",
    );
  });

  it('refuses a module that exports no model, naming it', async () => {
    await dir.write('empty.mjs', 'export const answer = 42;\n');
    const { code, stderr } = await cli(['models', '--plugin', 'empty.mjs'], { cwd: dir.path });
    expect(code).toBe(1);
    expect(stderr).toBe(
      'immunotwin: error: empty.mjs: the module exports no model plugin (an object with a manifest, or a list of them)\n',
    );
  });
});
