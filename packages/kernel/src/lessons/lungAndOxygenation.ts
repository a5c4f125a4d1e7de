import type { LessonTasks, TaskQuantity, TaskScenario } from './task.js';

/**
 * The lesson's infection: a 60 × 60 section (a 0.3-mm square), a tenth of SIMCoV's infectivity, foci spread on a
 * grid (the contained regime of model-lung's README, where the immune response decides the damage), 10 days, seed 1.
 */
const contained = (
  parameters: Record<string, number>,
  interventions?: TaskScenario['interventions'],
): TaskScenario => ({
  parameters: { latticeSize: 60, infectivity: 1e-4, fociPlacement: 2, ...parameters },
  ...(interventions ? { interventions } : {}),
  duration: 10,
  seed: 1,
});

/** The lowest gas-exchange fraction of a run. */
const lowestGasExchange = (scenario: TaskScenario): TaskQuantity => ({
  minimum: { observable: 'gasExchange' },
  scenario,
});

/** Tasks of notebooks/lessons/lung-and-oxygenation.ipynb (the Lung Twin). */
export const lungAndOxygenation: LessonTasks = {
  lesson: 'lung-and-oxygenation',
  tasks: [
    {
      id: 'lung.spo2-at-sixty',
      model: 'lung',
      question: 'The SpO2 proxy when 60 % of the type I cells exchange gas (Severinghaus at PaO2 = 0.6 × paO2Healthy)',
      unit: '%',
      answer: { expression: '100 / (1 + 23400 / ((0.6 * paO2Healthy) ^ 3 + 150 * 0.6 * paO2Healthy))' },
      tolerance: { absolute: 0.2 },
    },
    {
      id: 'lung.gas-exchange-sixteen-foci',
      model: 'lung',
      question: 'The lowest gas-exchange fraction with 16 foci and T cells from day 2 (seed 1)',
      unit: '1',
      answer: lowestGasExchange(contained({ foci: 16, tCellDelay: 2 })),
      tolerance: { absolute: 0.02 },
    },
    {
      id: 'lung.spo2-nadir-day-seven',
      model: 'lung',
      question: 'The lowest SpO2 proxy with 4 foci and T cells from day 7 (seed 1)',
      unit: '%',
      answer: { minimum: { observable: 'spo2' }, scenario: contained({ foci: 4, tCellDelay: 7 }) },
      tolerance: { absolute: 0.5 },
    },
    {
      id: 'lung.antiviral-saves',
      model: 'lung',
      question:
        'How much higher the lowest gas-exchange fraction is with an antiviral (efficacy 0.5) from day 1 to 10 than untreated (4 foci, T cells from day 7, seed 1)',
      unit: '1',
      answer: {
        difference: [
          lowestGasExchange(
            contained({ foci: 4, tCellDelay: 7 }, [{ kind: 'antiviral', start: 1, stop: 10, efficacy: 0.5 }]),
          ),
          lowestGasExchange(contained({ foci: 4, tCellDelay: 7 })),
        ],
      },
      tolerance: { absolute: 0.02 },
    },
  ],
};
