import { portableMath } from '@immunotwin/engine';
import type { SensitivityOptions, SweepOptions } from '../twin/studyOptions.js';
import type { LessonTasks, TaskQuantity } from './task.js';

/**
 * The lesson's Sobol' analysis: four parameters of the target-cell-limited model, each over about a factor of 3
 * either side of Baccam et al.'s (2006) fit, a Saltelli design of 256 base rows (1536 runs).
 */
const sobol: SensitivityOptions = {
  parameters: {
    beta: { range: [1e-5, 1e-4] },
    p: { range: [0.015, 0.15] },
    c: { range: [1.7, 17] },
    delta: { range: [1.7, 17] },
  },
  n: 256,
  outcomes: ['V.peak', 'V.timeToPeak'],
};

/** A log-normal spread around a value: median `median`, σ of the log 0.5 (a CV of about 50 %; illustrative). */
const spread = (median: number, lower: number, upper: number) => ({
  distribution: { kind: 'log-normal' as const, mu: portableMath.log(median), sigma: 0.5, truncate: { lower, upper } },
});

/** The lesson's virtual cohort: 100 patients, β and p log-normal around Baccam et al.'s values (a Latin hypercube). */
const cohort: SweepOptions = {
  parameters: { beta: spread(3.2e-5, 1e-6, 1e-3), p: spread(0.046, 1e-3, 1) },
  design: { kind: 'lhs', n: 100, seed: 1 },
  outcomes: ['V.peak', 'V.timeToPeak'],
};

/** One index of the lesson's Sobol' analysis. */
const sobolIndex = (parameter: string, index: 'firstOrder' | 'total', outcome: string): TaskQuantity => ({
  sensitivity: { options: sobol, parameter, index, outcome },
});

/** A quantile of an outcome over the lesson's cohort. */
const cohortQuantile = (q: number, outcome: string): TaskQuantity => ({
  cohortQuantile: { options: cohort, q, outcome },
});

/** Tasks of notebooks/lessons/sensitivity-and-cohorts.ipynb (the target-cell-limited model). */
export const sensitivityAndCohorts: LessonTasks = {
  lesson: 'sensitivity-and-cohorts',
  tasks: [
    {
      id: 'sensitivity.first-order-p',
      model: 'target-cell-limited',
      question: "The first-order Sobol' index of p for the viral peak (the lesson's design, n = 256)",
      unit: '1',
      answer: sobolIndex('p', 'firstOrder', 'V.peak'),
      tolerance: { absolute: 0.03 },
    },
    {
      id: 'sensitivity.total-beta-time',
      model: 'target-cell-limited',
      question: "The total Sobol' index of β for the time to the viral peak (the same design)",
      unit: '1',
      answer: sobolIndex('beta', 'total', 'V.timeToPeak'),
      tolerance: { absolute: 0.03 },
    },
    {
      id: 'sensitivity.cohort-median-day',
      model: 'target-cell-limited',
      question: 'The median day of the viral peak over the virtual cohort of 100',
      unit: 'day',
      answer: cohortQuantile(0.5, 'V.timeToPeak'),
      tolerance: { absolute: 0.1 },
    },
    {
      id: 'sensitivity.cohort-peak-spread',
      model: 'target-cell-limited',
      question: "How many times higher the cohort's 95th percentile of the viral peak is than its 5th",
      unit: '1',
      answer: { ratio: [cohortQuantile(0.95, 'V.peak'), cohortQuantile(0.05, 'V.peak')] },
      tolerance: { relative: 0.05 },
    },
  ],
};
