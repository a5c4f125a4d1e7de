import type { LessonTasks, TaskScenario } from './task.js';

/**
 * One virion, the neuraminidase inhibitor at its default efficacy (0.985 on sensitive virus, none on resistant) from
 * `start` to day 7, 200 tau-leaping runs of 7 days (seed 1).
 */
const treatedFrom = (start: number, parameters: Record<string, number> = {}): TaskScenario => ({
  parameters: { V0: 1, ...parameters },
  interventions: [{ kind: 'neuraminidaseInhibitor', start, stop: 7 }],
  duration: 7,
  method: 'tau-leaping',
  replicates: 200,
  seed: 1,
});

/** Resistance took over: the resistant virus peaked above 10³ TCID50/mL. */
const tookOver = { observable: 'Vr', summary: 'peak', above: 1000 } as const;

/** Tasks of notebooks/lessons/drug-resistance.ipynb (the influenza-resistance model). */
export const drugResistance: LessonTasks = {
  lesson: 'drug-resistance',
  tasks: [
    {
      id: 'resistance.ode-peak',
      model: 'influenza-resistance',
      question: 'In the ODE run with the drug from day 1, the peak of the resistant virus',
      unit: 'TCID50/mL',
      answer: {
        outcome: { observable: 'Vr', summary: 'peak' },
        scenario: { interventions: [{ kind: 'neuraminidaseInhibitor', start: 1, stop: 10 }] },
      },
      tolerance: { relative: 0.05 },
    },
    {
      id: 'resistance.early-treatment',
      model: 'influenza-resistance',
      question:
        'The share of 200 stochastic runs (one virion, seed 1) in which resistance takes over with the drug from day 1',
      unit: '1',
      answer: { fractionOfRuns: tookOver, scenario: treatedFrom(1) },
      tolerance: { absolute: 0.1 },
    },
    {
      id: 'resistance.late-treatment',
      model: 'influenza-resistance',
      question: 'The same share with the drug from day 2',
      unit: '1',
      answer: { fractionOfRuns: tookOver, scenario: treatedFrom(2) },
      tolerance: { absolute: 0.04 },
    },
    {
      id: 'resistance.fitness-cost',
      model: 'influenza-resistance',
      question: 'The share with the drug from day 1 when the resistant strain’s fitness cost is 50 %',
      unit: '1',
      answer: { fractionOfRuns: tookOver, scenario: treatedFrom(1, { fitnessCost: 0.5 }) },
      tolerance: { absolute: 0.1 },
    },
  ],
};
