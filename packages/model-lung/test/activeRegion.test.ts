import { describe, expect, it } from 'vitest';
import { createRng } from '@immunotwin/engine';
import { applyLungIntervention, LungModel, lungManifest, type LungStepMethod } from '../src/index.js';
import { boxWhere } from '../../engine/test/siteBoxes.js';
import { defaults } from './runs.js';

type Event = Parameters<typeof applyLungIntervention>[0];

/** Bits of every state the model holds: cells, fields and agents (its tissue view) and every observable. */
function runState(
  parameters: Record<string, number>,
  seed: number,
  steps: number,
  method: LungStepMethod,
  events: ReadonlyArray<{ step: number; event: Event }> = [],
  kernels = true,
): { cells: Uint8Array; fields: Record<string, Uint32Array>; agents: Int32Array; observed: Float64Array } {
  const model = new LungModel(
    { parameters: defaults(parameters), initial: {}, rng: createRng(seed) },
    { method, kernels },
  );
  for (let s = 0; s < steps; s++) {
    for (const e of events) if (e.step === s) applyLungIntervention(e.event, model);
    model.step(model.dt);
  }
  const view = model.view();
  const observed = new Float64Array(lungManifest.observables.length);
  model.observe(observed);
  const fields = Object.fromEntries(
    Object.entries(view.fields).map(([id, f]) => [id, new Uint32Array(Float32Array.from(f.values).buffer)]),
  );
  return { cells: view.cells, fields, agents: view.agents.sites, observed };
}

/** The box of the sites whose cell is not healthy (state 0) on a lattice `width` wide. */
const notHealthyBox = (cells: Uint8Array, width: number): number[] => boxWhere(cells, width, (state) => state !== 0);

/** The active method's box of the cells that are not healthy (internal: read to check what a restore sets). */
function epitheliumBox(model: LungModel): Int32Array {
  return (model as unknown as { active: { cells: Int32Array } }).active.cells;
}

