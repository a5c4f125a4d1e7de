/**
 * Immune-twin benchmark: (1) agent updates per second of the tissue agent step (structure-of-arrays
 * typed arrays, 10^5 agents on a 512×512 lattice, in the model's WebAssembly agent kernel, with the engine's
 * JavaScript loop measured beside it) against the same loop over plain JS objects; (2) lattice-site
 * updates per second of the implicit diffusion–decay field solver (Float32Array: its WebAssembly SIMD kernel
 * on the solver's own field and on a copied plain array, with its JavaScript path measured beside it) against
 * the same algorithm on plain nested JS arrays; (3) the wall time of 21 days of the default scenario.
 */
import { performance } from 'node:perf_hooks';
import {
  createRng,
  DiffusionDecaySolver,
  diffusionKernelAvailable,
  KernelMemory,
  Lattice2D,
  simulateSync,
} from '@immunotwin/engine';
import { AGENT, AgentKernel, AgentPool, CELL, immuneModel, stepAgents } from '@immunotwin/model-immune';
import { compare, median, report } from './harness.mjs';

const SIDE = 512;
const AGENTS = 100_000;
const lattice = new Lattice2D(SIDE, SIDE);
const N = lattice.size;

// ---- agents ----------------------------------------------------------------------------------------------
// As the model lays them out: cells, fields and agents in one WebAssembly memory, which the agent kernel steps
// in place. The same world is stepped by the JavaScript loop (no kernel) for comparison.
const memory = KernelMemory.create(
  KernelMemory.bytes(N, 1) + 4 * KernelMemory.bytes(N, 4) + AgentKernel.bytes(lattice) + AgentPool.bytes(AGENTS),
);
const kernel = AgentKernel.create(memory, lattice);
const setupRng = createRng(1);
const cells = memory.allocate(Uint8Array, N);
for (let i = 0; i < N; i++) cells[i] = setupRng.uniform() < 0.05 ? CELL.productive : CELL.healthy;
const field = () => Float32Array.from({ length: N }, () => setupRng.uniform());
const inMemory = (values) => {
  const array = memory.allocate(Float32Array, N);
  array.set(values);
  return array;
};
const javascriptWorld = {
  cells,
  neighbours: lattice.neighbours,
  neighbourOffsets: lattice.neighbourOffsets,
  edgeDistance: lattice.edgeDistance,
  virus: inMemory(field()),
  antigen: inMemory(field()),
  chemokine: inMemory(field()),
  cytokine: inMemory(field()),
};
const world = { ...javascriptWorld, kernel };
const types = [AGENT.macrophage, AGENT.neutrophil, AGENT.nk, AGENT.ctl, AGENT.ctl];
const pool = new AgentPool(AGENTS, memory);
for (let k = 0; k < AGENTS; k++) pool.add(types[k % types.length], setupRng.integer(N));
pool.sortBySite(N); // as the model does once a simulated day; the plain objects below get the same order
// No deaths or departures, so the population stays at 10^5; kills are undone after each call.
const step = {
  death: new Float64Array(5),
  moves: Float64Array.from([0.75, 7.5, 3, 0.75, 3]),
  chemotaxis: Uint8Array.from([0, 1, 1, 0, 1]),
  virusLeft: 0.99,
  activation: 0.5,
  deactivation: 0.02,
  cytokine: 0.01,
  chemokine: 0.01,
  nkKill: 0.05,
  ctlKill: 0.3,
  dcUptake: 0,
  dcLoadKept: 1,
  antigen: 0,
  spatial: true,
};
const outcome = { nkKills: 0, ctlKills: 0, dcDepartures: 0 };
const cellsAtStart = cells.slice();
const rngA = createRng(2);
const soa = () => {
  stepAgents(pool, world, step, rngA, outcome);
  cells.set(cellsAtStart);
  return pool.count;
};
const rngC = createRng(2);
const soaJavascript = () => {
  stepAgents(pool, javascriptWorld, step, rngC, outcome);
  cells.set(cellsAtStart);
  return pool.count;
};

/** The same agents as plain objects, and the same update written the ordinary way. */
const objects = [];
for (let i = 0; i < pool.count; i++)
  objects.push({ type: pool.type[i], state: 0, site: pool.site[i], load: 0, clone: -1 });
