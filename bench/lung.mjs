/**
 * Lung Twin benchmark. First (in a fresh process, so that its peak memory is its own) the issue's target run, a
 * 3000 × 3000-site section for 30 days, with the active-region method: its wall time and peak memory, and the
 * dense method's time for it extrapolated from a short dense run of the same section (a full dense run would
 * take the better part of an hour). Then the active method (the epithelium, recruitment and innate moves only
 * where something can happen, each field stepped over its active region — a band of rows in the WebAssembly
 * kernel) against the dense method (every site every step), side by side on the same scenarios, with a check
 * that both give the same bits; and the epithelium's, T cells' and innate cells' WebAssembly kernels against their
 * JavaScript loops (same bits). After the target run, the same run with options that change its bits, each in a
 * fresh process — the cytokine on 20-µm voxels (cytokineVoxel 4), and floors of their own for IFN and the cytokine
 * (ifnFloor 1e-6, cytokineFloor 1e-4) — its time against the target's and the outcomes of both on the last day.
 * LUNG_BENCH_DAYS shortens the target run (default 30). LUNG_BENCH_BASELINE, the path of another checkout with
 * its packages built (e.g. main's), adds a row comparing this build with that one on the target's section for
 * LUNG_BENCH_COMPARE_DAYS days (default 2), each run in a process of its own, alternated, with a bit check;
 * with LUNG_BENCH_ONLY=builds that row alone runs.
 */
import { execFileSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { createRng } from '@immunotwin/engine';
import { LungModel, lungManifest } from '@immunotwin/model-lung';
import { report } from './harness.mjs';

/** The floor the scale runs use: 1e-9 per site, far below every threshold acting on a field (minChemokine 1e-6). */
const FLOOR = 1e-9;

function parameters(overrides) {
  const p = Object.fromEntries(lungManifest.parameters.map((q) => [q.id, q.default]));
  return { ...p, ...overrides };
}

/**
 * Runs `steps` steps with the model options `options` (a method, or `{ method, kernels }`); returns the
 * wall time (s) and the final cells and fields for the bit check.
 */
function timeRun(params, options, steps, seed = 1, keepView = true) {
  const start = performance.now();
  const model = new LungModel(
    { parameters: params, initial: {}, rng: createRng(seed) },
    typeof options === 'string' ? { method: options } : options,
  );
  for (let s = 0; s < steps; s++) model.step(model.dt);
  const seconds = (performance.now() - start) / 1000;
  return { seconds, view: keepView ? model.view() : null };
}

/** Whether two tissue views hold the same bits (cells, every field, agent sites). */
function sameBits(a, b) {
  if (a.cells.length !== b.cells.length || a.cells.some((c, i) => c !== b.cells[i])) return false;
  for (const id of Object.keys(a.fields)) {
    const x = new Uint32Array(Float32Array.from(a.fields[id].values).buffer);
    const y = new Uint32Array(Float32Array.from(b.fields[id].values).buffer);
    if (x.some((v, i) => v !== y[i])) return false;
  }
  return a.agents.sites.length === b.agents.sites.length && a.agents.sites.every((s, i) => s === b.agents.sites[i]);
}

const STEPS_PER_DAY = 144; // 10-min steps

/** Dense and active on one scenario, alternated (dense, active, active, dense) so neither gets the warm JIT. */
function sideBySide(name, side, days, overrides) {
  const params = parameters({ latticeSize: side, ...overrides });
  const steps = days * STEPS_PER_DAY;
  const d1 = timeRun(params, 'dense', steps);
  const a1 = timeRun(params, 'active', steps);
  const a2 = timeRun(params, 'active', steps);
  const d2 = timeRun(params, 'dense', steps);
  const dense = Math.min(d1.seconds, d2.seconds);
  const active = Math.min(a1.seconds, a2.seconds);
  const siteSteps = side * side * steps;
  report({
    name,
    unit: 'site-steps/s',
    engine: siteSteps / active,
    baseline: siteSteps / dense,
    baselineLabel: 'the dense method (every site every step)',
    notes: [
      `${side}² sites, ${days} days (${steps} steps of 10 min), one focus at the centre, ${overrides.fieldFloor ? `fieldFloor ${overrides.fieldFloor}` : 'no floor (the default, exact)'}; best of 2 runs each: active ${active.toFixed(2)} s, dense ${dense.toFixed(2)} s (${((active * 1e9) / siteSteps).toFixed(1)} vs ${((dense * 1e9) / siteSteps).toFixed(1)} ns per site-step)`,
      `same bits (cells, fields, agents): ${sameBits(a1.view, d1.view) ? 'yes' : 'NO'}`,
    ],
  });
}

if (process.env.LUNG_BENCH_ONLY === 'builds') {
  if (!process.env.LUNG_BENCH_BASELINE)
    throw new Error('LUNG_BENCH_ONLY=builds needs LUNG_BENCH_BASELINE (a checkout)');
  againstBuild(process.env.LUNG_BENCH_BASELINE);
  process.exit(0);
}

// The issue's target: 3000² for 30 days on one core in ≤ 60 s and ≤ 1 GB.
const days = Number(process.env.LUNG_BENCH_DAYS ?? 30);
const side = 3000;
const params = parameters({ latticeSize: side, fieldFloor: FLOOR });
// First, in a fresh process, so that its peak memory is its own.
const start = performance.now();
const model = new LungModel({ parameters: params, initial: {}, rng: createRng(1) }, { method: 'active' });
const built = (performance.now() - start) / 1000;
const stepTimes = [];
for (let d = 0; d < days; d++) {
  const t = performance.now();
  for (let s = 0; s < STEPS_PER_DAY; s++) model.step(model.dt);
  stepTimes.push((performance.now() - t) / 1000);
}
const wall = (performance.now() - start) / 1000;
const out = new Float64Array(lungManifest.observables.length);
model.observe(out);
const index = (id) => lungManifest.observables.findIndex((o) => o.id === id);
const peakRss = process.resourceUsage().maxRSS / 1024; // MB
const denseSteps = 12; // two hours: enough for the per-step cost of the dense method on 9e6 sites
const denseStep = timeRun(params, 'dense', denseSteps, 1, false).seconds / denseSteps;
const denseEstimate = built + denseStep * days * STEPS_PER_DAY;
report({
  name: `lung 3000², ${days} days, floor 1e-9: active method`,
  unit: 'runs/s',
  engine: 1 / wall,
  baseline: 1 / denseEstimate,
  baselineLabel: `the dense method, extrapolated from ${denseSteps} steps`,
  notes: [
    `wall ${wall.toFixed(1)} s (target ≤ 60 s; set-up ${built.toFixed(1)} s; per day ${stepTimes.map((t) => t.toFixed(1)).join(', ')} s); peak RSS of this process ${peakRss.toFixed(0)} MB (target ≤ 1024 MB)`,
    `dense: ${(denseStep * 1000).toFixed(0)} ms per step on 9e6 sites → ~${denseEstimate.toFixed(0)} s for the run (extrapolated, not run)`,
    `at day ${days}: damage ${out[index('damage')].toFixed(4)}, infected ${out[index('infected')]}, T cells ${out[index('tCells')]}, neutrophils ${out[index('neutrophils')]}`,
  ],
});

/** The outcomes on the last day that the option rows compare (bench/lungBuildRun.mjs reports the same). */
const OUTCOMES = ['damage', 'infected', 'tCells', 'neutrophils', 'crp'];

/**
 * The target run with model options that change its bits (`overrides`, parameters), in a fresh process: its time
 * against the target's, and both runs' outcomes on the last day.
 */
function targetWith(label, overrides, targetWall, targetOut) {
  const here = join(dirname(fileURLToPath(import.meta.url)), '..');
  const r = JSON.parse(
    execFileSync(
      process.execPath,
      [join(here, 'bench', 'lungBuildRun.mjs'), here, String(side), String(days), JSON.stringify(overrides)],
      { encoding: 'utf8' },
    ),
  );
  const wall = r.setUp + r.steps;
  report({
    name: `lung 3000², ${days} days, floor 1e-9: ${label} vs the target run`,
    unit: 'runs/s',
    engine: 1 / wall,
    baseline: 1 / targetWall,
    baselineLabel: 'the target run above (defaults but the floor)',
    notes: [
      `wall ${wall.toFixed(1)} s (CPU ${r.cpu.toFixed(1)} s), peak RSS ${r.peakRssMb.toFixed(0)} MB; the target run: ${targetWall.toFixed(1)} s`,
      `at day ${days}, with / without: ${OUTCOMES.map((id) => `${id} ${Number(r.observed[id].toPrecision(4))} / ${Number(targetOut[id].toPrecision(4))}`).join(', ')}`,
    ],
  });
}

const targetOut = Object.fromEntries(OUTCOMES.map((id) => [id, out[index(id)]]));
targetWith('the cytokine on 20-µm voxels (cytokineVoxel 4)', { cytokineVoxel: 4 }, wall, targetOut);
targetWith(
  'floors of their own for IFN (1e-6) and the cytokine (1e-4)',
  { ifnFloor: 1e-6, cytokineFloor: 1e-4 },
  wall,
  targetOut,
);

/**
 * The epithelium, the T cells and the innate cells in their WebAssembly kernels against the JavaScript loops,
 * alternated, active method, with a bit check (10 days: the T cells arrive on day 7).
 */
function kernelsSideBySide(side, days) {
  const params = parameters({ latticeSize: side, fieldFloor: FLOOR });
  const steps = days * STEPS_PER_DAY;
  const run = (kernel) => timeRun(params, { method: 'active', kernels: kernel }, steps);
  const [j1, k1, k2, j2] = [run(false), run(true), run(true), run(false)];
  const kernel = Math.min(k1.seconds, k2.seconds);
  const script = Math.min(j1.seconds, j2.seconds);
  report({
    name: `lung ${side}², ${days} days, floor 1e-9: epithelium, T cells and innate cells in WebAssembly vs JavaScript`,
    unit: 'runs/s',
    engine: 1 / kernel,
    baseline: 1 / script,
    baselineLabel: 'the same model with the JavaScript loops',
    notes: [
      `whole runs (every part of the step), best of 2 each, alternated: kernel ${kernel.toFixed(2)} s, JavaScript ${script.toFixed(2)} s`,
      `same bits (cells, fields, agents): ${sameBits(k1.view, j1.view) ? 'yes' : 'NO'}`,
    ],
  });
}

kernelsSideBySide(1000, 10);
sideBySide('lung 500², 3 days, floor 1e-9: active vs dense', 500, 3, { fieldFloor: FLOOR });
sideBySide('lung 1000², 2 days, floor 1e-9: active vs dense', 1000, 2, { fieldFloor: FLOOR });
sideBySide('lung 1000², 2 days, no floor: active vs dense', 1000, 2, {});

/** This build against another checkout's (LUNG_BENCH_BASELINE) on 3000², in fresh processes, alternated. */
function againstBuild(baseline) {
  const here = join(dirname(fileURLToPath(import.meta.url)), '..');
  const compareDays = Number(process.env.LUNG_BENCH_COMPARE_DAYS ?? 2);
  const once = (root) =>
    JSON.parse(
      execFileSync(process.execPath, [join(here, 'bench', 'lungBuildRun.mjs'), root, '3000', String(compareDays)], {
        encoding: 'utf8',
      }),
    );
  const loads = [loadavg()[0]];
  const runs = { base: [], self: [] };
  for (const who of ['base', 'self', 'self', 'base']) {
    runs[who].push(once(who === 'base' ? resolve(baseline) : here));
    loads.push(loadavg()[0]);
  }
  const best = (list) => Math.min(...list.map((r) => r.setUp + r.steps));
  const bestCpu = (list) => Math.min(...list.map((r) => r.cpu));
  const same = [...runs.base, ...runs.self].every((r) => r.hash === runs.base[0].hash);
  report({
    name: `lung 3000², ${compareDays} days, floor 1e-9: this build vs ${baseline}`,
    unit: 'runs/s',
    engine: 1 / best(runs.self),
    baseline: 1 / best(runs.base),
    baselineLabel: `the build at ${baseline}`,
    notes: [
      `best of 2 runs each (fresh processes, alternated): this build ${best(runs.self).toFixed(1)} s (peak RSS ${Math.max(...runs.self.map((r) => r.peakRssMb)).toFixed(0)} MB), baseline ${best(runs.base).toFixed(1)} s (${Math.max(...runs.base.map((r) => r.peakRssMb)).toFixed(0)} MB)`,
      `CPU time (user + system, less sensitive to other processes than the wall time): this build ${bestCpu(runs.self).toFixed(1)} s, baseline ${bestCpu(runs.base).toFixed(1)} s: ${(bestCpu(runs.base) / bestCpu(runs.self)).toFixed(2)}×`,
      `every run in order (baseline, this, this, baseline): ${[runs.base[0], runs.self[0], runs.self[1], runs.base[1]].map((r) => `${(r.setUp + r.steps).toFixed(1)} (CPU ${r.cpu.toFixed(1)})`).join(', ')} s`,
      `load average (1 min) during the runs: ${loads.map((l) => l.toFixed(1)).join(', ')}`,
      `same bits (cells, fields, agents' sites): ${same ? 'yes' : 'NO'}`,
    ],
  });
}

if (process.env.LUNG_BENCH_BASELINE) againstBuild(process.env.LUNG_BENCH_BASELINE);
