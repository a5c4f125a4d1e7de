import type { LessonTasks, TaskQuantity, TaskScenario } from './task.js';

/** The first two weeks of the default primary infection (seed 1), with these CD8 precursors if given. */
const twoWeeks = (cd8Precursors?: number): TaskScenario => ({
  duration: 14,
  ...(cd8Precursors === undefined ? {} : { parameters: { cd8Precursors } }),
});

/** Peak of the responding (dividing + effector) CD8 T cells over the first two weeks. */
const cd8Peak = (cd8Precursors?: number): TaskQuantity => ({
  outcome: { observable: 'cd8Effector', summary: 'peak' },
  scenario: twoWeeks(cd8Precursors),
});

/** Tasks of notebooks/lessons/clonal-selection.ipynb (the Immune System Twin's CD8 T-cell clones). */
export const clonalSelection: LessonTasks = {
  lesson: 'clonal-selection',
  tasks: [
    {
      id: 'clonal.binding-receptors',
      model: 'immune-system',
      question: 'How many of the 2^receptorBits receptors bind the epitope (at most maxMismatch = 2 mismatched bits)',
      unit: 'receptors',
      answer: { expression: '1 + receptorBits + receptorBits * (receptorBits - 1) / 2' },
      tolerance: { absolute: 0.5 },
    },
    {
      id: 'clonal.activation-wait',
      model: 'immune-system',
      question:
        'The mean waiting time to activation of a naive CD8 T cell with two mismatched bits under full presentation and no CD4 help',
      unit: 'day',
      answer: { expression: '1 / (tActivation * affinityPerMismatch ^ 2)' },
      tolerance: { relative: 0.05 },
    },
    {
      id: 'clonal.fold-expansion',
      model: 'immune-system',
      question: 'How many times the CD8 T cells multiply from their naive precursors to their peak (seed 1)',
      unit: '1',
      answer: { ratio: [cd8Peak(), { outcome: { observable: 'cd8Naive', summary: 'peak' }, scenario: twoWeeks() }] },
      tolerance: { relative: 0.1 },
    },
    {
      id: 'clonal.precursors-tenfold',
      model: 'immune-system',
      question: 'How many times higher the CD8 peak is with ten times more precursors (cd8Precursors = 1500, seed 1)',
      unit: '1',
      answer: { ratio: [cd8Peak(1500), cd8Peak()] },
      tolerance: { relative: 0.1 },
    },
    {
      id: 'clonal.peak-day-few',
      model: 'immune-system',
      question: 'The day of the CD8 peak with ten times fewer precursors (cd8Precursors = 15, seed 1)',
      unit: 'day',
      answer: { outcome: { observable: 'cd8Effector', summary: 'timeToPeak' }, scenario: twoWeeks(15) },
      tolerance: { absolute: 0.25 },
    },
  ],
};
