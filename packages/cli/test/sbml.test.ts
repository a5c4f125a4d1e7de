import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ModelManifest } from '@immunotwin/engine';
import { cli, parseCsv, tempDir, type TempDir } from './helpers.js';

const math = (content: string): string => `<math xmlns="http://www.w3.org/1998/Math/MathML">${content}</math>`;

/** Decay of S (a concentration, compartment volume 2) with a dose of 1 concentration unit at t = 1.5. */
const decaySbml = (reactionAttributes = '') => `<?xml version="1.0" encoding="UTF-8"?>
<sbml xmlns="http://www.sbml.org/sbml/level3/version2/core" level="3" version="2">
  <model id="decay_model" name="Decay">
    <listOfCompartments><compartment id="cell" size="2" spatialDimensions="3" constant="true"/></listOfCompartments>
    <listOfSpecies>
      <species id="S" compartment="cell" initialConcentration="3" hasOnlySubstanceUnits="false" boundaryCondition="false" constant="false"/>
    </listOfSpecies>
    <listOfParameters><parameter id="k" value="1" constant="true"/></listOfParameters>
    <listOfReactions>
      <reaction id="decay" reversible="false"${reactionAttributes}>
        <listOfReactants><speciesReference species="S" stoichiometry="1" constant="true"/></listOfReactants>
        <kineticLaw>${math('<apply><times/><ci>k</ci><ci>S</ci></apply>')}</kineticLaw>
      </reaction>
    </listOfReactions>
    <listOfEvents>
      <event id="dose" useValuesFromTriggerTime="true">
        <trigger initialValue="false" persistent="true">${math('<apply><geq/><csymbol definitionURL="http://www.sbml.org/sbml/symbols/time">t</csymbol><cn>1.5</cn></apply>')}</trigger>
        <listOfEventAssignments><eventAssignment variable="S">${math('<apply><plus/><ci>S</ci><cn>1</cn></apply>')}</eventAssignment></listOfEventAssignments>
      </event>
    </listOfEvents>
  </model>
</sbml>`;

let dir: TempDir;
beforeEach(async () => {
  dir = await tempDir();
});
afterEach(async () => {
  await dir.dispose();
});

describe('immunotwin import-sbml', () => {
  it('writes a manifest that runs with --plugin and follows the SBML semantics (the analytic solution)', async () => {
    await dir.write('decay.xml', decaySbml());
    const imported = await cli(['import-sbml', 'decay.xml', '--out', 'decay.json'], { cwd: dir.path });
    expect(imported.code).toBe(0);
    expect(imported.stdout).toBe('');
    expect(imported.stderr).toBe(
      'import-sbml: model "decay-model": 1 species, 1 reactions, 2 parameters; wrote decay.json\n' +
        'import-sbml: the SBML events are interventions; to fire them as SBML does, add to the scenario: "interventions": [{"kind":"dose","start":1.5}]\n',
    );
    const manifest = JSON.parse(await readFile(join(dir.path, 'decay.json'), 'utf8')) as ModelManifest;
    expect(manifest.parameters.map((p) => [p.id, p.default, p.unit, p.min, p.max])).toEqual([
      ['cell', 2, 'volume (SBML gives no unit)', 0, 20],
      ['k', 1, 'dimensionless (from SBML)', 0, 10],
    ]);
    await dir.write('s.json', {
      model: 'decay-model',
      duration: 3,
      outputInterval: 1,
      solver: { rtol: 1e-11, atol: 1e-14 },
      interventions: [{ kind: 'dose', start: 1.5 }],
    });
    const run = await cli(['run', 's.json', '--plugin', 'decay.json', '--quiet'], { cwd: dir.path });
    expect(run.stderr).toBe('');
    const { header, rows } = parseCsv(run.stdout);
    expect(header).toEqual(['time', 'S']);
    // d[S]/dt = −k[S]/V (V = 2): [S] = 3e^(−t/2) until 1.5, then +1, then decays on.
    const before = 3 * Math.exp(-0.75);
    const expected = [3, 3 * Math.exp(-0.5), (before + 1) * Math.exp(-0.25), (before + 1) * Math.exp(-0.75)];
    rows.forEach(([, s], i) => expect(Math.abs(s / expected[i] - 1)).toBeLessThan(1e-8));
  });

  it('prints the manifest on stdout without --out', async () => {
    await dir.write('decay.xml', decaySbml());
    const { code, stdout } = await cli(['import-sbml', 'decay.xml', '--id', 'my-decay', '--time-unit', 'hour'], {
      cwd: dir.path,
    });
    expect(code).toBe(0);
    const manifest = JSON.parse(stdout) as ModelManifest;
    expect(manifest.id).toBe('my-decay');
    expect(manifest.timeUnit).toBe('hour');
    expect(await dir.files()).toEqual(['decay.xml']);
  });

  it('refuses what it cannot map, naming the file and the element, and writes nothing', async () => {
    await dir.write('fast.xml', decaySbml(' fast="true"'));
    const { code, stderr } = await cli(['import-sbml', 'fast.xml', '--out', 'fast.json'], { cwd: dir.path });
    expect(code).toBe(1);
    expect(stderr).toBe(
      'immunotwin: error: fast.xml: <reaction id="decay">: is fast (fast="true"); fast reactions are not supported, only ordinary kinetic laws\n',
    );
    expect(await dir.files()).toEqual(['fast.xml']);
    const usage = await cli(['import-sbml', 'fast.xml', '--time-unit', 'second'], { cwd: dir.path });
    expect(usage.code).toBe(2);
    expect(usage.stderr).toBe('immunotwin: error: option --time-unit must be one of day, hour; got "second"\n');
    const missing = await cli(['import-sbml', 'none.xml'], { cwd: dir.path });
    expect(missing.stderr).toBe('immunotwin: error: cannot read "none.xml": no such file\n');
  });
});

