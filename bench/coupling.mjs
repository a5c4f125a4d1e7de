/**
 * Coupled-run benchmark: the Lung Twin coupled to the Immune System Twin's lymph node (engine coupled runs, the
 * README's links; contained regime on a 60² section, 6 days) against the Lung Twin alone on its T-cell schedule
 * (same section, same days), measured side by side; and the same coupled run exchanging every day instead of every
 * 3 hours, which shows what the exchanges themselves cost.
 */
import { ModelRegistry, runScenarioSync } from '@immunotwin/engine';
import { immuneModel } from '@immunotwin/model-immune';
import { lungModel } from '@immunotwin/model-lung';
import { compare, report } from './harness.mjs';

const registry = new ModelRegistry();
registry.register(lungModel);
registry.register(immuneModel);

const parameters = { latticeSize: 60, infectivity: 1e-4, foci: 4, fociPlacement: 2, tCellDelay: 3 };
const alone = { model: 'lung', duration: 6, outputInterval: 0.25, seed: 1, parameters };
const coupled = (interval) => ({
  ...alone,
  coupling: {
    interval,
    partners: { node: { model: 'immune-system', parameters: { inoculum: 0 } } },
    links: [
      { from: 'lung.antigenOut', to: 'node.antigenIn', scale: (64 * 20) ** 2 / (60 * 5) ** 2 },
      { from: 'node.cd8Effector', to: 'lung.effectorSupply', scale: (0.4 / 1440) * 5000 },
      { from: 'node.virusNeutralisation', to: 'lung.antibodyClearance', scale: 1 / 1440 },
    ],
  },
});

const scenarios = {
  coupled: registry.resolve(coupled(0.125)),
  daily: registry.resolve(coupled(1)),
  alone: registry.resolve(alone),
};
const once = (scenario) => () => (runScenarioSync(scenario), 1);
const rates = compare(
  { coupled: once(scenarios.coupled), daily: once(scenarios.daily), alone: once(scenarios.alone) },
  { warmupMs: 500, sampleMs: 400, samples: 5 },
);

report({
  name: 'lung + lymph node, coupled (6 days, 60² section)',
  unit: 'runs/s',
  engine: rates.coupled.rate,
  baseline: rates.alone.rate,
  baselineLabel: 'the Lung Twin alone on its T-cell schedule',
  notes: [
    'exchanges every 0.125 day (48 over the run): antigen out, effectors and antibody in; the immune twin at its defaults (64² patch, 30-min steps) with inoculum 0',
    `exchanging once a day instead: ${rates.daily.rate.toFixed(3)} runs/s (every 0.125 day / every day ${(rates.coupled.rate / rates.daily.rate).toFixed(2)}×; the dynamics differ a little too)`,
  ],
});