const rngB = createRng(2);
const plain = () => {
  const { virus, antigen, chemokine, cytokine, neighbours } = world;
  for (const agent of objects) {
    if (rngB.nextUint32() * 2.3283064365386963e-10 < step.death[agent.type]) continue;
    let site = agent.site;
    const m = step.moves[agent.type];
    let hops = Math.floor(m);
    if (rngB.nextUint32() * 2.3283064365386963e-10 < m - hops) hops++;
    for (let k = 0; k < hops; k++) {
      const bits = rngB.nextUint32();
      let next = neighbours[8 * site + (bits & 7)];
      if (step.chemotaxis[agent.type]) {
        const other = neighbours[8 * site + ((bits >>> 3) & 7)];
        if (next < 0 || (other >= 0 && chemokine[other] > chemokine[next])) next = other;
      }
      if (next >= 0) site = next;
    }
    agent.site = site;
    const cell = cells[site];
    if (agent.type === 0) {
      virus[site] *= step.virusLeft;
      if (virus[site] + antigen[site] > step.activation) agent.state = 1;
      else if (agent.state === 1 && rngB.nextUint32() * 2.3283064365386963e-10 < step.deactivation) agent.state = 0;
      if (agent.state === 1) {
        cytokine[site] += step.cytokine;
        chemokine[site] += step.chemokine;
      }
    } else if (agent.type === 1) {
      virus[site] *= step.virusLeft;
      cytokine[site] += step.cytokine;
    } else {
      let target = site;
      if (agent.type === 4 && cell !== CELL.eclipse && cell !== CELL.productive)
        target = neighbours[8 * site + (rngB.nextUint32() & 7)];
      const tc = target >= 0 ? cells[target] : CELL.healthy;
      if (
        (tc === CELL.eclipse || tc === CELL.productive) &&
        rngB.nextUint32() * 2.3283064365386963e-10 < (agent.type === 4 ? step.ctlKill : step.nkKill)
      ) {
        cells[target] = CELL.dead;
      }
    }
  }
  cells.set(cellsAtStart);
  return objects.length;
};

// ---- fields ----------------------------------------------------------------------------------------------
const D = 3.6; // site²/day: 5 µm²/min on 20 µm sites, as the model's cytokine-like fields
const DT = 1 / 48;
const solver = new DiffusionDecaySolver(SIDE, SIDE, { diffusion: D * 40, decay: 2 });
const explicitSolver = new DiffusionDecaySolver(SIDE, SIDE, { diffusion: D * 40, decay: 2, scheme: 'explicit' });
/** The solver's own field (in the kernel's memory where the kernel runs: no copies). */
const u = solver.createField();
u.set(field());
const typed = () => (solver.step(u, DT), N);
/** A plain Float32Array stepped by the same solver: copied into the kernel's memory and back each step. */
const copiedSolver = new DiffusionDecaySolver(SIDE, SIDE, { diffusion: D * 40, decay: 2 });
const c = field();
const typedCopied = () => (copiedSolver.step(c, DT), N);
/** The engine's JavaScript path of the same solver (the fallback where WebAssembly SIMD is missing). */
const javascriptSolver = new DiffusionDecaySolver(SIDE, SIDE, { diffusion: D * 40, decay: 2, simd: false });
const w = field();
const typedJavascript = () => (javascriptSolver.step(w, DT), N);
const v = field();
const explicitTyped = () => (explicitSolver.step(v, DT), N);

