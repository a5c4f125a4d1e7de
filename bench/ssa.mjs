/**
 * SSA benchmark: reaction events per second of exact stochastic runs of the target-cell-limited model
 * with a scaled-down population (U0 = 1e5 target cells, β scaled up by 4e8/1e5 so that R0 stays ≈ 22),
 * through the engine's public API, against a naive Gillespie direct method written plainly here: one
 * object per reaction, every propensity recomputed (and a fresh array allocated) at every event.
 */
import { resolveScenario, runScenarioSync } from '@immunotwin/engine';
import { targetCellLimited } from '@immunotwin/model-within-host';
import { compare, report } from './harness.mjs';

const U0 = 1e5;
const BETA = 3.2e-5 * (4e8 / U0);
const REPLICATES = 10000;
const scenario = {
  model: 'target-cell-limited',
  method: 'ssa',
  parameters: { U0, V0: 10, beta: BETA },
  duration: 10,
  outputInterval: 0.1,
  replicates: REPLICATES,
  seed: 2026,
};

const resolved = resolveScenario(targetCellLimited, scenario);
const P = resolved.parameters;

/** The model's ten reactions, by hand, as plain objects (zero-rate ones included, as in the model). */
const reactions = [
  { id: 'supply', reactants: {}, products: { U: 1 }, rate: P.lambda },
  { id: 'targetDeath', reactants: { U: 1 }, products: {}, rate: P.dU },
  {
    id: 'infectToEclipse',
    reactants: { U: 1, V: 1 },
    products: { E: 1, V: 1 },
    rate: P.beta * P.eclipse * (1 - P.entryLoss),
  },
  { id: 'infectToEclipseLoss', reactants: { U: 1, V: 1 }, products: { E: 1 }, rate: P.beta * P.eclipse * P.entryLoss },
  {
    id: 'infectToProducing',
    reactants: { U: 1, V: 1 },
    products: { I: 1, V: 1 },
    rate: P.beta * (1 - P.eclipse) * (1 - P.entryLoss),
  },
  {
    id: 'infectToProducingLoss',
    reactants: { U: 1, V: 1 },
    products: { I: 1 },
    rate: P.beta * (1 - P.eclipse) * P.entryLoss,
  },
  { id: 'eclipseExit', reactants: { E: 1 }, products: { I: 1 }, rate: P.k },
  { id: 'infectedDeath', reactants: { I: 1 }, products: {}, rate: P.delta },
  { id: 'production', reactants: { I: 1 }, products: { I: 1, V: 1 }, rate: P.p },
  { id: 'clearance', reactants: { V: 1 }, products: {}, rate: P.c },
];

/** Mass-action propensity: k times the falling factorial of each reactant count. */
function propensity(reaction, state) {
  let a = reaction.rate;
  for (const [species, n] of Object.entries(reaction.reactants)) {
    for (let j = 0; j < n; j++) a *= state[species] - j;
  }
  return a;
}

/** One naive direct-method run over the scenario's time span, sampled at the same times. */
function naiveDirectMethod() {
  const state = { U: Math.round(P.U0), E: 0, I: 0, V: Math.round(P.V0) };
  const samples = [];
  const nSamples = Math.round(scenario.duration / scenario.outputInterval) + 1;
  let nextSample = 0;
  let t = 0;
  let events = 0;
  for (;;) {
    const propensities = reactions.map((r) => propensity(r, state));
    const total = propensities.reduce((sum, a) => sum + a, 0);
    const tNext = total > 0 ? t - Math.log(1 - Math.random()) / total : Infinity;
    // Samples due before the next event see the current state.
    while (nextSample < nSamples && (nextSample * scenario.outputInterval <= tNext || tNext > scenario.duration)) {
      samples.push({ ...state });
      nextSample++;
    }
    if (tNext > scenario.duration) break;
    t = tNext;
    let pick = Math.random() * total;
    let j = 0;
    while (j < reactions.length - 1 && pick >= propensities[j]) pick -= propensities[j++];
    const reaction = reactions[j];
    for (const [species, n] of Object.entries(reaction.reactants)) state[species] -= n;
    for (const [species, n] of Object.entries(reaction.products)) state[species] += n;
    events++;
  }
  return { events, samples };
}

// Workload check: both simulate the same infection (events per run and attack rate).
let replicate = 0;
const engineRun = () => runScenarioSync(resolved, { replicateIndices: [replicate++ % REPLICATES] }).runs[0];
const engineChecks = Array.from({ length: 5 }, engineRun);
const naiveChecks = Array.from({ length: 5 }, naiveDirectMethod);
const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
const engineEvents = mean(engineChecks.map((r) => r.work));
const naiveEvents = mean(naiveChecks.map((r) => r.events));
const engineAttack = mean(engineChecks.map((r) => 1 - r.observables.U.at(-1) / U0));
const naiveAttack = mean(naiveChecks.map((r) => 1 - r.samples.at(-1).U / U0));

const rates = compare(
  {
    engine: () => engineRun().work,
    naive: () => naiveDirectMethod().events,
  },
  { warmupMs: 500, sampleMs: 500, samples: 7 },
);

report({
  name: `SSA TCL (U0 = 1e5)`,
  unit: 'events/s',
  engine: rates.engine.rate,
  baseline: rates.naive.rate,
  baselineLabel: 'naive direct-method baseline',
  notes: [
    `model: U0 = 1e5, V0 = 10, β = ${BETA} (R0 ≈ 22 as with the defaults), ${scenario.duration} days sampled every ${scenario.outputInterval} day`,
    `events per run: engine ${Math.round(engineEvents).toLocaleString('en-US')}, naive ${Math.round(naiveEvents).toLocaleString('en-US')}; target cells infected: engine ${(100 * engineAttack).toFixed(1)} %, naive ${(100 * naiveAttack).toFixed(1)} %`,
  ],
});
