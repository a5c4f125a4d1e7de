import { afterEach, describe, expect, it, vi } from 'vitest';
import { createRng, simulateSync } from '@immunotwin/engine';
import { AgentKernel, immuneManifest, immuneModel, type AgentWorld } from '../src/index.js';

const run = (seed: number, parameters: Record<string, number> = {}): Record<string, ArrayLike<number>> =>
  simulateSync(immuneModel, { model: 'immune-system', duration: 12, seed, parameters }).runs[0].observables;

/** Observables whose values differ in any bit between two runs, with the first differing index. */
function differences(a: Record<string, ArrayLike<number>>, b: Record<string, ArrayLike<number>>): string[] {
  const out: string[] = [];
  for (const id of Object.keys(a)) {
    const [x, y] = [a[id], b[id]];
    if (x.length !== y.length) out.push(`${id}: length ${x.length} vs ${y.length}`);
    else
      for (let i = 0; i < x.length; i++)
        if (!Object.is(x[i], y[i])) {
          out.push(`${id}[${i}]: ${x[i]} vs ${y[i]}`);
          break;
        }
  }
  return out;
}

describe('immune twin with and without WebAssembly', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('steps its agents in the WebAssembly kernel, over fields, cells and agents in one kernel memory', () => {
    const parameters = Object.fromEntries(immuneManifest.parameters.map((p) => [p.id, p.default]));
    const model = immuneModel.createStepped!({ parameters, initial: {}, rng: createRng(1) });
    // The world is private to the model; reading it here checks that the fast path is really taken.
    const world = (model as unknown as { world: AgentWorld }).world;
    expect(world.kernel).toBeInstanceOf(AgentKernel);
  });

  for (const [label, seed, parameters] of [
    ['the default infection', 4, {}],
    ['a small lattice where most walks meet the edge', 5, { latticeSize: 16 }],
    ['the well-mixed mode', 6, { spatial: 0 }],
  ] as const) {
    it(`gives bit-identical observables for ${label} (JavaScript loop and fields where WebAssembly is missing)`, () => {
      const withKernels = run(seed, parameters);
      vi.stubGlobal('WebAssembly', undefined);
      const withoutKernels = run(seed, parameters);
      expect(differences(withKernels, withoutKernels)).toEqual([]);
      // Something happened: the infection spread and immune cells arrived.
      expect(Math.max(...Array.from(withKernels.infected))).toBeGreaterThan(0);
      expect(Math.max(...Array.from(withKernels.nkCells))).toBeGreaterThan(0);
    });
  }
});
