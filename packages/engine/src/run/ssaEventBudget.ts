import { DEFAULT_MAX_EVENTS } from '../stochastic/options.js';
import type { StochasticSystem } from '../stochastic/types.js';
import { ValidationError } from '../validation/index.js';
import type { ResolvedScenario } from './resolveScenario.js';

/**
 * Refuses, before it starts, an exact SSA run that would fire more than `maxEvents` reaction events at its starting
 * rates (total propensity × duration, per replicate): at a few million events a second that is past half a
 * minute of work, and the direct method itself stops a sample interval at the same count. A ValidationError naming
 * `method`, the busiest reaction and what to change. Rates that only grow later are still bounded by the
 * simulator's own limit per interval.
 */
export function checkSsaEventBudget(
  scenario: ResolvedScenario,
  system: StochasticSystem,
  state: Float64Array,
  maxEvents: number = DEFAULT_MAX_EVENTS,
): void {
  const rates = new Float64Array(system.nReactions);
  system.propensities(state, rates);
  let total = 0;
  let busiest = 0;
  for (let j = 0; j < rates.length; j++) {
    total += rates[j];
    if (rates[j] > rates[busiest]) busiest = j;
  }
  const expected = total * scenario.duration;
  if (!(expected > maxEvents)) return;
  const reaction = scenario.plugin.manifest.network?.reactions[busiest]?.id ?? `reaction ${busiest}`;
  const { timeUnit } = scenario.plugin.manifest;
  throw new ValidationError('scenario', [
    {
      path: 'method',
      message:
        `exact SSA would fire about ${expected.toPrecision(2)} reaction events over the run ` +
        `(${scenario.duration} ${timeUnit}${scenario.duration === 1 ? '' : 's'}) at the starting amounts, mostly ` +
        `"${reaction}"; allowed: at most ${maxEvents} per replicate. Use method "tau-leaping" or "ode", ` +
        'smaller initial amounts or a shorter duration',
    },
  ]);
}
