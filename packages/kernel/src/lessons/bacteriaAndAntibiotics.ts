import type { LessonTasks, TaskScenario } from './task.js';

/** Neutropenia (the preset: a third of the neutrophil supply) with a bactericidal antibiotic from `start` to 72 h. */
const neutropenicTreatedFrom = (start: number): TaskScenario => ({
  preset: 'neutropenic',
  interventions: [{ kind: 'antibiotic', start, stop: 72, efficacy: 1 }],
});

/** Bacteria gone: the first hour after the peak from which they stay below one CFU. */
const cleared = { observable: 'P', summary: 'clearanceTime', threshold: 1 } as const;

/** Tasks of notebooks/lessons/bacteria-and-antibiotics.ipynb (the extracellular-bacteria model). */
export const bacteriaAndAntibiotics: LessonTasks = {
  lesson: 'bacteria-and-antibiotics',
  tasks: [
    {
      id: 'bacteria.peak',
      model: 'bacteria-innate',
      question: 'The peak number of bacteria (CFU) with the default pneumococcus parameters',
      unit: 'CFU',
      answer: { outcome: { observable: 'P', summary: 'peak' } },
      tolerance: { relative: 0.1 },
    },
    {
      id: 'bacteria.clearance',
      model: 'bacteria-innate',
      question: 'The hour from which the bacteria stay below one CFU, with the default parameters',
      unit: 'hour',
      answer: { outcome: cleared },
      tolerance: { absolute: 1 },
    },
    {
      id: 'bacteria.neutropenic-left',
      model: 'bacteria-innate',
      question: 'The bacteria left at 72 h with neutropenia (preset neutropenic) and no antibiotic',
      unit: 'CFU',
      answer: { outcome: { observable: 'P', summary: 'final' }, scenario: { preset: 'neutropenic' } },
      tolerance: { relative: 0.1 },
    },
    {
      id: 'bacteria.antibiotic-day-one',
      model: 'bacteria-innate',
      question: 'With neutropenia and the antibiotic from 24 h, the hour from which the bacteria stay below one CFU',
      unit: 'hour',
      answer: { outcome: cleared, scenario: neutropenicTreatedFrom(24) },
      tolerance: { absolute: 1 },
    },
  ],
};
