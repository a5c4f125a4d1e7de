import type { LessonTasks } from './task.js';

const tPeak = { outcome: { observable: 'T', summary: 'peak' } } as const;

/** Tasks of notebooks/lessons/t-cell-expansion.ipynb (the within-host model with innate and adaptive immunity). */
export const tCellExpansion: LessonTasks = {
  lesson: 't-cell-expansion',
  tasks: [
    {
      id: 'tcell.fold-expansion',
      model: 'virus-innate-adaptive',
      question: 'How many times the CD8 T cells multiply from their precursors (T0) to their peak',
      unit: '1',
      answer: { ratio: [tPeak, { expression: 'T0' }] },
      tolerance: { relative: 0.1 },
    },
    {
      id: 'tcell.peak-day',
      model: 'virus-innate-adaptive',
      question: 'The day of the T-cell peak',
      unit: 'day',
      answer: { outcome: { observable: 'T', summary: 'timeToPeak' } },
      tolerance: { absolute: 0.25 },
    },
    {
      id: 'tcell.half-life',
      model: 'virus-innate-adaptive',
      question: 'The half-life of the effector T cells in the contraction phase',
      unit: 'day',
      answer: { expression: 'log(2) / dT' },
      tolerance: { relative: 0.05 },
    },
    {
      id: 'tcell.precursors-tenfold',
      model: 'virus-innate-adaptive',
      question: 'How many times higher the T-cell peak is with ten times more precursors (T0 = 1000)',
      unit: '1',
      answer: { ratio: [{ ...tPeak, scenario: { parameters: { T0: 1000 } } }, tPeak] },
      tolerance: { relative: 0.1 },
    },
    {
      id: 'tcell.clearance-without-cd8',
      model: 'virus-innate-adaptive',
      question: 'Without a CD8 response (preset noCd8Response), the day the virus falls below 0.01 TCID50/mL for good',
      unit: 'day',
      answer: {
        outcome: { observable: 'V', summary: 'clearanceTime', threshold: 0.01 },
        scenario: { preset: 'noCd8Response' },
      },
      tolerance: { absolute: 0.25 },
    },
  ],
};
