/**
 * ODE benchmark: 30-day runs of the target-cell-limited model (default parameters = the influenzaEclipse
 * preset) through the engine's public API (resolve once, runScenarioSync repeatedly), against a plain
 * hand-written fixed-step RK4 loop of the same equations whose step is chosen to reach comparable
 * accuracy: its peak V must match a tight-tolerance engine reference within max(1e-6, the engine's own
 * error) relative.
 */
import { resolveScenario, runScenarioSync } from '@immunotwin/engine';
import { targetCellLimited } from '@immunotwin/model-within-host';
import { compare, report } from './harness.mjs';

const DURATION = 30;
const OUTPUT_INTERVAL = 0.1;
const scenario = {
  model: 'target-cell-limited',
  preset: 'influenzaEclipse',
  duration: DURATION,
  outputInterval: OUTPUT_INTERVAL,
};

/** Largest value of a series and its index. */
function peak(values) {
  let best = 0;
  for (let i = 1; i < values.length; i++) if (values[i] > values[best]) best = i;
  return { value: values[best], index: best };
}

/**
 * The model's four equations integrated with classical RK4 at a fixed step, recording V at every output
 * time. Written the plain way: scalar state, the right-hand side spelled out four times.
 */
function rk4TargetCellLimited(P, stepsPerOutput) {
  const { U0, V0, beta, p, c, delta, k, eclipse, entryLoss, lambda, dU } = P;
  const toE = beta * eclipse;
  const toI = beta * (1 - eclipse);
  const lost = beta * entryLoss;
  const nOut = Math.round(DURATION / OUTPUT_INTERVAL) + 1;
  const h = OUTPUT_INTERVAL / stepsPerOutput;
  const V_out = new Float64Array(nOut);
  let U = U0;
  let E = 0;
  let I = 0;
  let V = V0;
  V_out[0] = V;
  for (let o = 1; o < nOut; o++) {
    for (let s = 0; s < stepsPerOutput; s++) {
      let inf = U * V;
      const u1 = lambda - dU * U - beta * inf;
      const e1 = toE * inf - k * E;
      const i1 = k * E + toI * inf - delta * I;
      const v1 = p * I - c * V - lost * inf;
      let Ua = U + 0.5 * h * u1,
        Ea = E + 0.5 * h * e1,
        Ia = I + 0.5 * h * i1,
        Va = V + 0.5 * h * v1;
      inf = Ua * Va;
      const u2 = lambda - dU * Ua - beta * inf;
      const e2 = toE * inf - k * Ea;
      const i2 = k * Ea + toI * inf - delta * Ia;
      const v2 = p * Ia - c * Va - lost * inf;
      Ua = U + 0.5 * h * u2;
      Ea = E + 0.5 * h * e2;
      Ia = I + 0.5 * h * i2;
      Va = V + 0.5 * h * v2;
      inf = Ua * Va;
      const u3 = lambda - dU * Ua - beta * inf;
      const e3 = toE * inf - k * Ea;
      const i3 = k * Ea + toI * inf - delta * Ia;
      const v3 = p * Ia - c * Va - lost * inf;
      Ua = U + h * u3;
      Ea = E + h * e3;
      Ia = I + h * i3;
      Va = V + h * v3;
      inf = Ua * Va;
      const u4 = lambda - dU * Ua - beta * inf;
      const e4 = toE * inf - k * Ea;
      const i4 = k * Ea + toI * inf - delta * Ia;
      const v4 = p * Ia - c * Va - lost * inf;
      U += (h / 6) * (u1 + 2 * u2 + 2 * u3 + u4);
      E += (h / 6) * (e1 + 2 * e2 + 2 * e3 + e4);
      I += (h / 6) * (i1 + 2 * i2 + 2 * i3 + i4);
      V += (h / 6) * (v1 + 2 * v2 + 2 * v3 + v4);
    }
    V_out[o] = V;
  }
  return V_out;
}

const resolved = resolveScenario(targetCellLimited, scenario);
const engineRun = runScenarioSync(resolved).runs[0];
const reference = runScenarioSync(
  resolveScenario(targetCellLimited, { ...scenario, solver: { rtol: 1e-12, atol: 1e-12 } }),
).runs[0];
const refPeak = peak(reference.observables.V);
const relError = (value) => Math.abs(value - refPeak.value) / refPeak.value;
const engineError = relError(peak(engineRun.observables.V).value);
const target = Math.max(1e-6, engineError);

