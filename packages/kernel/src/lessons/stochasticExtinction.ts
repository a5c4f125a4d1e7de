import { C_FOR_R0_TWO } from './r0AndTheThreshold.js';
import type { LessonTasks, TaskScenario } from './task.js';

/** `count` virions of inoculum at R0 = 2, 200 tau-leaping runs over 8 days (seed 1). */
const smallInoculum = (count: number): TaskScenario => ({
  parameters: { c: C_FOR_R0_TWO, V0: count },
  method: 'tau-leaping',
  duration: 8,
  replicates: 200,
  seed: 1,
});

/** The virus died out: under one virion on the last day. */
const diedOut = { observable: 'V', summary: 'final', below: 1 } as const;

/** Tasks of notebooks/lessons/stochastic-extinction.ipynb. */
export const stochasticExtinction: LessonTasks = {
  lesson: 'stochastic-extinction',
  tasks: [
    {
      id: 'extinction.one-virion',
      model: 'target-cell-limited',
      question: 'The share of infections started by one virion that die out when R0 = 2',
      unit: '1',
      answer: { fractionOfRuns: diedOut, scenario: smallInoculum(1) },
      tolerance: { absolute: 0.1 },
    },
    {
      id: 'extinction.three-virions',
      model: 'target-cell-limited',
      question: 'The same share when the inoculum is three virions',
      unit: '1',
      answer: { fractionOfRuns: diedOut, scenario: smallInoculum(3) },
      tolerance: { absolute: 0.07 },
    },
    {
      id: 'extinction.default-r0',
      model: 'target-cell-limited',
      question: 'The share of one-virion infections that die out with the default parameters (R0 ≈ 22)',
      unit: '1',
      answer: {
        fractionOfRuns: diedOut,
        scenario: { parameters: { V0: 1 }, method: 'tau-leaping', duration: 3, replicates: 200, seed: 1 },
      },
      tolerance: { absolute: 0.04 },
    },
  ],
};
