import type { LessonTasks } from './task.js';

/**
 * c at which R0 = βpU0/(cδ) = 2 with the default influenza parameters (βpU0/δ = 113.2308/day, halved): a scenario
 * input, not an answer.
 */
export const C_FOR_R0_TWO = 56.6154;

/** Tasks of notebooks/lessons/r0-and-the-threshold.ipynb. */
export const r0AndTheThreshold: LessonTasks = {
  lesson: 'r0-and-the-threshold',
  tasks: [
    {
      id: 'r0.value',
      model: 'target-cell-limited',
      question: 'R0 = βpU0/(cδ) of the default influenza parameters',
      unit: '1',
      answer: { expression: 'beta * p * U0 / (c * delta)' },
      tolerance: { relative: 0.05 },
    },
    {
      id: 'r0.threshold',
      model: 'target-cell-limited',
      question: 'The virus clearance rate c at which R0 = 1 (the other parameters at their defaults)',
      unit: '1/day',
      answer: { expression: 'beta * p * U0 / delta' },
      tolerance: { relative: 0.05 },
    },
    {
      id: 'r0.final-size',
      model: 'target-cell-limited',
      question: 'The fraction of target cells left on day 60 when c is set so that R0 = 2',
      unit: '1',
      answer: {
        outcome: { observable: 'targetFraction', summary: 'final' },
        scenario: { parameters: { c: C_FOR_R0_TWO }, duration: 60 },
      },
      tolerance: { absolute: 0.02 },
    },
    {
      id: 'r0.peak-day-r0-two',
      model: 'target-cell-limited',
      question: 'The day of the virus peak when R0 = 2',
      unit: 'day',
      answer: {
        outcome: { observable: 'V', summary: 'timeToPeak' },
        scenario: { parameters: { c: C_FOR_R0_TWO }, duration: 60 },
      },
      tolerance: { absolute: 0.5 },
    },
  ],
};
