import { describe, expect, it } from 'vitest';
import { createRng, KernelMemory, loadWasmModule, portableMath } from '@immunotwin/engine';
import {
  CELL,
  EpitheliumKernel,
  InnateKernel,
  LungModel,
  lungManifest,
  TCellKernel,
  type LungStepMethod,
} from '../src/index.js';
import { EPITHELIUM_KERNEL_BASE64 } from '../src/tissue/epitheliumKernelBytes.js';
import { defaults } from './runs.js';

/** The model's kernels, read from its private state (to check that the fast paths are taken). */
type WithKernels = {
  readonly epitheliumKernel: EpitheliumKernel | null;
  readonly tCellKernel: TCellKernel | null;
  readonly innateKernel: InnateKernel | null;
};

/** Each day's cells, fields' bits, agents' sites and observables of a run, with or without the kernels. */
function dailyStates(
  parameters: Record<string, number>,
  days: number,
  method: LungStepMethod,
  kernel: boolean,
): Array<{ cells: Uint8Array; fields: Uint32Array[]; agents: Int32Array; observed: Float64Array }> {
  const model = new LungModel(
    { parameters: defaults(parameters), initial: {}, rng: createRng(7) },
    { method, kernels: kernel },
  );
  const { epitheliumKernel, tCellKernel, innateKernel } = model as unknown as WithKernels;
  if (kernel) {
    expect(epitheliumKernel).toBeInstanceOf(EpitheliumKernel);
    expect(tCellKernel).toBeInstanceOf(TCellKernel);
    expect(innateKernel).toBeInstanceOf(InnateKernel);
  } else {
    expect([epitheliumKernel, tCellKernel, innateKernel]).toEqual([null, null, null]);
  }
  const states = [];
  for (let day = 0; day < days; day++) {
    for (let s = 0; s < 144; s++) model.step(model.dt);
    const view = model.view();
    const observed = new Float64Array(lungManifest.observables.length);
    model.observe(observed);
    states.push({
      cells: view.cells.slice(),
      fields: Object.values(view.fields).map((f) => new Uint32Array(Float32Array.from(f.values).buffer)),
      agents: view.agents.sites.slice(),
      observed,
    });
  }
  return states;
}

describe('Lung Twin: the epithelium, the T cells and the innate cells in WebAssembly', () => {
  it('ports stdlib’s expm1 for x ≤ 0 bit for bit (every branch, its edges, and 200 000 log-uniform values)', () => {
    const memory = KernelMemory.create(65536);
    const module = loadWasmModule(EPITHELIUM_KERNEL_BASE64);
    if (!memory || !module) throw new Error('WebAssembly unavailable');
    const expm1 = memory.instantiate(module).expm1 as (x: number) => number;
    const ln2 = Math.LN2;
    const edges = [
      0,
      -0,
      -(2 ** -1074),
      -(2 ** -60),
      -(2 ** -54),
      -(2 ** -53),
      -1e-9,
      -0.5 * ln2,
      -1.5 * ln2,
      -56 * ln2,
    ];
    const values = edges.flatMap((x) => [x, x * (1 + 2 ** -52), x * (1 - 2 ** -52)]);
    const rng = createRng(11);
    for (let k = 0; k < 200_000; k++) values.push(-(10 ** (-20 + 22 * rng.uniform())));
    values.push(-50, -745, -Infinity, NaN);
    const wrong = values.filter((x) => !Object.is(expm1(x), portableMath.expm1(x)));
    expect(wrong).toEqual([]);
  });

  // A contained infection (low infectivity) with ROS from recruited neutrophils (a lower threshold), IFN's
  // antiviral state, fast regeneration of dead sites next to live type II cells, and T cells from day 2 that bind
  // expressing cells, leave after a day, and move with probability 0.7 a minute, half the moves up the chemokine's
  // gradient; resident macrophages that take up virions, engulf and turn inflammatory, recruited neutrophils
  // climbing the cytokine and NK cells attacking infected cells (in JavaScript, between kernel calls): every branch
  // of the three steps, on the dense method (the epithelium as one row, every site read) and the active one
  // (regions: the changed box grown in the epithelium's kernel, the cytokine's in the innate kernel).
  const parameters = {
    latticeSize: 100,
    tCellDelay: 2,
    foci: 3,
    fociPlacement: 1,
    infectivity: 2e-4,
    rosThreshold: 0.05,
    regenerationRate: 5,
    tCellMoveRate: 0.7,
    tCellChemotaxis: 0.5,
  };
  for (const method of ['dense', 'active'] as const) {
    it(`gives the JavaScript loops' bits day by day over 8 days (${method} method)`, () => {
      const withKernel = dailyStates(parameters, 8, method, true);
      const withoutKernel = dailyStates(parameters, 8, method, false);
      withKernel.forEach((state, day) => {
        const other = withoutKernel[day];
        expect(state.cells, `cells, day ${day + 1}`).toEqual(other.cells);
        state.fields.forEach((field, k) => expect(field, `field ${k}, day ${day + 1}`).toEqual(other.fields[k]));
        expect(state.agents, `agents, day ${day + 1}`).toEqual(other.agents);
        expect(Array.from(state.observed), `observables, day ${day + 1}`).toEqual(Array.from(other.observed));
      });
      // Every branch ran: ROS deaths, T-cell kills, antiviral cells, and dead sites refilled from one day to the next.
      const last = withKernel[withKernel.length - 1];
      const observed = (id: string): number => last.observed[lungManifest.observables.findIndex((o) => o.id === id)];
      expect(observed('rosDeaths')).toBeGreaterThan(0);
      expect(observed('tCellKills')).toBeGreaterThan(0);
      expect(observed('nkKills')).toBeGreaterThan(0);
      // Neutrophils came and macrophages turned inflammatory on some day.
      const onSomeDay = (id: string): boolean =>
        withKernel.some((state) => state.observed[lungManifest.observables.findIndex((o) => o.id === id)] > 0);
      expect(onSomeDay('neutrophils')).toBe(true);
      expect(onSomeDay('inflammatoryMacrophages')).toBe(true);
      expect(withKernel.some((s) => s.cells.includes(CELL.antiviral))).toBe(true);
      const refilled = withKernel.slice(1).some((s, day) => {
        const before = withKernel[day].cells;
        return s.cells.some((c, i) => before[i] === CELL.dead && c === CELL.healthy);
      });
      expect(refilled).toBe(true);
    });
  }
});