/** The active-region method must give the dense method's bits: results never depend on how a step is tiled. */
describe('Lung Twin: active regions give the dense bits', () => {
  const settings: ReadonlyArray<{ name: string; parameters: Record<string, number>; days: number }> = [
    // Default biology (no floor), T cells early, foci on a grid.
    { name: 'defaults, grid foci', parameters: { latticeSize: 70, tCellDelay: 2, foci: 4, fociPlacement: 2 }, days: 4 },
    // A floor: the fields' regions stay small, so the epithelium and recruitment regions do too.
    {
      name: 'floor 1e-9, random foci',
      parameters: { latticeSize: 90, tCellDelay: 2, foci: 2, fociPlacement: 1, fieldFloor: 1e-9 },
      days: 5,
    },
    // A coarse floor in the contained regime (low infectivity), where most of the section stays quiescent.
    {
      name: 'floor 1e-4, contained, one focus',
      parameters: { latticeSize: 110, tCellDelay: 2, infectivity: 2e-4, fieldFloor: 1e-4 },
      days: 6,
    },
    // Floors of their own for IFN and the cytokine (the target run's), the others at 1e-9.
    {
      name: 'IFN floor 1e-6 and cytokine floor 1e-4, floor 1e-9',
      parameters: {
        latticeSize: 90,
        tCellDelay: 2,
        foci: 2,
        fociPlacement: 1,
        fieldFloor: 1e-9,
        ifnFloor: 1e-6,
        cytokineFloor: 1e-4,
      },
      days: 5,
    },
    // The cytokine on 20-µm voxels (gathered only where written, read back only around its voxels' region).
    {
      name: 'cytokine on 4-site voxels, floor 1e-9',
      parameters: { latticeSize: 90, tCellDelay: 2, foci: 2, fociPlacement: 1, fieldFloor: 1e-9, cytokineVoxel: 4 },
      days: 5,
    },
  ];
  for (const { name, parameters, days } of settings) {
    it(`${name}: cells, fields, agents and observables agree bit for bit over 3 seeds`, () => {
      const steps = Math.round((days * 1440) / 10);
      for (const seed of [1, 2, 3]) {
        const dense = runState(parameters, seed, steps, 'dense');
        const active = runState(parameters, seed, steps, 'active');
        expect(active.cells).toEqual(dense.cells);
        for (const id of Object.keys(dense.fields)) expect(active.fields[id], id).toEqual(dense.fields[id]);
        expect(active.agents).toEqual(dense.agents);
        expect(Array.from(active.observed)).toEqual(Array.from(dense.observed));
        // The runs did something: cells were infected, and innate cells and T cells came.
        expect(dense.cells.some((c) => c !== 0)).toBe(true);
        expect(dense.agents.length).toBeGreaterThan(0);
      }
    });
  }

  it('agree under every treatment (IFN therapy on every site, antibody, corticosteroid, antiviral, depletion)', () => {
    const parameters = { latticeSize: 80, tCellDelay: 2, foci: 3, fociPlacement: 1, fieldFloor: 1e-9 };
    const events: Array<{ step: number; event: Event }> = [
      { step: 100, event: { kind: 'antiviral', phase: 'start', values: { efficacy: 0.5 }, index: 0 } as Event },
      { step: 150, event: { kind: 'ifnTherapy', phase: 'start', values: { dose: 0.01 }, index: 1 } as Event },
      { step: 250, event: { kind: 'ifnTherapy', phase: 'stop', values: { dose: 0.01 }, index: 1 } as Event },
      { step: 200, event: { kind: 'corticosteroid', phase: 'start', values: { efficacy: 0.7 }, index: 2 } as Event },
      {
        step: 300,
        event: {
          kind: 'monoclonalAntibody',
          phase: 'start',
          values: { clearance: 0.02, halfLife: 21 },
          index: 3,
        } as Event,
      },
      { step: 450, event: { kind: 'tCellDepletion', phase: 'start', values: { fraction: 0.9 }, index: 4 } as Event },
    ];
    for (const seed of [4, 5]) {
      const dense = runState(parameters, seed, 800, 'dense', events);
      const active = runState(parameters, seed, 800, 'active', events);
      expect(active.cells).toEqual(dense.cells);
      for (const id of Object.keys(dense.fields)) expect(active.fields[id], id).toEqual(dense.fields[id]);
      expect(Array.from(active.observed)).toEqual(Array.from(dense.observed));
    }
  });

  it('the cytokine on voxels: where macrophages wrote is gathered, as the kernel and the JavaScript loop report it', () => {
    // The active method gathers the voxels only where cells wrote; the innate step reports where macrophages did,
    // in its kernel and in JavaScript. Dense (which gathers everywhere) against active, with and without kernels.
    // Virions that infect no cell (infectivity 0): the macrophages that take them up are the only writers of
    // cytokine, and no infected cell's box holds where they write.
    const parameters = {
      latticeSize: 90,
      foci: 2,
      fociPlacement: 1,
      fieldFloor: 1e-9,
      cytokineVoxel: 4,
      infectivity: 0,
      initialVirions: 100000,
    };
    const steps = Math.round((4 * 1440) / 10);
    const dense = runState(parameters, 2, steps, 'dense');
    expect(Math.max(...new Float32Array(dense.fields.cytokine.buffer))).toBeGreaterThan(0);
    for (const kernels of [true, false]) {
      const active = runState(parameters, 2, steps, 'active', [], kernels);
      for (const id of Object.keys(dense.fields))
        expect(active.fields[id], `${id}, kernels ${kernels}`).toEqual(dense.fields[id]);
      expect(Array.from(active.observed)).toEqual(Array.from(dense.observed));
    }
  });

  it('a restored model visits only the box of the restored cells that are not healthy, with the same bits', () => {
    // The epithelium's box only grows, so had a restore made it the whole section, every later step would visit
    // every site and step every field over the whole section (the same bits, four times the time at 3000²). Four
    // steps in, the infected and antiviral cells of the one central focus span less than half the section.
    const parameters = defaults({ latticeSize: 80, fieldFloor: 1e-9 });
    const dense = new LungModel({ parameters, initial: {}, rng: createRng(4) }, { method: 'dense' });
    for (let s = 0; s < 4; s++) dense.step(dense.dt);
    const snapshot = structuredClone(dense.snapshot());
    const active = new LungModel({ parameters, initial: {}, rng: createRng(1) }, { method: 'active' });
    active.restore(snapshot);
    const box = notHealthyBox(snapshot.cells, 80);
    expect(box[2] - box[0]).toBeLessThan(40);
    expect(Array.from(epitheliumBox(active))).toEqual(box);
    for (let s = 0; s < 100; s++) {
      dense.step(dense.dt);
      active.step(active.dt);
    }
    expect(active.view().cells).toEqual(dense.view().cells);
    for (const [id, field] of Object.entries(dense.view().fields))
      expect(active.view().fields[id].values, id).toEqual(field.values);
  });

  for (const cytokineVoxel of [1, 4]) {
    it(`continues bit-identically from a snapshot restored into an active model (cytokine voxel ${cytokineVoxel})`, () => {
      const parameters = defaults({ latticeSize: 80, tCellDelay: 1, fieldFloor: 1e-9, cytokineVoxel });
      const dense = new LungModel({ parameters, initial: {}, rng: createRng(9) }, { method: 'dense' });
      for (let s = 0; s < 300; s++) dense.step(dense.dt);
      const snapshot = structuredClone(dense.snapshot());
      const active = new LungModel({ parameters, initial: {}, rng: createRng(1) }, { method: 'active' });
      active.restore(snapshot);
      expect(Array.from(epitheliumBox(active))).toEqual(notHealthyBox(snapshot.cells, 80));
      // Compared the step after the restore (a perturbation of the fields fades in rounding within some days) and
      // 300 steps later.
      for (const steps of [1, 299]) {
        for (let s = 0; s < steps; s++) {
          dense.step(dense.dt);
          active.step(active.dt);
        }
        expect(active.view().cells).toEqual(dense.view().cells);
        for (const [id, field] of Object.entries(dense.view().fields)) {
          expect(active.view().fields[id].values, `${id} after ${steps} steps`).toEqual(field.values);
        }
      }
    });
  }
});