/** The same locally one-dimensional implicit scheme on plain nested arrays (rows of numbers). */
const grid = Array.from({ length: SIDE }, () => Array.from({ length: SIDE }, () => setupRng.uniform()));
function thomasFactors(n, r) {
  const m = [];
  const g = [];
  let prev = 0;
  for (let i = 0; i < n; i++) {
    const diag = i === 0 || i === n - 1 ? 1 + r : 1 + 2 * r;
    const pivot = diag - r * prev;
    m.push(1 / pivot);
    g.push(r / pivot);
    prev = r / pivot;
  }
  return { m, g };
}
const r = D * 40 * DT;
const { m: fm, g: fg } = thomasFactors(SIDE, r);
const plainField = () => {
  const decay = Math.exp(-2 * DT);
  for (const row of grid) {
    row[0] *= fm[0];
    for (let i = 1; i < SIDE; i++) row[i] = (row[i] + r * row[i - 1]) * fm[i];
    for (let i = SIDE - 2; i >= 0; i--) row[i] += fg[i] * row[i + 1];
  }
  for (let x = 0; x < SIDE; x++) {
    grid[0][x] *= fm[0];
    for (let y = 1; y < SIDE; y++) grid[y][x] = (grid[y][x] + r * grid[y - 1][x]) * fm[y];
    for (let y = SIDE - 2; y >= 0; y--) grid[y][x] += fg[y] * grid[y + 1][x];
  }
  for (const row of grid) for (let i = 0; i < SIDE; i++) row[i] *= decay;
  return N;
};

const rates = compare(
  { soa, soaJavascript, plain, typed, typedCopied, typedJavascript, plainField, explicitTyped },
  { warmupMs: 300, sampleMs: 300, samples: 5 },
);

// ---- 21 days of the default scenario --------------------------------------------------------------------
const walls = [];
let summary = '';
for (let k = 0; k < 3; k++) {
  const start = performance.now();
  const result = simulateSync(immuneModel, { model: 'immune-system', duration: 21, seed: k + 1 });
  walls.push((performance.now() - start) / 1000);
  const run = result.runs[0];
  summary = `${run.work} steps; peak CD8 effectors ${Math.max(...run.observables.cd8Effector).toExponential(1)}`;
}
const wall = median(walls);

report({
  name: 'immune agent updates (1e5 agents, SoA)',
  unit: 'agent-updates/s',
  engine: rates.soa.rate,
  baseline: rates.plain.rate,
  baselineLabel: 'the same loop over plain JS objects',
  notes: [
    `${AGENTS.toLocaleString('en-US')} agents (macrophages, neutrophils, NK cells, CTLs; 0.75–7.5 moves each per step) on a ${SIDE}×${SIDE} lattice, sorted by site once; ${kernel ? 'WebAssembly agent kernel on the cells, fields and agents in one kernel memory' : 'JavaScript: no WebAssembly here'}; target ≥ 2e7/s`,
    `the engine's JavaScript loop on the same arrays (bit-identical results): ${Math.round(rates.soaJavascript.rate).toLocaleString('en-US')} agent-updates/s; kernel / JavaScript ${(rates.soa.rate / rates.soaJavascript.rate).toFixed(2)}×`,
  ],
});
report({
  name: 'immune field, implicit diffusion–decay (Float32Array)',
  unit: 'site-updates/s',
  engine: rates.typed.rate,
  baseline: rates.plainField.rate,
  baselineLabel: 'the same scheme on plain nested arrays',
  notes: [
    `${SIDE}×${SIDE} sites, D·dt = ${r.toFixed(2)} site² per step (unconditionally stable LOD backward Euler in float32 arithmetic; ${diffusionKernelAvailable() ? 'WebAssembly SIMD kernel, f32x4, on a field from solver.createField(), which lives in the kernel memory: no copies' : 'JavaScript: no WebAssembly SIMD here'}); target ≥ 1e9/s`,
    `a plain Float32Array copied into the kernel's memory and back each step: ${Math.round(rates.typedCopied.rate).toLocaleString('en-US')} site-updates/s`,
    `the engine's JavaScript float32 path (bit-identical results): ${Math.round(rates.typedJavascript.rate).toLocaleString('en-US')} site-updates/s; kernel / JavaScript ${(rates.typed.rate / rates.typedJavascript.rate).toFixed(2)}×`,
    `explicit FTCS with stable sub-steps on the same field: ${Math.round(rates.explicitTyped.rate).toLocaleString('en-US')} site-updates/s (each counted once per model step)`,
  ],
});
report({
  name: 'immune 21-day default scenario',
  unit: 'runs/s',
  engine: 1 / wall,
  baseline: 1 / 5,
  baselineLabel: 'the 5 s target (1 run per 5 s)',
  notes: [
    `wall time ${wall.toFixed(2)} s (median of 3 seeds: ${walls.map((w) => w.toFixed(2)).join(', ')} s); ${summary}`,
  ],
});
