import type { LessonTasks, TaskScenario } from './task.js';

/** The antiviral (90 % of virus production blocked) from `start` to day 10. */
const treatedFrom = (start: number, efficacy = 0.9): TaskScenario => ({
  interventions: [{ kind: 'antiviral', start, stop: 10, efficacy }],
});

/** Healthy epithelium on day 21 (the model's duration). */
const healthyLeft = { observable: 'healthyFraction', summary: 'final' } as const;

/** Tasks of notebooks/lessons/antiviral-timing.ipynb (the within-host model with innate and adaptive immunity). */
export const antiviralTiming: LessonTasks = {
  lesson: 'antiviral-timing',
  tasks: [
    {
      id: 'antiviral.minimum-efficacy',
      model: 'target-cell-limited',
      question: 'The smallest efficacy ε of a production inhibitor that brings influenza’s R0 below 1',
      unit: '1',
      answer: { expression: '1 - c * delta / (beta * p * U0)' },
      tolerance: { absolute: 0.005 },
    },
    {
      id: 'antiviral.healthy-day-one',
      model: 'virus-innate-adaptive',
      question: 'The fraction of the epithelium healthy on day 21 with the antiviral from day 1 to day 10',
      unit: '1',
      answer: { outcome: healthyLeft, scenario: treatedFrom(1) },
      tolerance: { absolute: 0.02 },
    },
    {
      id: 'antiviral.healthy-day-two',
      model: 'virus-innate-adaptive',
      question: 'The same with the antiviral from day 2 (the day of the virus peak)',
      unit: '1',
      answer: { outcome: healthyLeft, scenario: treatedFrom(2) },
      tolerance: { absolute: 0.02 },
    },
    {
      id: 'antiviral.rebound-day',
      model: 'virus-innate-adaptive',
      question: 'With a 99 % effective antiviral from day 1 to day 10, the day of the virus peak',
      unit: 'day',
      answer: { outcome: { observable: 'V', summary: 'timeToPeak' }, scenario: treatedFrom(1, 0.99) },
      tolerance: { absolute: 0.5 },
    },
  ],
};
