import { describe, expect, it } from 'vitest';
import { createRng, KernelMemory, Lattice2D, type LatticeBoundary, type Rng } from '@immunotwin/engine';
import {
  AgentKernel,
  AgentPool,
  stepAgents,
  type AgentStep,
  type AgentStepOutcome,
  type AgentWorld,
} from '../src/index.js';
import { referenceStepAgents } from './referenceAgentStep.js';

interface Tissue {
  world: AgentWorld;
  pool: AgentPool;
}

/** A random tissue (cells in every state, fields in [0, 2), some of them −0 or negative) and agents of every type. */
function tissue(lattice: Lattice2D, seed: number, agents: number): Tissue {
  const rng = createRng(seed);
  const n = lattice.size;
  const field = (): Float32Array =>
    Float32Array.from({ length: n }, () => {
      const u = rng.uniform();
      return u < 0.02 ? -0 : u < 0.04 ? -u : 2 * u;
    });
  const world: AgentWorld = {
    cells: Uint8Array.from({ length: n }, () => rng.integer(5)),
    neighbours: lattice.neighbours,
    neighbourOffsets: lattice.neighbourOffsets,
    edgeDistance: lattice.edgeDistance,
    virus: field(),
    antigen: field(),
    chemokine: field(),
    cytokine: field(),
  };
  const pool = new AgentPool(8);
  for (let k = 0; k < agents; k++) pool.add(rng.integer(5), rng.integer(n), k);
  return { world, pool };
}

function copyOf({ world, pool }: Tissue): Tissue {
  const copy = new AgentPool(8);
  copy.restore(pool.snapshot());
  return {
    pool: copy,
    world: {
      ...world,
      cells: world.cells.slice(),
      virus: world.virus.slice(),
      antigen: world.antigen.slice(),
      chemokine: world.chemokine.slice(),
      cytokine: world.cytokine.slice(),
    },
  };
}

/** Agents a kernel tissue has room for before its pool moves out of the kernel memory. */
const KERNEL_CAPACITY = 512;

/** A copy of a tissue whose cells, fields and agents live in one kernel memory, with the agent kernel. */
function kernelCopyOf(
  { world, pool }: Tissue,
  lattice: Lattice2D,
  capacity = KERNEL_CAPACITY,
): Tissue & { kernel: AgentKernel } {
  const n = lattice.size;
  const memory = KernelMemory.create(
    KernelMemory.bytes(n, 1) + 4 * KernelMemory.bytes(n, 4) + AgentKernel.bytes(lattice) + AgentPool.bytes(capacity),
  );
  if (!memory) throw new Error('WebAssembly memory unavailable');
  const kernel = AgentKernel.create(memory, lattice);
  if (!kernel) throw new Error('agent kernel unavailable');
  const copy = <T extends Uint8Array | Float32Array>(
    a: T,
    type: { new (b: ArrayBuffer, o: number, l: number): T; new (l: number): T; readonly BYTES_PER_ELEMENT: number },
  ): T => {
    const b = memory.allocate(type, a.length);
    b.set(a as never);
    return b;
  };
  const agents = new AgentPool(capacity, memory);
  agents.restore(pool.snapshot());
  return {
    kernel,
    pool: agents,
    world: {
      ...world,
      kernel,
      cells: copy(world.cells, Uint8Array),
      virus: copy(world.virus, Float32Array),
      antigen: copy(world.antigen, Float32Array),
      chemokine: copy(world.chemokine, Float32Array),
      cytokine: copy(world.cytokine, Float32Array),
    },
  };
}

/** Index of the first element whose bits differ (so −0 ≠ 0), or −1 when the arrays are bit-identical. */
function firstDifference(a: Uint8Array | Float32Array, b: Uint8Array | Float32Array): number {
  const [x, y] = [
    new Uint8Array(a.buffer, a.byteOffset, a.byteLength),
    new Uint8Array(b.buffer, b.byteOffset, b.byteLength),
  ];
  if (x.length !== y.length) return Math.min(x.length, y.length);
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return Math.floor(i / a.BYTES_PER_ELEMENT);
  return -1;
}

function agentStep(spatial: boolean, moves: number[]): AgentStep {
  return {
    death: Float64Array.from([0.01, 0.05, 0.02, 0.03, 0.04]),
    moves: Float64Array.from(moves),
    chemotaxis: Uint8Array.from([0, 1, 1, 1, 1]),
    virusLeft: 0.9,
    activation: 1.2,
    deactivation: 0.1,
    cytokine: 0.01,
    chemokine: 0.02,
    nkKill: 0.2,
    ctlKill: 0.3,
    dcUptake: 0.2,
    dcLoadKept: 0.95,
    antigen: 0.5,
    spatial,
  };
}

