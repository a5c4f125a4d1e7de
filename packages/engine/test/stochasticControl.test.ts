/**
 * Determinism, chunking, abort, work limits, argument checks and the tau-leaping building blocks
 * (critical reactions and the Cao–Gillespie–Petzold step size, checked against hand-derived values).
 */
import { describe, expect, it } from 'vitest';
import {
  DirectMethodSsa,
  TauLeaping,
  type StochasticOptions,
  type StochasticSimulator,
  type StochasticSystem,
} from '../src/stochastic/index.js';
import { CriticalReactions } from '../src/stochastic/criticalReactions.js';
import { TauSelector } from '../src/stochastic/tauSelection.js';
import type { Rng } from '../src/rng/types.js';
import { birthDeathSystem, decaySystem, dimerisationSystem, virusSystem } from './stochasticSystems.js';
import { createRng } from '../src/rng/index.js';

type Simulator = new (system: StochasticSystem, rng: Rng, options?: StochasticOptions) => StochasticSimulator;
const methods: ReadonlyArray<readonly [string, Simulator]> = [
  ['direct method', DirectMethodSsa],
  ['tau-leaping', TauLeaping],
];
const virus = (): StochasticSystem => virusSystem({ beta: 1e-5, delta: 1, p: 10, c: 3 });

/** Records the virus-model state after each `advance` over `times` (counts high enough for leaping). */
function trajectory(Sim: Simulator, seed: number, times: readonly number[]): { states: number[][]; leaps: number } {
  const sim = new Sim(virus(), createRng(seed));
  const x = new Float64Array([1e5, 300, 3000]);
  const states: number[][] = [];
  for (let i = 1; i < times.length; i++) {
    sim.advance(x, times[i - 1], times[i]);
    states.push(Array.from(x));
  }
  return { states, leaps: sim.stats.leaps };
}

describe.each(methods)('%s: determinism and basic contract', (name, Sim) => {
  const grid = [0, 0.5, 1, 1.7, 2.5, 4];

  it('the same seed and chunking give bit-identical trajectories', () => {
    const a = trajectory(Sim, 7, grid);
    const b = trajectory(Sim, 7, grid);
    expect(b.states).toEqual(a.states);
    // Not trivially identical: another seed differs, and tau-leaping really leapt.
    expect(trajectory(Sim, 8, grid).states).not.toEqual(a.states);
    if (name === 'tau-leaping') expect(a.leaps).toBeGreaterThan(10);
  });

  it('advance returns tEnd exactly and leaves the state alone when t = tEnd', () => {
    const sim = new Sim(birthDeathSystem(50, 1), createRng(3));
    const x = new Float64Array([10]);
    expect(sim.advance(x, 0.1, 0.3)).toBe(0.3);
    const before = Array.from(x);
    expect(sim.advance(x, 0.3, 0.3)).toBe(0.3);
    expect(Array.from(x)).toEqual(before);
  });

  it('with all propensities zero, jumps to tEnd without events', () => {
    const sim = new Sim(decaySystem(1), createRng(3));
    const x = new Float64Array([0]);
    expect(sim.advance(x, 0, 1e9)).toBe(1e9);
    expect(sim.stats.events).toBe(0);
  });

  it('rejects bad arguments', () => {
    const sim = new Sim(decaySystem(1), createRng(3));
    expect(() => sim.advance(new Float64Array([5]), 2, 1)).toThrow(RangeError);
    expect(() => sim.advance(new Float64Array([5]), 0, Infinity)).toThrow(RangeError);
    expect(() => sim.advance(new Float64Array(0), 0, 1)).toThrow(RangeError);
  });

  it('an already aborted AbortSignal throws its reason', () => {
    const controller = new AbortController();
    const reason = new Error('stop now');
    controller.abort(reason);
    const sim = new Sim(birthDeathSystem(1e3, 1), createRng(1), { signal: controller.signal });
    expect(() => sim.advance(new Float64Array([0]), 0, 1)).toThrow(reason);
  });
});

