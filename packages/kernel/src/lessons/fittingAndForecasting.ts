import type { FitOptions } from '../twin/fitOptions.js';
import type { LessonTasks, TaskFit, TaskForecast } from './task.js';

/**
 * The influenza challenge study of Hayden et al. 1996 (JAMA 275:295) as DSAIRM ships it: group means of the nasal-wash
 * titre per day, three arms. The same text as examples/data/hayden1996.csv, which the lesson notebook embeds (a lesson
 * in JupyterLite cannot read the repository's files); test/lessons-fitting.test.ts checks that all three agree.
 */
export const HAYDEN_1996_CSV = `time_h,group,observable,value,unit,detection_limit
0,treated-29h,log10V,0,log10 TCID50/mL,0.5
24,treated-29h,log10V,0.93,log10 TCID50/mL,0.5
48,treated-29h,log10V,1.2,log10 TCID50/mL,0.5
72,treated-29h,log10V,0.37,log10 TCID50/mL,0.5
96,treated-29h,log10V,0.02,log10 TCID50/mL,0.5
120,treated-29h,log10V,0,log10 TCID50/mL,0.5
144,treated-29h,log10V,0,log10 TCID50/mL,0.5
168,treated-29h,log10V,0,log10 TCID50/mL,0.5
192,treated-29h,log10V,0,log10 TCID50/mL,0.5
0,treated-50h,log10V,0,log10 TCID50/mL,0.5
24,treated-50h,log10V,0.8,log10 TCID50/mL,0.5
48,treated-50h,log10V,3.15,log10 TCID50/mL,0.5
72,treated-50h,log10V,1.49,log10 TCID50/mL,0.5
96,treated-50h,log10V,0.38,log10 TCID50/mL,0.5
120,treated-50h,log10V,0.09,log10 TCID50/mL,0.5
144,treated-50h,log10V,0.12,log10 TCID50/mL,0.5
168,treated-50h,log10V,0,log10 TCID50/mL,0.5
192,treated-50h,log10V,0,log10 TCID50/mL,0.5
0,untreated,log10V,0,log10 TCID50/mL,0.5
24,untreated,log10V,0.97,log10 TCID50/mL,0.5
48,untreated,log10V,2.73,log10 TCID50/mL,0.5
72,untreated,log10V,2.72,log10 TCID50/mL,0.5
96,untreated,log10V,1.92,log10 TCID50/mL,0.5
120,untreated,log10V,0.85,log10 TCID50/mL,0.5
144,untreated,log10V,0.58,log10 TCID50/mL,0.5
168,untreated,log10V,0.42,log10 TCID50/mL,0.5
192,untreated,log10V,0,log10 TCID50/mL,0.5`;

/** The rows of the arm treated from 50 h up to 48 h: what the twin knows when the treatment decision is made. */
export const HAYDEN_1996_BEFORE_50H_CSV = HAYDEN_1996_CSV.split('\n')
  .filter((row, i) => i === 0 || (row.split(',')[1] === 'treated-50h' && Number(row.split(',')[0]) <= 48))
  .join('\n');

/** The lesson's fit: β, p and c of the untreated arm by least squares on log10 titres (σ = 1, no censoring). */
export const UNTREATED_FIT: TaskFit = {
  data: HAYDEN_1996_CSV,
  options: {
    estimate: [
      { id: 'beta', lower: 1e-7, upper: 1 },
      { id: 'p', lower: 1e-6, upper: 10 },
      { id: 'c', lower: 0.1, upper: 100 },
    ],
    group: 'untreated',
    observation: {
      observations: [
        { observable: 'log10V', expression: 'log10(V)', noise: { kind: 'gaussian', sigma: 1 }, censor: false },
      ],
    },
    starts: 1,
    profiles: false,
  } satisfies FitOptions,
};

/** The fitted twin updated by the 50-h arm's titres up to 48 h (β re-estimated, prior sd 0.5 on ln β). */
const updated = (treat?: TaskForecast['treat']): TaskForecast => ({
  fit: UNTREATED_FIT,
  data: HAYDEN_1996_BEFORE_50H_CSV,
  options: {
    estimate: { beta: 0.5 },
    observation: {
      observations: [
        { observable: 'log10V', expression: 'log10(V)', noise: { kind: 'gaussian', sigma: 0.5 }, censor: false },
      ],
    },
  },
  until: 7,
  ...(treat ? { treat } : {}),
});

/** Tasks of notebooks/lessons/fitting-and-forecasting.ipynb (the target-cell-limited model, Hayden et al. 1996). */
export const fittingAndForecasting: LessonTasks = {
  lesson: 'fitting-and-forecasting',
  tasks: [
    {
      id: 'fitting.r0',
      model: 'target-cell-limited',
      question: 'R0 = βpU0/(cδ) of the twin fitted to the untreated arm',
      unit: '1',
      answer: { fit: UNTREATED_FIT, value: 'beta * p * U0 / (c * delta)' },
      tolerance: { relative: 0.05 },
    },
    {
      id: 'fitting.half-life',
      model: 'target-cell-limited',
      question: 'The free-virus half-life ln 2 / c of the fitted twin, in hours',
      unit: 'h',
      answer: { fit: UNTREATED_FIT, value: '24 * log(2) / c' },
      tolerance: { relative: 0.05 },
    },
    {
      id: 'forecast.untreated-day-3',
      model: 'target-cell-limited',
      question:
        'Updated by the 50-h arm’s titres up to 48 h, the forecast median log10 titre at 72 h without treatment',
      unit: 'log10 TCID50/mL',
      answer: { forecast: updated(), median: { observable: 'log10V', at: 3 } },
      tolerance: { absolute: 0.1 },
    },
    {
      id: 'forecast.treated-day-3',
      model: 'target-cell-limited',
      question: 'The same forecast with oseltamivir (75 mg) from 48 h to day 6',
      unit: 'log10 TCID50/mL',
      answer: {
        forecast: updated({ kind: 'oseltamivir', fields: { stop: 6, dose: 75 } }),
        median: { observable: 'log10V', at: 3 },
      },
      tolerance: { absolute: 0.1 },
    },
  ],
};
