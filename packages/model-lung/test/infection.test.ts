import { describe, expect, it } from 'vitest';
import { createRng } from '@immunotwin/engine';
import { CELL, FOCI_PLACEMENT, LungModel } from '../src/index.js';
import { defaults, median, peak, run, SEEDS, series, SMALL } from './runs.js';

describe('Lung Twin: infection', () => {
  it('stays healthy without virus: full gas exchange, no dead cells, no T cells', () => {
    const r = run({ ...SMALL, foci: 0, tCellDelay: 0 }, 1, 5, 1);
    for (const g of series(r, 'gasExchange')) expect(g).toBe(1);
    for (const h of series(r, 'healthy')) expect(h).toBe(60 * 60);
    expect(Math.max(...series(r, 'virions'))).toBe(0);
    expect(Math.max(...series(r, 'dead'))).toBe(0);
    // T cells circulate from day 0, but without chemokine none leaves the vasculature.
    expect(series(r, 'tCellsCirculating').at(-1)).toBeGreaterThan(1e8);
    expect(Math.max(...series(r, 'tCells'))).toBe(0);
    // SpO2 proxy of a healthy lung: Severinghaus at 95 mmHg, 100/(1 + 23400/(95³ + 150·95)) = 97.39 %.
    expect(series(r, 'spo2')[0]).toBeCloseTo(97.39, 2);
  });

  it('spreads from one focus, kills cells and lowers gas exchange and SpO2', () => {
    // No immune killing at all (no T cells, no recruited neutrophils or NK cells; resting macrophages kill no one),
    // so every death is the infection's own.
    const r = run({ ...SMALL, tCellGeneration: 0, neutrophilRecruitment: 0, nkRecruitment: 0 }, 2, 6);
    const t = Array.from(r.time);
    const at = (id: string, day: number): number => series(r, id)[t.indexOf(day)];
    // One focus: the first cells are infected in the first step, the first deaths follow the incubation
    // (480 min) and expressing (900 min) periods, i.e. not before ~23 h.
    expect(at('infected', 0.25)).toBeGreaterThanOrEqual(1);
    expect(at('deaths', 0.75)).toBe(0);
    // By day 6 the infection has crossed the 60 × 60 section (SIMCoV's rates spread it ~10 sites a day).
    expect(at('deaths', 6)).toBeGreaterThan(0.9 * 3600);
    expect(at('damage', 6)).toBeGreaterThan(0.9);
    expect(at('gasExchange', 6)).toBeLessThan(0.1);
    expect(at('spo2', 6)).toBeLessThan(at('spo2', 0));
    expect(peak(r, 'virions')).toBeGreaterThan(1e5);
  });

  it('places as many infected sites as foci, where the placement says', () => {
    const firstStep = (foci: number, placement: number, seed = 1): { seeded: number[]; infected: number[] } => {
      const m = new LungModel({
        parameters: defaults({ ...SMALL, foci, fociPlacement: placement }),
        initial: {},
        rng: createRng(seed),
      });
      const v = m.view().fields.virions.values;
      const seeded = [...v.keys()].filter((i) => v[i] > 0);
      m.step(m.dt);
      const cells = m.view().cells;
      const infected = [...cells.keys()].filter((i) => cells[i] === CELL.incubating);
      return { seeded, infected };
    };
    // 1000 virions on a site infect its cell in a 10-min step with probability 1 − e^(−0.001·1000·10) ≈ 1;
    // virions reach the neighbours only when the fields step, after the cells.
    for (const foci of [1, 4, 9]) {
      const { seeded, infected } = firstStep(foci, FOCI_PLACEMENT.grid);
      expect(seeded.length, `grid ${foci}`).toBe(foci);
      expect(infected, `grid ${foci}`).toEqual(seeded);
    }
    // A 2 × 2 grid on 60 sites: cell centres at 15 and 45.
    expect(firstStep(4, FOCI_PLACEMENT.grid).seeded).toEqual([15 * 60 + 15, 15 * 60 + 45, 45 * 60 + 15, 45 * 60 + 45]);
    // Centre: the middle site of a 60-site side is (30, 30) after rounding 29.5.
    expect(firstStep(1, FOCI_PLACEMENT.centre).seeded).toEqual([30 * 60 + 30]);
    const a = firstStep(5, FOCI_PLACEMENT.random, 1);
    const b = firstStep(5, FOCI_PLACEMENT.random, 2);
    expect(a.seeded.length).toBe(5);
    expect(a.infected).toEqual(a.seeded);
    expect(b.seeded).not.toEqual(a.seeded);
  });

  it('views every field, or only those asked for (a picture copies the one it draws)', () => {
    const m = new LungModel({ parameters: defaults({ latticeSize: 40 }), initial: {}, rng: createRng(3) });
    for (let s = 0; s < 30; s++) m.step(m.dt);
    const all = m.view();
    expect(Object.keys(all.fields)).toEqual(['virions', 'ifn', 'chemokine', 'cytokine', 'ros']);
    const some = m.view(['cytokine', 'virions', 'unknown']);
    expect(Object.keys(some.fields)).toEqual(['virions', 'cytokine']);
    expect(some.fields.virions).toEqual(all.fields.virions);
    expect(some.fields.cytokine).toEqual(all.fields.cytokine);
    expect(some.fields.virions.values.some((v) => v > 0)).toBe(true);
    expect(some.cells).toEqual(all.cells);
  });

  it('starts with the virions of every focus: foci × initialVirions', () => {
    for (const foci of [1, 3, 16]) {
      const r = run({ ...SMALL, foci, fociPlacement: FOCI_PLACEMENT.random }, 4, 0.25);
      expect(series(r, 'virions')[0]).toBe(foci * 1000);
      expect(series(r, 'infected')[1]).toBeGreaterThanOrEqual(foci);
    }
  });

  it('more foci give more infected cells early on (over 10 seeds)', () => {
    // At 12 h each focus has infected its site and few neighbours; four foci carry about four times as many.
    const infectedAt12h = (foci: number): number[] =>
      SEEDS.map(
        (seed) =>
          series(
            run({ ...SMALL, foci, fociPlacement: FOCI_PLACEMENT.grid, tCellGeneration: 0 }, seed, 0.5),
            'infected',
          )[2],
      );
    const one = infectedAt12h(1);
    const four = infectedAt12h(4);
    expect(median(four)).toBeGreaterThan(2.5 * median(one));
  });
});