/** A birth–death system that aborts `controller` from inside a propensity call after `after` calls. */
function abortingSystem(controller: AbortController, after: number): StochasticSystem {
  const base = birthDeathSystem(1e3, 1);
  let calls = 0;
  const trip = (): void => {
    if (++calls === after) controller.abort();
  };
  return {
    ...base,
    propensities(x, out) {
      trip();
      base.propensities(x, out);
    },
    propensity(j, x) {
      trip();
      return base.propensity(j, x);
    },
  };
}

describe('abort mid-run', () => {
  for (const [name, Sim] of methods) {
    it(`${name}: a signal aborted during a long run stops it with an AbortError`, () => {
      const controller = new AbortController();
      const sim = new Sim(abortingSystem(controller, 20000), createRng(5), { signal: controller.signal });
      // Unaborted this would need ~2e3 events (or ~2 leaps) per unit time for 1e9 time units.
      expect(() => sim.advance(new Float64Array([0]), 0, 1e9)).toThrow(/abort/i);
      expect(sim.stats.events).toBeGreaterThan(1000);
      expect(sim.stats.events).toBeLessThan(1e8);
    });

    it(`${name}: a signal-like object without a reason gives an Error named AbortError`, () => {
      let polls = 0;
      const signal = {
        get aborted(): boolean {
          return ++polls > 3;
        },
      };
      const sim = new Sim(birthDeathSystem(1e3, 1), createRng(5), { signal });
      let caught: unknown;
      try {
        sim.advance(new Float64Array([0]), 0, 1e9);
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(Error);
      expect((caught as Error).name).toBe('AbortError');
      expect(polls).toBe(4);
    });
  }
});

describe('maxEvents guard', () => {
  it('direct method: exceeding maxEvents throws an error suggesting tau-leaping', () => {
    const sim = new DirectMethodSsa(birthDeathSystem(1e4, 1), createRng(2), { maxEvents: 5000 });
    expect(() => sim.advance(new Float64Array([0]), 0, 100)).toThrow(/maxEvents.*tau-leaping/s);
    expect(sim.stats.events).toBe(5000);
  });

  it('tau-leaping: exceeding maxEvents throws', () => {
    const sim = new TauLeaping(birthDeathSystem(1e4, 1), createRng(2), { maxEvents: 50 });
    expect(() => sim.advance(new Float64Array([0]), 0, 1e4)).toThrow(/maxEvents/);
  });
});

describe('tau-leaping safeguards', () => {
  it('a leap that would drive a count negative is rejected and retried with a smaller τ', () => {
    // Coarse leaping on A → ∅ from A = 5 with no critical reactions and no switch to exact steps:
    // τ' = max(εx, 1)/(kx) gives Poisson means of about εx = 2.5, often more than the 5 available.
    const sim = new TauLeaping(decaySystem(1), createRng(9), { epsilon: 0.5, nCritical: 1, ssaThreshold: 0 });
    const x = new Float64Array(1);
    let bad = 0;
    for (let r = 0; r < 500; r++) {
      x[0] = 5;
      for (let t = 0; t < 20; t += 0.5) {
        sim.advance(x, t, t + 0.5);
        if (!(x[0] >= 0 && Number.isInteger(x[0]))) bad++;
      }
      // P(a molecule survives to t = 20) = e^{−20}: all runs end empty.
      if (x[0] !== 0) bad++;
    }
    expect(bad).toBe(0);
    expect(sim.stats.rejectedLeaps).toBeGreaterThan(0);
    expect(sim.stats.ssaSteps).toBe(0);
  });

  it('critical reactions fire at most once per leap, so a species with few copies never overshoots', () => {
    // 2A → B with A = 15: L = ⌊15/2⌋ = 7 < n_c, critical; leaps then fire it singly, never rejected.
    const sim = new TauLeaping(dimerisationSystem(1), createRng(10), { ssaThreshold: 0 });
    const x = new Float64Array(2);
    for (let r = 0; r < 200; r++) {
      x[0] = 15;
      x[1] = 0;
      sim.advance(x, 0, 100);
      expect(x[0]).toBe(1); // 15 is odd: one A is left over
      expect(x[1]).toBe(7);
    }
    expect(sim.stats.rejectedLeaps).toBe(0);
    expect(sim.stats.events).toBe(7 * 200);
    expect(sim.stats.leaps).toBeGreaterThanOrEqual(7 * 200);
  });
});

describe('tau-leaping building blocks (hand-derived values)', () => {
  const zeros = (n: number): Uint8Array => new Uint8Array(n);

  it('critical reactions: L_j = ⌊x / |ν|⌋ < n_c, only for channels with a_j > 0', () => {
    const dimer = new CriticalReactions(dimerisationSystem(1), 10);
    const flags = zeros(1);
    // 2A → B consumes 2 A: L = ⌊19/2⌋ = 9 < 10 critical; L = ⌊20/2⌋ = 10 not.
    expect(dimer.mark(new Float64Array([19, 0]), new Float64Array([3]), flags)).toBe(3);
    expect(flags[0]).toBe(1);
    expect(dimer.mark(new Float64Array([20, 0]), new Float64Array([3]), flags)).toBe(0);
    expect(flags[0]).toBe(0);
    expect(dimer.mark(new Float64Array([1, 0]), new Float64Array([0]), flags)).toBe(0);
    // Virus: production I → I + V consumes nothing, so it is never critical even with I = 1.
    const v = new CriticalReactions(virus(), 10);
    const vf = zeros(4);
    v.mark(new Float64Array([1e5, 1, 50]), new Float64Array([0.5, 1, 10, 150]), vf);
    expect(Array.from(vf)).toEqual([0, 1, 0, 0]);
  });

  it("decay: τ' = min(ε x / (k x), (ε x)² / (k x)) = ε / k", () => {
    const k = 2;
    const selector = new TauSelector(decaySystem(k), 0.03);
    expect(selector.select(new Float64Array([1000]), new Float64Array([k * 1000]), zeros(1))).toBeCloseTo(0.03 / k, 15);
    // Small x: the bound max(ε x, 1) = 1 takes over: min(1/(k x), 1/(k x)) with x = 20.
    expect(selector.select(new Float64Array([20]), new Float64Array([k * 20]), zeros(1))).toBeCloseTo(1 / (k * 20), 15);
  });

  it('dimerisation: g = 2 + 1/(x − 1), μ = −2a, σ² = 4a', () => {
    const k = 0.001;
    const x = 500;
    const a = (k * x * (x - 1)) / 2;
    const bound = (0.05 * x) / (2 + 1 / (x - 1));
    const expected = Math.min(bound / (2 * a), (bound * bound) / (4 * a));
    const selector = new TauSelector(dimerisationSystem(k), 0.05);
    expect(selector.select(new Float64Array([x, 0]), new Float64Array([a]), zeros(1))).toBeCloseTo(expected, 15);
  });

  it("critical reactions are left out of τ'; with none left τ' is unbounded", () => {
    const selector = new TauSelector(decaySystem(1), 0.03);
    expect(selector.select(new Float64Array([5]), new Float64Array([5]), new Uint8Array([1]))).toBe(Infinity);
  });

  it('virus: I has order 1 in both its reactions, U and V order 2 via infection (g = 2)', () => {
    const beta = 1e-5;
    const [u, i, v] = [1e5, 400, 3000];
    const a = new Float64Array([beta * u * v, 1 * i, 10 * i, 3 * v]);
    const eps = 0.03;
    // Net changes: U −a0; I +a0 − a1; V −a0 + a2 − a3.
    const mu = [-a[0], a[0] - a[1], -a[0] + a[2] - a[3]];
    const s2 = [a[0], a[0] + a[1], a[0] + a[2] + a[3]];
    const g = [2, 1, 2];
    const xs = [u, i, v];
    let expected = Infinity;
    for (let s = 0; s < 3; s++) {
      const b = Math.max((eps * xs[s]) / g[s], 1);
      expected = Math.min(expected, b / Math.abs(mu[s]), (b * b) / s2[s]);
    }
    const selector = new TauSelector(virus(), eps);
    expect(selector.select(new Float64Array(xs), a, zeros(4))).toBeCloseTo(expected, 15);
  });
});
