import { describe, expect, it } from 'vitest';
import { compileNetwork, NetworkDefinitionError } from '../src/network/index.js';
import type { ReactionNetwork } from '../src/schema/index.js';

// A + B → C (k1), 2A → D (k2), C → ∅ (custom Michaelis–Menten: vmax·C/(km + C)), ∅ → A (s).
const network: ReactionNetwork = {
  species: [
    { id: 'A', label: 'A', unit: 'n', initial: 'A0' },
    { id: 'B', label: 'B', unit: 'n', initial: '2 * A0' },
    { id: 'C', label: 'C', unit: 'n', initial: '0' },
    { id: 'D', label: 'D', unit: 'n', initial: '0' },
  ],
  reactions: [
    { id: 'bind', reactants: { A: 1, B: 1 }, products: { C: 1 }, law: 'massAction', rate: 'k1' },
    { id: 'dimer', reactants: { A: 2 }, products: { D: 1 }, law: 'massAction', rate: 'k2' },
    { id: 'degrade', reactants: { C: 1 }, products: {}, law: 'custom', rate: 'vmax * C / (km + C)' },
    { id: 'source', reactants: {}, products: { A: 1 }, law: 'massAction', rate: 's' },
  ],
};
const ids = ['k1', 'k2', 'vmax', 'km', 's', 'A0'];
const values = [0.5, 0.25, 3, 2, 7, 10];

const build = () =>
  compileNetwork(network, ids, values, [
    { id: 'A', label: 'A', unit: 'n' },
    { id: 'total', label: 'A + C', unit: 'n', expression: 'A + C' },
  ]);

describe('compileNetwork', () => {
  it('derives the ODE right-hand side from the reactions (mass action uses powers)', () => {
    const net = build();
    const x = Float64Array.from([4, 6, 2, 1]);
    const dydt = new Float64Array(4);
    net.rhs(0, x, dydt);
    const bind = 0.5 * 4 * 6; // k1·A·B
    const dimer = 0.25 * 4 * 4; // k2·A²
    const degrade = (3 * 2) / (2 + 2); // vmax·C/(km + C)
    expect(dydt[0]).toBeCloseTo(-bind - 2 * dimer + 7, 12);
    expect(dydt[1]).toBeCloseTo(-bind, 12);
    expect(dydt[2]).toBeCloseTo(bind - degrade, 12);
    expect(dydt[3]).toBeCloseTo(dimer, 12);
  });

  it('derives SSA propensities with falling factorials for higher-order mass action', () => {
    const net = build();
    const x = Float64Array.from([4, 6, 2, 1]);
    const a = new Float64Array(4);
    net.stochastic.propensities(x, a);
    expect(Array.from(a)).toEqual([0.5 * 4 * 6, 0.25 * 4 * 3, (3 * 2) / 4, 7]);
    for (let j = 0; j < 4; j++) expect(net.stochastic.propensity(j, x)).toBe(a[j]);
  });

  it('builds net state changes, reactant orders and the dependency graph', () => {
    const s = build().stochastic;
    const changesOf = (j: number) =>
      Object.fromEntries(
        Array.from({ length: s.changeOffsets[j + 1] - s.changeOffsets[j] }, (_, i) => [
          s.changeSpecies[s.changeOffsets[j] + i],
          s.changeAmounts[s.changeOffsets[j] + i],
        ]),
      );
    expect(changesOf(0)).toEqual({ 0: -1, 1: -1, 2: 1 });
    expect(changesOf(1)).toEqual({ 0: -2, 3: 1 });
    expect(changesOf(3)).toEqual({ 0: 1 });
    const dependentsOf = (j: number) =>
      Array.from(s.dependents.subarray(s.dependentOffsets[j], s.dependentOffsets[j + 1]));
    expect(dependentsOf(0)).toEqual([0, 1, 2]); // A, B, C change: bind, dimer (A), degrade (C)
    expect(dependentsOf(2)).toEqual([2]); // only C changes
    expect(dependentsOf(3)).toEqual([0, 1]); // A changes
    expect(Array.from(s.reactantOrders.subarray(s.reactantOffsets[1], s.reactantOffsets[2]))).toEqual([2]);
  });

  it('computes initial states and observables, and follows parameter edits', () => {
    const net = build();
    expect(Array.from(net.initialState())).toEqual([10, 20, 0, 0]);
    const out = new Float64Array(2);
    net.observe(Float64Array.from([1, 0, 5, 0]), out, 0);
    expect(Array.from(out)).toEqual([1, 6]);
    net.params[4] = 0; // s = 0: the source stops
    const a = new Float64Array(4);
    net.stochastic.propensities(Float64Array.from([0, 0, 0, 0]), a);
    expect(a[3]).toBe(0);
  });

  it('names the manifest path and the known names when a network refers to something undefined', () => {
    const bad = structuredClone(network);
    bad.reactions[0].rate = 'k1 * kk';
    expect(() => compileNetwork(bad, ids, values, [])).toThrow(NetworkDefinitionError);
    expect(() => compileNetwork(bad, ids, values, [])).toThrow(/network\.reactions\[0\]\.rate: unknown name "kk"/);
    const speciesInMassAction = structuredClone(network);
    speciesInMassAction.reactions[0].rate = 'k1 * C';
    expect(() => compileNetwork(speciesInMassAction, ids, values, [])).toThrow(
      /mass-action rate constant may not use species/,
    );
    const unknownSpecies = structuredClone(network);
    unknownSpecies.reactions[1].products = { Z: 1 };
    expect(() => compileNetwork(unknownSpecies, ids, values, [])).toThrow(
      /network\.reactions\[1\]\.products\.Z: unknown species; known species: A, B, C, D/,
    );
  });
});
