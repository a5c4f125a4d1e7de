import { describe, expect, it } from 'vitest';
import { createRng } from '@immunotwin/engine';
import { applyLungIntervention, LungModel, lungManifest } from '../src/index.js';
import { defaults, run, series } from './runs.js';

const small = { latticeSize: 40, tCellDelay: 1 };

describe('Lung Twin: determinism', () => {
  it('gives the same bits for the same seed and different ones for another seed', () => {
    const a = run(small, 7, 4);
    const b = run(small, 7, 4);
    const c = run(small, 8, 4);
    for (const id of ['virions', 'incubating', 'tCells', 'interferon', 'gasExchange']) {
      expect(Array.from(series(a, id)), id).toEqual(Array.from(series(b, id)));
    }
    // A T cell arrives in every run by day 4 with these settings, so the T-cell draws are exercised too.
    expect(Math.max(...series(a, 'tCells'))).toBeGreaterThan(0);
    expect(Array.from(series(a, 'virions'))).not.toEqual(Array.from(series(c, 'virions')));
  });

  it('continues bit-identically after a snapshot is restored into a fresh model', () => {
    const make = (): LungModel => new LungModel({ parameters: defaults(small), initial: {}, rng: createRng(3) });
    const reference = make();
    for (let s = 0; s < 300; s++) reference.step(reference.dt); // ~2.1 days: T cells are in the tissue
    // Treatments in force are part of the state: a lasting corticosteroid and a decaying antibody.
    applyLungIntervention({ kind: 'corticosteroid', phase: 'start', values: { efficacy: 0.5 }, index: 0 }, reference);
    applyLungIntervention(
      { kind: 'monoclonalAntibody', phase: 'start', values: { clearance: 0.01, halfLife: 21 }, index: 1 },
      reference,
    );
    const snap = structuredClone(reference.snapshot());
    for (let s = 0; s < 200; s++) reference.step(reference.dt);
    const n = lungManifest.observables.length;
    const expected = new Float64Array(n);
    reference.observe(expected);

    const restored = make();
    restored.restore(snap);
    for (let s = 0; s < 200; s++) restored.step(restored.dt);
    const actual = new Float64Array(n);
    restored.observe(actual);
    expect(Array.from(actual)).toEqual(Array.from(expected));
    // The innate cells were exercised: recruited neutrophils' ROS has killed cells by now.
    expect(expected[lungManifest.observables.findIndex((o) => o.id === 'rosDeaths')]).toBeGreaterThan(0);
    expect(Array.from(restored.view().cells)).toEqual(Array.from(reference.view().cells));
    expect(Array.from(restored.view().agents.sites)).toEqual(Array.from(reference.view().agents.sites));
  });
});
