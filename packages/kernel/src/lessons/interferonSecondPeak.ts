import type { LessonTasks } from './task.js';

/** Tasks of notebooks/lessons/interferon-second-peak.ipynb (the within-host model with innate and adaptive immunity). */
export const interferonSecondPeak: LessonTasks = {
  lesson: 'interferon-second-peak',
  tasks: [
    {
      id: 'ifn.peak-fold',
      model: 'virus-innate-adaptive',
      question: 'How many times higher the virus peak is without interferon (preset noInterferon) than with it',
      unit: '1',
      answer: {
        ratio: [
          { outcome: { observable: 'V', summary: 'peak' }, scenario: { preset: 'noInterferon' } },
          { outcome: { observable: 'V', summary: 'peak' } },
        ],
      },
      tolerance: { relative: 0.1 },
    },
    {
      id: 'ifn.second-peak-day',
      model: 'virus-innate-adaptive',
      question: 'With innate immunity only (preset innateOnly), the day of the second virus peak',
      unit: 'day',
      answer: { outcome: { observable: 'V', summary: 'timeToPeak' }, after: 4, scenario: { preset: 'innateOnly' } },
      tolerance: { absolute: 0.5 },
    },
    {
      id: 'ifn.healthy-innate-only',
      model: 'virus-innate-adaptive',
      question: 'With innate immunity only, the fraction of epithelial cells healthy on day 21',
      unit: '1',
      answer: {
        outcome: { observable: 'healthyFraction', summary: 'final' },
        scenario: { preset: 'innateOnly' },
      },
      tolerance: { absolute: 0.05 },
    },
  ],
};
