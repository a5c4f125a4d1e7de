import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { ModelRegistry, resolveBand, type BandSpec } from '@immunotwin/engine';
import { createTwinApi } from '@immunotwin/kernel';
import { targetCellLimited, withinHostModels } from '@immunotwin/model-within-host';
import { parseWorkbenchState, WORKBENCH_MIME_TYPE } from '@immunotwin/engine';
import { describe, expect, it } from 'vitest';

// The three producers of a workbench output — the twin kernel's twin.controls(), Python's
// immunotwin.Workbench and the workbench itself — must agree on the format the widgets read.

const root = fileURLToPath(new URL('..', import.meta.url));
const registry = new ModelRegistry();
for (const model of withinHostModels) registry.register(model);

describe('workbench outputs', () => {
  it('from twin.controls() are states the widgets accept, and the model runs their scenario', () => {
    const twin = createTwinApi(targetCellLimited);
    twin.set({ c: 10 });
    twin.intervene('entryInhibitor', { start: 1, stop: 4, efficacy: 0.9 });
    const state = parseWorkbenchState(twin.controls().toMimeBundle().data[WORKBENCH_MIME_TYPE]);
    const resolved = registry.resolve(state.scenario);
    expect(resolved.parameters.c).toBe(10);
    expect(resolved.interventions.map((i) => [i.spec.kind, i.start, i.stop])).toEqual([['entryInhibitor', 1, 4]]);
  });

  it('from twin.controls(options) carry the duration, the observables and the axis, checked like a run', () => {
    const twin = createTwinApi(targetCellLimited);
    const state = parseWorkbenchState(
      twin.controls({ duration: 15, observables: ['V', 'targetFraction'], log: true }).toMimeBundle().data[
        WORKBENCH_MIME_TYPE
      ],
    );
    expect(state.scenario.duration).toBe(15);
    expect(state.observables).toEqual(['V', 'targetFraction']);
    expect(state.view).toEqual({ logY: true });
    expect(() => twin.controls({ duration: -1 })).toThrow(/duration/);
    expect(() => twin.controls({ observables: ['X'] })).toThrow(/unknown observable "X"; allowed: U, E, I, V/);
    twin.intervene('entryInhibitor', { start: 20, stop: 25 });
    expect(() => twin.controls({ duration: 15 })).toThrow(/start/);
  });

  it('from Python immunotwin.Workbench are states the widgets accept, and the model runs their scenario', () => {
    const code = [
      'import json',
      'from immunotwin import Workbench, WORKBENCH_MIME_TYPE',
      "bench = Workbench('target-cell-limited', preset='influenzaEclipse', duration=12, log_y=True, c=10,",
      "                  interventions=[{'kind': 'entryInhibitor', 'start': 1, 'stop': 4, 'efficacy': 0.9}])",
      'print(json.dumps(bench._repr_mimebundle_()[WORKBENCH_MIME_TYPE]))',
    ].join('\n');
    const python = spawnSync(process.platform === 'win32' ? 'python' : 'python3', ['-c', code], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, PYTHONPATH: root },
    });
    expect(python.status, python.stderr).toBe(0);
    const state = parseWorkbenchState(python.stdout);
    expect(state.view).toEqual({ logY: true });
    const resolved = registry.resolve(state.scenario);
    expect(resolved.parameters.c).toBe(10);
    expect(resolved.duration).toBe(12);
    expect(resolved.interventions).toHaveLength(1);
  });

  it('with a band, from twin.controls() and from Python alike, whose band fits the scenario', () => {
    const band: BandSpec = { kind: 'cohort', size: 20, spread: 0.3, parameters: ['beta', 'c'] };
    const kernel = parseWorkbenchState(
      createTwinApi(targetCellLimited).controls({ band }).toMimeBundle().data[WORKBENCH_MIME_TYPE],
    );
    const code = [
      'import json',
      'from immunotwin import Workbench, WORKBENCH_MIME_TYPE',
      `bench = Workbench('target-cell-limited', band=json.loads('${JSON.stringify(band)}'))`,
      'print(json.dumps(bench._repr_mimebundle_()[WORKBENCH_MIME_TYPE]))',
    ].join('\n');
    const python = spawnSync(process.platform === 'win32' ? 'python' : 'python3', ['-c', code], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, PYTHONPATH: root },
    });
    expect(python.status, python.stderr).toBe(0);
    for (const state of [kernel, parseWorkbenchState(python.stdout)]) {
      expect(state.view).toEqual({ band });
      expect(resolveBand(registry.resolve(state.scenario), state.view!.band)).toEqual(band);
    }
  });
});
