import { describe, expect, it } from 'vitest';
import { targetCellLimitedManifest } from '@immunotwin/model-within-host';
import { builtInModels } from '@immunotwin/models';
import { cli } from './helpers.js';

describe('immunotwin models', () => {
  it('lists the target-cell-limited model with its title and methods', async () => {
    const { code, stdout, stderr } = await cli(['models']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^id\s+title\s+methods\n/);
    expect(stdout).toMatch(/target-cell-limited\s+Target-cell-limited virus infection\s+ode, ssa, tau-leaping\n/);
  });

  it('lists every built-in model, the Lung Twin included', async () => {
    const { code, stdout } = await cli(['models']);
    expect(code).toBe(0);
    // The table: a header, one line per model, a blank line, then a hint.
    const ids = stdout
      .split('\n\n')[0]
      .split('\n')
      .slice(1)
      .map((line) => line.split(/\s+/)[0]);
    expect(ids).toEqual(builtInModels.map((plugin) => plugin.manifest.id).sort());
    expect(ids).toEqual([
      'bacteria-innate',
      'immune-system',
      'influenza-resistance',
      'lung',
      'target-cell-limited',
      'virus-innate-adaptive',
    ]);
    expect(stdout).toMatch(/\nlung\s+Lung Twin\s+agent\n/);
  });

  it('shows parameters with units, defaults, ranges, scales and sources, then observables, interventions, presets and assumptions', async () => {
    const { code, stdout } = await cli(['models', 'target-cell-limited']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Target-cell-limited virus infection \(target-cell-limited 0\.1\.0\)\n/);
    expect(stdout).toMatch(/\n {2}id\s+unit\s+default\s+range\s+scale\s+source\n/);
    expect(stdout).toMatch(/\n {2}U0\s+cells\s+4e8\s+1 to 1e12\s+log\s+Baccam et al\. 2006/);
    expect(stdout).toMatch(/\n {2}beta\s+\(TCID50\/mL\)\^-1 day\^-1\s+3\.2e-5\s+1e-14 to 1\s+log\s+Baccam/);
    expect(stdout).toMatch(/\n {2}eclipse\s+1\s+1\s+0 to 1, whole\s+linear\s+/);
    for (const p of targetCellLimitedManifest.parameters) expect(stdout).toContain(p.source);
    const order = ['\nParameters\n', '\nObservables\n', '\nInterventions', '\nPresets\n', '\nAssumptions\n'].map((h) =>
      stdout.indexOf(h),
    );
    expect(order.every((i) => i > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(stdout).toMatch(/\n {2}targetFraction\s+1\s+Fraction of target cells left \(= U \/ U0\)/);
    expect(stdout).toMatch(/\n {2}entryInhibitor: Entry inhibitor \(acts from start until stop\)\n/);
    expect(stdout).toMatch(/\n {6}efficacy\s+1\s+0\.9\s+0 to 1\n/);
    expect(stdout).toMatch(/\n {2}influenzaEclipse\s+Influenza A with eclipse/);
    expect(stdout).toContain('- No immune response');
  });

  it('prints manifests as JSON with --json', async () => {
    const one = await cli(['models', 'target-cell-limited', '--json']);
    expect(one.code).toBe(0);
    expect(JSON.parse(one.stdout)).toEqual(JSON.parse(JSON.stringify(targetCellLimitedManifest)));
    const all = await cli(['models', '--json']);
    const manifests = JSON.parse(all.stdout) as { id: string }[];
    expect(manifests.map((m) => m.id)).toContain('target-cell-limited');
  });

  it('names the known models for an unknown id', async () => {
    const { code, stdout, stderr } = await cli(['models', 'sir']);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^immunotwin: error: unknown model "sir"; known models: .*target-cell-limited.*\n$/);
  });
});
