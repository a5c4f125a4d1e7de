/**
 * Filter moves benchmark: what carrying a twin as a state vector costs. A filter moves each member from one
 * observation to the next with `networkStateSpace(…).propagate` (parameters written into the compiled network, past
 * interventions replayed, a fresh ODE stepper from the member's state); the baseline runs the same scenario as one
 * plain `ReplicateRun` sampled at the same days. Both solve the target-cell-limited model  (its defaults, with
 * oseltamivir from day 2) by Dormand–Prince over 10 days, the filter in 10 daily moves; the work is member-days.
 * The ODE keeps the workload identical on both sides (an SSA run's events vary too much from run to run).
 */
import { createRng, networkStateSpace, ReplicateRun, resolveScenario } from '@immunotwin/engine';
import { targetCellLimited } from '@immunotwin/model-within-host';
import { compare, report } from './harness.mjs';

const DAYS = 10;
/** The day whose viral load both sides report, as a check that they solve the same course. */
const CHECK_DAY = 4;
const scenario = resolveScenario(targetCellLimited, {
  model: 'target-cell-limited',
  method: 'ode',
  duration: DAYS,
  outputInterval: 1,
  interventions: [{ kind: 'oseltamivir', start: 2, stop: DAYS }],
});
const model = networkStateSpace(scenario, { measured: [{ observable: 'V', log10Floor: 1e-3 }] });
const state = new Float64Array(model.labels.length);
const out = new Float64Array(1);

let member = 0;
let filterCheck = 0;
function filterMoves() {
  const i = member++;
  model.initialize(state, createRng(2026, 0, i));
  for (let day = 0; day < DAYS; day++) {
    model.propagate(state, day, day + 1, createRng(2026, day + 1, i));
    if (day + 1 === CHECK_DAY) model.predict(state, CHECK_DAY, out);
  }
  filterCheck = out[0];
  return DAYS;
}

let plainCheck = 0;
function plainRun() {
  const run = new ReplicateRun(scenario, 0).runToEnd();
  plainCheck = Math.log10(Math.max(run.observables.V[CHECK_DAY], 1e-3));
  return DAYS;
}

const rates = compare({ filter: filterMoves, plain: plainRun }, { warmupMs: 500, sampleMs: 500, samples: 7 });

report({
  name: 'Filter moves, ODE TCL',
  unit: 'member-days/s',
  engine: rates.filter.rate,
  baseline: rates.plain.rate,
  baselineLabel: 'one plain ReplicateRun of the same scenario',
  notes: [
    `${DAYS} daily moves per member against one run sampled daily, oseltamivir from day 2`,
    `log10 V at day ${CHECK_DAY}: filter moves ${filterCheck.toFixed(6)}, plain run ${plainCheck.toFixed(6)}`,
  ],
});
