import { describe, expect, it } from 'vitest';
import { createRng, Lattice2D, mooreNeighbourAt } from '@immunotwin/engine';
import {
  CELL,
  CELL_TYPE,
  circulatingTCells,
  extravasationTries,
  gasExchangeFraction,
  LymphSignal,
  oxygenSaturation,
  spo2Proxy,
  stepTCells,
  TCellPool,
} from '../src/index.js';
import { direction } from '../src/tissue/moves.js';
import { run, series } from './runs.js';

describe('Lung Twin: organ function', () => {
  it('counts healthy or antiviral type I sites over all type I sites, ignoring type II sites', () => {
    const { healthy, antiviral, incubating, dead } = CELL;
    const cells = Uint8Array.from([healthy, antiviral, incubating, dead, dead, healthy]);
    const types = Uint8Array.from([0, 0, 0, 0, CELL_TYPE.typeII, CELL_TYPE.typeII]);
    expect(gasExchangeFraction(cells, types)).toBe(2 / 4);
    expect(gasExchangeFraction(new Uint8Array(3), new Uint8Array(3))).toBe(1);
  });

  it('maps gas exchange to SpO2 by the Severinghaus curve, monotone', () => {
    // Severinghaus 1979: S = 100/(1 + 23400/(P³ + 150 P)); at 40 mmHg (mixed venous) ≈ 75 %, at 95 ≈ 97.4 %.
    expect(oxygenSaturation(40)).toBeCloseTo(100 / (1 + 23400 / (64000 + 6000)), 10);
    expect(oxygenSaturation(40)).toBeCloseTo(74.95, 1);
    expect(spo2Proxy(1, 95)).toBeCloseTo(97.39, 2);
    expect(spo2Proxy(0, 95)).toBe(0);
    let previous = -1;
    for (let g = 0; g <= 1.0001; g += 0.05) {
      const s = spo2Proxy(g, 95);
      expect(s).toBeGreaterThan(previous);
      previous = s;
    }
  });
});

describe('Lung Twin: T-cell supply', () => {
  const supply = { delay: 1440, generation: 105000, vascularPeriod: 5760 };

  it('fills the circulation as G·τ·(1 − e^(−(t − delay)/τ)) after the delay', () => {
    expect(circulatingTCells(supply, 1440)).toBe(0);
    // One vascular period after the delay: 105000 · 5760 · (1 − e^(−1)) = 3.8231e8.
    expect(circulatingTCells(supply, 1440 + 5760)).toBeCloseTo(105000 * 5760 * (1 - Math.exp(-1)), -2);
    expect(circulatingTCells({ ...supply, generation: 0 }, 1e6)).toBe(0);
  });

  it('gives the section its share of the tries, integrated over the step', () => {
    // ∫ from the delay over one τ of G·τ·(1 − e^(−u/τ)) du = G·τ²·e^(−1).
    const share = 1e4 / 3.84e13;
    const expected = 105000 * 5760 * 5760 * Math.exp(-1) * share;
    expect(extravasationTries(supply, share, 0, 1440 + 5760)).toBeCloseTo(expected, 6);
    expect(extravasationTries(supply, share, 0, 1440)).toBe(0);
  });
});

describe('Lung Twin: the lymph-node signal (recruitment feedback)', () => {
  it('relaxes to gain·c/decay under a constant drive, exactly over any step, and switches as Sⁿ/(1 + Sⁿ)', () => {
    const one = new LymphSignal(2, 0.5, 2);
    one.advance(1, 3);
    // S(1) = 12·(1 − e^(−0.5)) from 0 = 4.7216; then, far on, gain·c/decay = 2·3/0.5 = 12.
    expect(one.value).toBeCloseTo(12 * (1 - Math.exp(-0.5)), 12);
    const steps = new LymphSignal(2, 0.5, 2);
    for (let k = 0; k < 10; k++) steps.advance(0.1, 3);
    expect(steps.value).toBeCloseTo(one.value, 12);
    one.advance(100, 3);
    expect(one.value).toBeCloseTo(12, 9);
    one.advance(100, 0);
    expect(one.value).toBeLessThan(1e-9);
    one.value = 3;
    expect(one.level()).toBeCloseTo(9 / 10, 15); // 3²/(1 + 3²)
    one.value = 1;
    expect(one.level()).toBe(0.5);
  });

  it('off by default; on, the supply is 0 before the delay and at most tCellGeneration, and 0 without virus', () => {
    const on = { latticeSize: 30, foci: 1, lymphSignalGain: 50, tCellDelay: 1, tCellGeneration: 3.2e6 };
    const off = run({ latticeSize: 30, foci: 1, tCellDelay: 1 }, 1, 3);
    expect(series(off, 'tCellSupply').at(-1)).toBe(105000);
    const r = run(on, 1, 3);
    const supply = series(r, 'tCellSupply');
    r.time.forEach((t, k) => {
      if (t <= 1) expect(supply[k]).toBe(0);
      expect(supply[k]).toBeLessThanOrEqual(3.2e6);
    });
    expect(Math.max(...supply)).toBeGreaterThan(0);
    expect(Math.max(...series(run({ ...on, initialVirions: 0 }, 1, 3), 'tCellSupply'))).toBe(0);
  });
});