/** RK4 peak-V error with `steps` steps per output interval. */
const rk4Error = (steps) => relError(peak(rk4TargetCellLimited(resolved.parameters, steps)).value);

/**
 * Steps per output interval RK4 needs for a peak-V error ≤ `tolerance`: the step is halved until the
 * error is small enough at that step and at half of it (so a lucky cancellation at one coarse step
 * does not count).
 */
function stepsFor(tolerance) {
  let steps = 1;
  while (!(rk4Error(steps) <= tolerance && rk4Error(2 * steps) <= tolerance) && steps < 1 << 14) steps *= 2;
  return steps;
}

const describeStep = (steps) => {
  const h = OUTPUT_INTERVAL / steps;
  return `h = ${h} day (${Math.round(DURATION / h)} steps), peak V rel. error ${rk4Error(steps).toExponential(1)}`;
};

// Headline: RK4 accurate to 1e-6 (or to the engine's error if that is larger). Second row: RK4 as
// accurate as the engine's default-tolerance run actually is.
const looseSteps = stepsFor(target);
const matchedTarget = Math.max(engineError, 1e-13);
const matchedSteps = stepsFor(matchedTarget);

// Third row: the engine at a looser, everyday tolerance against RK4 made exactly as accurate.
const looseResolved = resolveScenario(targetCellLimited, { ...scenario, solver: { rtol: 1e-6, atol: 1e-6 } });
const looseRun = runScenarioSync(looseResolved).runs[0];
const looseError = Math.max(relError(peak(looseRun.observables.V).value), 1e-13);
const looseMatchedSteps = stepsFor(looseError);

const rates = compare({
  engine: () => (runScenarioSync(resolved), 1),
  engineLoose: () => (runScenarioSync(looseResolved), 1),
  rk4LooseMatched: () => (rk4TargetCellLimited(resolved.parameters, looseMatchedSteps), 1),
  rk4: () => (rk4TargetCellLimited(resolved.parameters, looseSteps), 1),
  rk4Matched: () => (rk4TargetCellLimited(resolved.parameters, matchedSteps), 1),
});

report({
  name: 'ODE 30-day TCL',
  unit: 'runs/s',
  engine: rates.engine.rate,
  baseline: rates.rk4.rate,
  baselineLabel: `fixed-step RK4 baseline at a looser accuracy (peak V within ${target.toExponential(0)})`,
  notes: [
    `reference (engine, rtol = atol = 1e-12): peak V = ${refPeak.value.toPrecision(10)} TCID50/mL at t = ${reference.time[refPeak.index].toFixed(1)} day`,
    `engine (Dormand–Prince, rtol ${resolved.solver.rtol}, atol ${resolved.solver.atol}): ${engineRun.work} steps, peak V rel. error ${engineError.toExponential(1)}`,
    `RK4 for ≤ ${target.toExponential(1)}: ${describeStep(looseSteps)}`,
    `RK4 for ≤ ${matchedTarget.toExponential(1)} (the engine's own error): ${describeStep(matchedSteps)}`,
  ],
});
report({
  name: 'ODE 30-day TCL, RK4 as accurate as engine',
  unit: 'runs/s',
  engine: rates.engine.rate,
  baseline: rates.rk4Matched.rate,
  baselineLabel: `fixed-step RK4 baseline (peak V within ${matchedTarget.toExponential(1)})`,
  notes: [],
});
report({
  name: 'ODE 30-day TCL at rtol 1e-6, RK4 as accurate',
  unit: 'runs/s',
  engine: rates.engineLoose.rate,
  baseline: rates.rk4LooseMatched.rate,
  baselineLabel: `fixed-step RK4 baseline (peak V within ${looseError.toExponential(1)})`,
  notes: [
    `engine (rtol 1e-6, atol 1e-6): ${looseRun.work} steps, peak V rel. error ${looseError.toExponential(1)}; RK4: ${describeStep(looseMatchedSteps)}`,
  ],
});
