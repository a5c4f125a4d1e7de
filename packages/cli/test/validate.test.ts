import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { targetCellLimitedManifest } from '@immunotwin/model-within-host';
import { cli, tempDir, type TempDir } from './helpers.js';

let dir: TempDir;
beforeEach(async () => {
  dir = await tempDir();
});
afterEach(async () => {
  await dir.dispose();
});

const scenario = {
  model: 'target-cell-limited',
  duration: 14,
  interventions: [{ kind: 'oseltamivir', start: 2, stop: 7, dose: 75 }],
};
const observed = {
  name: 'Volunteer titres',
  source: 'Baccam et al. 2006, Figure 1 (digitised)',
  observable: 'V',
  unit: 'TCID50/mL',
  time: [1, 2, 3, 4],
  values: [10, 1000, 300, 10],
};

describe('immunotwin validate', () => {
  it('accepts a valid scenario', async () => {
    await dir.write('s.json', scenario);
    const { code, stdout, stderr } = await cli(['validate', 's.json'], { cwd: dir.path });
    expect(stderr).toBe('');
    expect(stdout).toBe('s.json: valid scenario for model "target-cell-limited"\n');
    expect(code).toBe(0);
  });

  it('checks a design as sweep would: its format, its scenario and its values against the model', async () => {
    const design = {
      version: 1,
      scenario: { model: 'target-cell-limited', replicates: 2, method: 'ssa', parameters: { U0: 1e4, V0: 10 } },
      parameters: [{ id: 'c', range: [2, 10], levels: 3 }],
      design: { kind: 'grid' },
    };
    await dir.write('d.json', design);
    const ok = await cli(['validate', 'd.json'], { cwd: dir.path });
    expect(ok.stdout).toBe('d.json: valid design of model "target-cell-limited" (grid: 6 runs over c)\n');
    expect(ok.code).toBe(0);
    await dir.write('bad.json', { ...design, parameters: [{ id: 'c', range: [2, 5000], levels: 3 }] });
    const bad = await cli(['validate', 'bad.json'], { cwd: dir.path });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain(
      "bad.json: Invalid design: parameters[0]: c must stay in [0.001, 1000] (the model's range)",
    );
  });

  it('checks a scenario against its model, not only the schema', async () => {
    await dir.write('s.json', { ...scenario, interventions: [{ kind: 'oseltamivir', start: 2, stop: 7, dose: 5000 }] });
    const { code, stdout, stderr } = await cli(['validate', 's.json'], { cwd: dir.path });
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      'immunotwin: error: s.json: Invalid scenario: interventions[0].dose: 5000 is out of range; allowed: 0 to 1000 mg\n',
    );
  });

  it('accepts and rejects observed datasets', async () => {
    await dir.write('good.json', observed);
    await dir.write('bad.json', { ...observed, values: [1, 2, 3] });
    const { code, stdout, stderr } = await cli(['validate', 'good.json', 'bad.json'], { cwd: dir.path });
    expect(stdout).toBe('good.json: valid observed dataset "Volunteer titres" (4 points of "V" in TCID50/mL)\n');
    expect(stderr).toBe(
      'immunotwin: error: bad.json: Invalid observed dataset: values: has 3 values but "time" has 4; they must match\n',
    );
    expect(code).toBe(1);
  });

  it('checks model manifests as registration would', async () => {
    await dir.write('m.json', targetCellLimitedManifest);
    const bad = structuredClone(targetCellLimitedManifest);
    bad.parameters[0].default = -3;
    await dir.write('bad.json', bad);
    const good = await cli(['validate', 'm.json'], { cwd: dir.path });
    expect(good.stdout).toMatch(
      /^m\.json: valid model manifest "target-cell-limited" 0\.1\.0 \(\d+ parameters, \d+ observables\)\n$/,
    );
    expect(good.code).toBe(0);
    const result = await cli(['validate', 'bad.json'], { cwd: dir.path });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /^immunotwin: error: bad\.json: Invalid model manifest "target-cell-limited": parameters\[0\] \(U0\): default -3 is outside its range \[1, 1000000000000\]/,
    );
  });

  it('accepts results written by run', async () => {
    await dir.write('s.json', { model: 'target-cell-limited', duration: 2 });
    expect((await cli(['run', 's.json', '--out', 'r.json', '--quiet'], { cwd: dir.path })).code).toBe(0);
    const { code, stdout } = await cli(['validate', 'r.json'], { cwd: dir.path });
    expect(stdout).toBe('r.json: valid results (1 run of model "target-cell-limited" 0.1.0)\n');
    expect(code).toBe(0);
  });

  it('rejects documents of no known kind and malformed JSON', async () => {
    await dir.write('x.json', { hello: 'world' });
    await dir.write('y.json', '[1, 2');
    const { code, stderr } = await cli(['validate', 'x.json', 'y.json'], { cwd: dir.path });
    expect(code).toBe(1);
    expect(stderr).toMatch(
      /^immunotwin: error: x\.json: cannot tell what kind of document this is; expected a scenario \(with "model"\)/,
    );
    expect(stderr).toMatch(/\nimmunotwin: error: y\.json: malformed JSON at (the end of the text \()?line 1, column 6/);
  });
});

describe('unknown properties', () => {
  it('are reported with the properties allowed at that place', async () => {
    await dir.write('s.json', { model: 'target-cell-limited', solver: { rtol: 1e-6, method: 'rk4' } });
    await dir.write('o.json', { ...observed, values: undefined, value: [1, 2, 3, 4] });
    const { code, stderr } = await cli(['validate', 's.json', 'o.json'], { cwd: dir.path });
    expect(code).toBe(1);
    expect(stderr).toMatch(
      /^immunotwin: error: s\.json: Invalid scenario: solver\.method: is not a known property here; allowed: rtol, atol, stiff\n/,
    );
    expect(stderr).toMatch(
      /\nimmunotwin: error: o\.json: Invalid observed dataset: .*\n {2}value: is not a known property here; allowed: name, source, observable, unit, time, values, sd, detectionLimit, detectionLimits, timeUnit, group\n/,
    );
  });
});
