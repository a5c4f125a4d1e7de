import { parameter } from '@immunotwin/engine';

/** Sego et al. 2020 (PLoS Comput Biol 16:e1008451), their lymph-node signal and immune recruitment. */
const SEGO = 'after Sego et al. 2020 (lymph-node signal driving immune recruitment)';

/**
 * An optional recruitment feedback (off by default): a lymph-node signal S driven by the section's chemokine, which
 * sets the T-cell supply instead of SIMCoV's constant one (see the README, "Recruitment feedback").
 */
export const LYMPH_SIGNAL_PARAMETERS = [
  parameter({
    id: 'lymphSignalGain',
    label: 'Lymph-node signal gain',
    unit: 'site/(a.u.·day)',
    default: 0,
    min: 0,
    max: 1000,
    scale: 'linear',
    description:
      'Rise of the lymph-node signal S per a.u. of mean chemokine per site and per day: dS/dt = lymphSignalGain·c − lymphSignalDecay·S. 0 (the default) turns the feedback off and keeps SIMCoV’s constant supply; above 0 the supply into the circulation after tCellDelay is tCellGeneration·Sⁿ/(1 + Sⁿ), n = lymphSignalHill (unless effectorSupply is connected).',
    source: `illustrative, ${SEGO}; 50 reaches their recurrence regime here`,
  }),
  parameter({
    id: 'lymphSignalDecay',
    label: 'Lymph-node signal decay',
    unit: '1/day',
    default: 4,
    min: 0.01,
    max: 100,
    scale: 'log',
    description:
      'Decay of the lymph-node signal S (a 4-h half-life by default): how soon the supply follows the chemokine down.',
    source: `illustrative, ${SEGO}`,
  }),
  parameter({
    id: 'lymphSignalHill',
    label: 'Lymph-node switch steepness',
    unit: '1',
    default: 8,
    min: 1,
    max: 16,
    scale: 'linear',
    integer: true,
    description:
      'Hill exponent n of the supply’s dependence on the signal, Sⁿ/(1 + Sⁿ): a steep switch turns the supply off once the infection has fallen well below its peak, before it is gone.',
    source: `illustrative, ${SEGO} (their recruitment follows the signal through a switch-like function)`,
  }),
];