describe('Lung Twin: T-cell rules', () => {
  const lattice = new Lattice2D(5, 5);
  const world = (): {
    cells: Uint8Array;
    timers: Float32Array;
    chemokine: Float32Array;
    width: number;
    height: number;
  } => ({
    cells: new Uint8Array(25),
    timers: new Float32Array(25),
    chemokine: new Float32Array(25),
    width: 5,
    height: 5,
  });
  const rules = { apoptosisPeriod: 180, bindingPeriod: 10, moveRate: 1, chemotaxis: 0 };

  it('binds an expressing neighbour in its first minute, makes it apoptotic and stays bound', () => {
    const w = world();
    w.cells[lattice.index(3, 2)] = CELL.expressing;
    const pool = new TCellPool(25);
    pool.add(lattice.index(2, 2), 1440);
    const kills = stepTCells(pool, w, rules, 5, createRng(1));
    expect(kills).toBe(1);
    expect(w.cells[lattice.index(3, 2)]).toBe(CELL.apoptotic);
    expect(w.timers[lattice.index(3, 2)]).toBeGreaterThan(100); // Poisson(180): below 100 has p < 1e-9
    expect(pool.site[0]).toBe(lattice.index(2, 2)); // bound: did not move
    expect(pool.bound[0]).toBe(10 - 4); // bound in minute 1, then counted down 4 minutes
  });

  it('does not bind incubating or healthy cells, walks, and dies when its life runs out', () => {
    const w = world();
    w.cells.fill(CELL.incubating);
    const pool = new TCellPool(25);
    pool.add(lattice.index(2, 2), 30);
    expect(stepTCells(pool, w, rules, 20, createRng(2))).toBe(0);
    expect(pool.count).toBe(1);
    expect(w.cells.every((c) => c === CELL.incubating)).toBe(true);
    expect(stepTCells(pool, w, rules, 10, createRng(3))).toBe(0);
    expect(pool.count).toBe(0);
    expect(pool.occupied.every((o) => o === 0)).toBe(true);
  });

  it('follows the chemokine gradient when chemotaxis is 1', () => {
    const w = world();
    for (let x = 0; x < 5; x++) for (let y = 0; y < 5; y++) w.chemokine[lattice.index(x, y)] = 0.1 * (x + 1);
    const pool = new TCellPool(25);
    pool.add(lattice.index(0, 2), 1440);
    stepTCells(pool, w, { ...rules, chemotaxis: 1 }, 4, createRng(4));
    expect(lattice.x(pool.site[0])).toBe(4);
  });
});

describe('Lung Twin: moves', () => {
  it("draws a direction as the engine's integer(8) does, draw for draw (the same bits)", () => {
    for (const seed of [1, 2, 3]) {
      const a = createRng(seed);
      const b = createRng(seed);
      const counts = new Array<number>(8).fill(0);
      for (let k = 0; k < 100_000; k++) {
        const d = direction(a);
        expect(d).toBe(b.integer(8));
        counts[d]++;
      }
      // Each direction ~12 500 times (sd ≈ 105): all eight within 6 sd of it.
      for (const n of counts) expect(Math.abs(n - 12_500)).toBeLessThan(630);
    }
  });

  it('computes the neighbours a closed Lattice2D tabulates, at the edges and inside', () => {
    const lattice = new Lattice2D(7, 5);
    for (let site = 0; site < lattice.size; site++) {
      const y = Math.floor(site / 7);
      for (let k = 0; k < 8; k++) expect(mooreNeighbourAt(site % 7, y, k, 7, 5)).toBe(lattice.neighbour(site, k));
    }
  });
});
