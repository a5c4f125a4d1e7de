import { createRng, ModelRegistry, runScenarioSync } from '@immunotwin/engine';
import { describe, expect, it } from 'vitest';
import { plugin } from '../src/model.js';

/** Sample times and the four observables of one run. */
type Columns = Record<'time' | 'T' | 'I' | 'L' | 'V', Float64Array>;

/** Runs a scenario of the model with the engine, as a kernel or a workbench does; the one run's columns. */
function run(scenario: Record<string, unknown>): Columns {
  const registry = new ModelRegistry();
  registry.register(plugin);
  const [result] = runScenarioSync(registry.resolve({ model: plugin.manifest.id, ...scenario })).runs;
  const { T, I, L, V } = result.observables;
  return { time: result.time, T, I, L, V };
}

/** Complete ART from day 0 until `stop` (the efficacy field defaults to 1). */
const fullArt = (stop: number) => [{ kind: 'art', start: 0, stop }];

/** Days in a month (365.25 / 12), for half-lives reported in months. */
const MONTH = 30.4375;

describe('the HIV latent reservoir model run by the engine', () => {
  it('untreated, stays at its set point: 4.79×10^5 target cells and 4.53×10^5 copies/mL', () => {
    // With the defaults: T* = c/(N·k) (q = 1 − f/2 ≈ 1) = 23/(2000 × 2.4e-8); infections k·V·T = λ − d_T·T* =
    // 5208.3 per mL per day, each ending in N·δ/c virions: V* = 2000 × 5208.3 / 23; L* = f × 5208.3 / 5.2e-4.
    const { time, T, V, L } = run({ duration: 120, outputInterval: 60 });
    expect([...time]).toEqual([0, 60, 120]);
    for (let k = 0; k < 3; k++) {
      expect(T[k] / 479_166.9).toBeCloseTo(1, 6);
      expect(V[k] / 452_898.1).toBeCloseTo(1, 6);
      expect(L[k] / 10.016).toBeCloseTo(1, 4);
    }
  });

  it('on complete ART the viral load first falls with slope δ = 1/day (Perelson et al. 1997)', () => {
    const { V } = run({ duration: 7, outputInterval: 1, interventions: fullArt(7) });
    // Between days 3 and 7 the virus-clearance transient (e^(−23 t)) is gone: log V falls at the infected-cell
    // death rate, the estimate of δ from the first phase.
    const slope = (Math.log(V[7]) - Math.log(V[3])) / 4;
    expect(slope).toBeCloseTo(-1, 2);
    // More than 2 logs down within a week.
    expect(Math.log10(V[0] / V[7])).toBeGreaterThan(2);
  });

  it('on complete ART the latent reservoir decays with a half-life of 43.9 months (Siliciano et al. 2003), within 1 %', () => {
    const { time, L } = run({ duration: 3650, outputInterval: 365, interventions: fullArt(3650) });
    // Log-linear over years 1 to 10.
    const rate = -(Math.log(L[10]) - Math.log(L[1])) / (time[10] - time[1]);
    const halfLifeMonths = Math.LN2 / rate / MONTH;
    expect(Math.abs(halfLifeMonths / 43.9 - 1)).toBeLessThan(0.01);
    // Ten years of therapy leave about 15 % of the reservoir (0.5^(120/43.9) = 0.150).
    expect(L[10] / L[0]).toBeCloseTo(0.15, 2);
  });

  it('on complete ART the viral load settles on the floor fed by latent activation, N·a·L/c', () => {
    const { V, L } = run({ duration: 60, outputInterval: 60, interventions: fullArt(60) });
    // 2000 virions × 2.6e-4 activations per latent cell per day / 23 per day clearance.
    const floor = (2000 * 2.6e-4 * L[1]) / 23;
    expect(Math.abs(V[1] / floor - 1)).toBeLessThan(0.01);
    expect(V[1]).toBeLessThan(1);
  });

  it('half-effective ART leaves the virus at a new set point: T = 9.58×10^5 and V = 3.62×10^4 copies/mL', () => {
    const { V, T } = run({
      duration: 3650,
      outputInterval: 3650,
      interventions: [{ kind: 'art', start: 0, stop: 3650, efficacy: 0.5 }],
    });
    // R0 = N·k·λ/(c·d_T) = 2.09 halved is still above 1. Infections balance at T = c/(N·k·(1 − ε)) =
    // 23/(2000 × 2.4e-8 × 0.5) = 958,333; then V = N·(λ − d_T·T)/c = 2000 × 416.67 / 23 = 36,232.
    expect(T[1] / 958_333).toBeCloseTo(1, 3);
    expect(V[1] / 36_232).toBeCloseTo(1, 3);
  });

  it('restores a snapshot exactly: the same steps give the same bits', () => {
    const parameters = Object.fromEntries(plugin.manifest.parameters.map((p) => [p.id, p.default]));
    const model = plugin.createStepped!({ parameters, initial: {}, rng: createRng(1, 0) });
    model.apply({ kind: 'art', phase: 'start', values: { efficacy: 0.9 }, index: 0 });
    for (let i = 0; i < 500; i++) model.step(model.dt);
    const saved = structuredClone(model.snapshot());
    const observe = () => {
      const out = new Float64Array(4);
      model.observe(out);
      return [...out];
    };
    model.apply({ kind: 'art', phase: 'stop', values: { efficacy: 0.9 }, index: 0 });
    for (let i = 0; i < 700; i++) model.step(model.dt);
    const first = observe();
    model.restore(saved);
    model.apply({ kind: 'art', phase: 'stop', values: { efficacy: 0.9 }, index: 0 });
    for (let i = 0; i < 700; i++) model.step(model.dt);
    expect(observe()).toEqual(first);
  });
});
