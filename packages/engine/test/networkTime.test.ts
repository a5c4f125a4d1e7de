import { describe, expect, it } from 'vitest';
import { checkPlugin } from '../src/model/index.js';
import { compileNetwork } from '../src/network/index.js';
import type { ModelManifest, ReactionNetwork } from '../src/schema/index.js';

// X is produced at rate 2 until time 5 and at rate 0.5 afterwards: dX/dt = if(time < 5, 2, 0.5).
const network: ReactionNetwork = {
  species: [{ id: 'X', label: 'X', unit: 'n', initial: 'x0 + time' }],
  reactions: [{ id: 'forcing', reactants: {}, products: { X: 1 }, law: 'custom', rate: 'if(time < 5, hi, lo)' }],
};

describe('networks that read the time', () => {
  it('passes the solver time to rates and the sample time to observables; time is 0 in initial values', () => {
    const net = compileNetwork(
      network,
      ['x0', 'hi', 'lo'],
      [3, 2, 0.5],
      [{ id: 'late', label: 'after day 5', unit: '1', expression: 'time >= 5 && X > 0' }],
    );
    expect(net.usesTime).toBe(true);
    expect(Array.from(net.initialState())).toEqual([3]);
    const dydt = new Float64Array(1);
    net.rhs(4.999, Float64Array.of(1), dydt);
    expect(dydt[0]).toBe(2);
    net.rhs(5, Float64Array.of(1), dydt);
    expect(dydt[0]).toBe(0.5);
    const out = new Float64Array(1);
    net.observe(Float64Array.of(1), out, 4);
    expect(out[0]).toBe(0);
    net.observe(Float64Array.of(1), out, 6);
    expect(out[0]).toBe(1);
  });

  it('does not count time in an initial value as time dependence', () => {
    const constant = structuredClone(network);
    constant.reactions[0].rate = 'hi';
    expect(compileNetwork(constant, ['x0', 'hi', 'lo'], [3, 2, 0.5], []).usesTime).toBe(false);
  });

  it('refuses "time" as a species or parameter id, and stochastic methods on a time-dependent network', () => {
    expect(() => compileNetwork(network, ['x0', 'hi', 'lo', 'time'], [3, 2, 0.5, 1], [])).toThrow(
      /parameters: "time" is reserved for the simulated time; rename that parameter/,
    );
    const manifest: ModelManifest = {
      id: 'forced',
      title: 'Forced',
      version: '0.1.0',
      description: 'A forced production.',
      timeUnit: 'day',
      methods: ['ode', 'ssa'],
      defaults: { duration: 10, outputInterval: 1 },
      parameters: ['x0', 'hi', 'lo'].map((id) => ({
        id,
        label: id,
        unit: '1',
        default: 1,
        min: 0,
        max: 10,
        scale: 'linear' as const,
        description: `parameter ${id}`,
        source: 'illustrative',
      })),
      network,
      observables: [{ id: 'X', label: 'X', unit: 'n' }],
      interventions: [],
      presets: [],
      assumptions: ['none'],
      references: [],
    };
    expect(() => checkPlugin({ manifest })).toThrow(/methods: lists ssa, but the network reads "time"/);
    expect(() => checkPlugin({ manifest: { ...manifest, methods: ['ode'] } })).not.toThrow();
  });
});
