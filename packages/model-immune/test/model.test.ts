import { describe, expect, it } from 'vitest';
import { createRng, ModelRegistry, resolveScenario, runScenarioSync, simulateSync } from '@immunotwin/engine';
import {
  affinity,
  CloneTable,
  drawBindingReceptor,
  ImmuneModel,
  immuneManifest,
  immuneModel,
  immuneModels,
  mismatches,
  TransitQueue,
} from '../src/index.js';

const defaults = (): Record<string, number> =>
  Object.fromEntries(immuneManifest.parameters.map((p) => [p.id, p.default]));

describe('immune twin: manifest and plugin', () => {
  it('registers, with a unit, a range containing the default and a source for every parameter', () => {
    const registry = new ModelRegistry();
    for (const plugin of immuneModels) registry.register(plugin);
    for (const p of immuneManifest.parameters) {
      expect(p.unit, p.id).not.toBe('');
      expect(p.source.length, p.id).toBeGreaterThan(10);
      expect(p.min, p.id).toBeLessThanOrEqual(p.default);
      expect(p.default, p.id).toBeLessThanOrEqual(p.max);
    }
    expect(immuneManifest.kernel).toEqual({ displayName: 'Immune System Twin' });
  });

  it('writes every observable, finite', () => {
    const run = simulateSync(immuneModel, { model: 'immune-system', duration: 2, outputInterval: 1, seed: 1 }).runs[0];
    for (const o of immuneManifest.observables) {
      expect(run.observables[o.id].length, o.id).toBe(3);
      for (const v of run.observables[o.id]) expect(Number.isFinite(v), o.id).toBe(true);
    }
  });
});

describe('immune twin: determinism', () => {
  it('gives identical output for the same seed and different output for another', () => {
    const scenario = { model: 'immune-system', duration: 6, outputInterval: 1 };
    const a = simulateSync(immuneModel, { ...scenario, seed: 5 }).runs[0];
    const b = simulateSync(immuneModel, { ...scenario, seed: 5 }).runs[0];
    const c = simulateSync(immuneModel, { ...scenario, seed: 6 }).runs[0];
    expect(Array.from(a.observables.virus)).toEqual(Array.from(b.observables.virus));
    expect(Array.from(a.observables.cd8Effector)).toEqual(Array.from(b.observables.cd8Effector));
    expect(Array.from(a.observables.virus)).not.toEqual(Array.from(c.observables.virus));
  });

  it('continues bit-identically after snapshot and restore (with interventions in force)', () => {
    const make = (): ImmuneModel => new ImmuneModel({ parameters: defaults(), initial: {}, rng: createRng(11) });
    const reference = make();
    const n = immuneManifest.observables.length;
    const drive = (m: ImmuneModel, from: number, to: number): void => {
      for (let s = from; s < to; s++) {
        if (s === 100) m.apply({ kind: 'antiviral', phase: 'start', values: { efficacy: 0.5 }, index: 0 });
        m.step(m.dt);
      }
    };
    drive(reference, 0, 300);
    const snap = structuredClone(reference.snapshot());
    drive(reference, 300, 500);
    const expected = new Float64Array(n);
    reference.observe(expected);

    const restored = make();
    restored.restore(snap);
    drive(restored, 300, 500);
    const actual = new Float64Array(n);
    restored.observe(actual);
    expect(Array.from(actual)).toEqual(Array.from(expected));
    expect(Array.from(restored.view().cells)).toEqual(Array.from(reference.view().cells));
  });

  it('is reproducible per replicate whatever order the replicates run in', () => {
    const resolved = resolveScenario(immuneModel, {
      model: 'immune-system',
      duration: 3,
      outputInterval: 1,
      replicates: 2,
      seed: 3,
    });
    const forward = runScenarioSync(resolved);
    const backward = runScenarioSync(resolved, { replicateIndices: [1, 0] });
    for (const run of backward.runs) {
      expect(Array.from(run.observables.infected)).toEqual(
        Array.from(forward.runs[run.metadata.replicate].observables.infected),
      );
    }
  });
});