describe('stepAgents', () => {
  const cases: [string, number, number, LatticeBoundary, boolean, number[]][] = [
    ['a large closed lattice', 64, 48, 'closed', true, [0.75, 7.5, 3, 1.5, 3]],
    ['a small closed lattice (mostly edge)', 5, 4, 'closed', true, [0.75, 7.5, 3, 1.5, 3]],
    ['one site', 1, 1, 'closed', true, [0.75, 2.5, 3, 1.5, 3]],
    ['one row', 9, 1, 'closed', true, [0.75, 7.5, 3, 1.5, 3]],
    ['a periodic lattice', 9, 7, 'periodic', true, [0.75, 7.5, 3, 1.5, 3]],
    ['walks longer than the capped edge distance', 600, 520, 'closed', true, [0.5, 270.5, 3, 1.5, 256]],
    ['the well-mixed mode', 16, 16, 'closed', false, [0.75, 7.5, 3, 1.5, 3]],
  ];

  for (const [label, width, height, boundary, spatial, moves] of cases) {
    it(`draws the same numbers and leaves the same tissue and agents as the table-based step on ${label}, in JavaScript and in the WebAssembly kernel`, () => {
      const lattice = new Lattice2D(width, height, boundary);
      const fast = tissue(lattice, width * height, 300);
      const reference = copyOf(fast);
      const wasm = kernelCopyOf(fast, lattice);
      const step = agentStep(spatial, moves);
      const [rngFast, rngReference, rngWasm] = [createRng(7), createRng(7), createRng(7)];
      const outFast: AgentStepOutcome = { nkKills: 0, ctlKills: 0, dcDepartures: 0 };
      const outReference: AgentStepOutcome = { nkKills: 0, ctlKills: 0, dcDepartures: 0 };
      const outWasm: AgentStepOutcome = { nkKills: 0, ctlKills: 0, dcDepartures: 0 };
      for (let t = 0; t < 12; t++) {
        stepAgents(fast.pool, fast.world, step, rngFast, outFast);
        referenceStepAgents(reference.pool, reference.world, step, rngReference, outReference);
        // Called directly, so that a kernel declining the step (and leaving it to JavaScript) fails the test.
        expect(wasm.kernel.step(wasm.pool, wasm.world, step, rngWasm, outWasm)).toBe(true);
        for (const other of [fast, wasm]) {
          expect(other.pool.snapshot()).toEqual(reference.pool.snapshot());
          expect(Array.from(other.pool.byType)).toEqual(Array.from(reference.pool.byType));
          for (const key of ['cells', 'virus', 'antigen', 'chemokine', 'cytokine'] as const) {
            expect(firstDifference(other.world[key], reference.world[key]), key).toBe(-1);
          }
        }
        expect(rngFast.getState()).toEqual(rngReference.getState());
        expect(rngWasm.getState()).toEqual(rngReference.getState());
        // New arrivals, so the population does not just die out.
        for (let k = 0; k < 10; k++) {
          const [type, site] = [rngFast.integer(5), rngFast.integer(lattice.size)];
          rngReference.integer(5);
          rngReference.integer(lattice.size);
          rngWasm.integer(5);
          rngWasm.integer(lattice.size);
          fast.pool.add(type, site);
          reference.pool.add(type, site);
          wasm.pool.add(type, site);
        }
      }
      expect(outFast).toEqual(outReference);
      expect(outWasm).toEqual(outReference);
      expect(outFast.ctlKills + outFast.nkKills + outFast.dcDepartures).toBeGreaterThan(0);
    });
  }
});

describe('AgentKernel', () => {
  const lattice = new Lattice2D(12, 10);
  const step = agentStep(true, [0.75, 7.5, 3, 1.5, 3]);
  const outcome = (): AgentStepOutcome => ({ nkKills: 0, ctlKills: 0, dcDepartures: 0 });

  it('leaves a pool that outgrew its kernel memory to the JavaScript step, with the same results', () => {
    const start = tissue(lattice, 3, 40);
    const reference = copyOf(start);
    const wasm = kernelCopyOf(start, lattice, 48);
    const [rngWasm, rngReference] = [createRng(5), createRng(5)];
    const [outWasm, outReference] = [outcome(), outcome()];
    for (let t = 0; t < 6; t++) {
      for (let k = 0; k < 10; k++) {
        wasm.pool.add(k % 5, (t * 10 + k) % lattice.size);
        reference.pool.add(k % 5, (t * 10 + k) % lattice.size);
      }
      stepAgents(wasm.pool, wasm.world, step, rngWasm, outWasm);
      referenceStepAgents(reference.pool, reference.world, step, rngReference, outReference);
      expect(wasm.pool.snapshot()).toEqual(reference.pool.snapshot());
      expect(firstDifference(wasm.world.cells, reference.world.cells)).toBe(-1);
      expect(rngWasm.getState()).toEqual(rngReference.getState());
    }
    expect(wasm.pool.count).toBeGreaterThan(48);
    // Past its capacity the pool lives in plain arrays, which the kernel cannot reach: it declines.
    expect(wasm.kernel.step(wasm.pool, wasm.world, step, createRng(1), outcome())).toBe(false);
  });

  it("declines a generator other than the engine's xoshiro128**, changing nothing", () => {
    const wasm = kernelCopyOf(tissue(lattice, 4, 30), lattice);
    const before = wasm.pool.snapshot();
    const cells = wasm.world.cells.slice();
    // Another generator with the same methods (here one that wraps the engine's): the kernel cannot replay it.
    const engine = createRng(1);
    const other = {
      nextUint32: () => engine.nextUint32(),
      getState: () => engine.getState(),
      setState: (state: Uint32Array) => engine.setState(state),
    } as unknown as Rng;
    expect(wasm.kernel.step(wasm.pool, wasm.world, step, other, outcome())).toBe(false);
    expect(wasm.pool.snapshot()).toEqual(before);
    expect(firstDifference(wasm.world.cells, cells)).toBe(-1);
  });

  it('declines a world on another lattice', () => {
    const wasm = kernelCopyOf(tissue(lattice, 6, 30), lattice);
    const other = new Lattice2D(12, 10);
    const world = { ...wasm.world, neighbours: other.neighbours };
    expect(wasm.kernel.step(wasm.pool, world, step, createRng(1), outcome())).toBe(false);
  });
});