describe('immunotwin export-sbml', () => {
  it('exports a built-in model whose re-import runs to the same numbers', async () => {
    const exported = await cli(['export-sbml', 'target-cell-limited', '--out', 'tcl.xml'], { cwd: dir.path });
    expect(exported.stderr).toBe('');
    expect(exported.code).toBe(0);
    const xml = await readFile(join(dir.path, 'tcl.xml'), 'utf8');
    expect(xml).toContain('<sbml xmlns="http://www.sbml.org/sbml/level3/version2/core" level="3" version="2">');
    expect(
      (await cli(['import-sbml', 'tcl.xml', '--id', 'tcl-copy', '--out', 'tcl.json'], { cwd: dir.path })).code,
    ).toBe(0);
    const scenario = { duration: 8, outputInterval: 0.5, solver: { rtol: 1e-10, atol: 1e-12 } };
    await dir.write('builtin.json', { ...scenario, model: 'target-cell-limited' });
    await dir.write('copy.json', { ...scenario, model: 'tcl-copy' });
    const a = parseCsv((await cli(['run', 'builtin.json', '--quiet'], { cwd: dir.path })).stdout);
    const b = parseCsv((await cli(['run', 'copy.json', '--plugin', 'tcl.json', '--quiet'], { cwd: dir.path })).stdout);
    expect(b.header).toEqual(a.header);
    expect(a.rows).toHaveLength(17);
    a.rows.forEach((row, i) =>
      row.forEach((v, j) => expect(Math.abs(v - b.rows[i][j])).toBeLessThanOrEqual(1e-9 * Math.max(Math.abs(v), 1e-6))),
    );
  });

  it('exports a manifest file (or a plugin by id) to stdout', async () => {
    const manifest = JSON.parse((await cli(['models', 'target-cell-limited', '--json'])).stdout) as ModelManifest;
    await dir.write('m.json', { ...manifest, id: 'from-file' });
    const fromFile = await cli(['export-sbml', 'm.json'], { cwd: dir.path });
    expect(fromFile.code).toBe(0);
    expect(fromFile.stdout).toContain('<model id="from_file"');
    const byPlugin = await cli(['export-sbml', 'from-file', '--plugin', 'm.json'], { cwd: dir.path });
    expect(byPlugin.stdout).toBe(fromFile.stdout);
  });

  it('refuses unknown models and models without a reaction network', async () => {
    const unknown = await cli(['export-sbml', 'sir']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(
      /^immunotwin: error: "sir" is neither a \.json manifest file nor a known model; known models: .*target-cell-limited/,
    );
    const agent = await cli(['export-sbml', 'immune-system']);
    expect(agent.stderr).toBe(
      'immunotwin: error: model "immune-system" has no reaction network (it is stepped by code); only reaction-network models can be written as SBML\n',
    );
  });
});