describe('immune twin: tissue view', () => {
  it('returns copies of the lattice states, fields and agents', () => {
    const m = new ImmuneModel({ parameters: defaults(), initial: {}, rng: createRng(2) });
    for (let s = 0; s < 96; s++) m.step(m.dt);
    const view = m.view();
    expect(view.width * view.height).toBe(view.cells.length);
    expect(view.cellStates).toContain('productive');
    expect(Object.keys(view.fields).sort()).toEqual(['antigen', 'chemokine', 'cytokine', 'ifn', 'virus']);
    expect(view.agents.sites.length).toBe(view.agents.types.length);
    expect(view.agents.sites.length).toBeGreaterThan(0);
    view.cells.fill(9);
    expect(m.view().cells.includes(9)).toBe(false);
    // Asked for one field (a picture draws one), it copies that one alone, with the same values.
    const one = m.view(['virus']);
    expect(Object.keys(one.fields)).toEqual(['virus']);
    expect(one.fields.virus.values).toEqual(m.view().fields.virus.values);
    expect(Object.keys(m.view([]).fields)).toEqual([]);
  });
});

describe('receptors, clones and transit queues', () => {
  const space = { bits: 12, maxMismatch: 2, affinityPerMismatch: 0.25 };
  it('bind by complementary bits with affinity factor^mismatches', () => {
    const epitope = 0b101010101010;
    const perfect = ~epitope & 0xfff;
    expect(mismatches(perfect, epitope, 12)).toBe(0);
    expect(affinity(space, perfect, epitope)).toBe(1);
    expect(affinity(space, perfect ^ 1, epitope)).toBe(0.25);
    expect(affinity(space, perfect ^ 7, epitope)).toBe(0);
  });

  it('draw precursor receptors uniformly among binding ones (C(12,d) weights: 1, 12, 66 of 79)', () => {
    const rng = createRng(1);
    const counts = [0, 0, 0];
    const n = 20000;
    for (let i = 0; i < n; i++) counts[mismatches(drawBindingReceptor(space, 0x5a5, rng), 0x5a5, 12)]++;
    // Binomial standard errors are ≤ 0.003 of n; 5 of them.
    expect(counts[0] / n).toBeCloseTo(1 / 79, 2);
    expect(Math.abs(counts[1] / n - 12 / 79)).toBeLessThan(0.015);
    expect(Math.abs(counts[2] / n - 66 / 79)).toBeLessThan(0.015);
  });

  it('key clones by receptor and grow past their capacity', () => {
    const table = new CloneTable(3, 2);
    for (let r = 0; r < 10; r++) {
      const c = table.cloneOf(r, 0.5); // may grow the table: read `counts` afterwards
      table.counts[c * 3 + 1] += r;
    }
    expect(table.cloneOf(4, 0.5)).toBe(4);
    expect(table.size).toBe(10);
    expect(table.total(1)).toBe(45);
    const copy = new CloneTable(3);
    copy.restore(structuredClone(table.snapshot()));
    expect(copy.total(1)).toBe(45);
    expect(copy.cloneOf(9, 0.5)).toBe(9);
  });

  it('release cells in arrival order and survive wrap-around, growth and snapshots', () => {
    const q = new TransitQueue(2);
    for (let i = 0; i < 5; i++) q.push(i, 10 + i);
    expect(q.ready(0)).toBe(true);
    expect(q.pop()).toBe(10);
    q.push(5, 15);
    const copy = new TransitQueue();
    copy.restore(q.snapshot());
    const out: number[] = [];
    while (copy.ready(3.5)) out.push(copy.pop());
    expect(out).toEqual([11, 12, 13]);
    q.filter((p) => p % 2 === 0);
    expect(q.length).toBe(2);
  });
});
