import type { LessonTasks, TaskQuantity } from './task.js';

/** Four weeks of the default primary infection (seed 1). */
const primary = { duration: 28 } as const;

/** A summary of an antibody titre over those four weeks. */
const titre = (observable: 'IgM' | 'IgG', summary: 'peak' | 'timeToPeak'): TaskQuantity => ({
  outcome: { observable, summary },
  scenario: primary,
});

/** Tasks of notebooks/lessons/antibodies-and-affinity.ipynb (the Immune System Twin's B cells and antibodies). */
export const antibodiesAndAffinity: LessonTasks = {
  lesson: 'antibodies-and-affinity',
  tasks: [
    {
      id: 'antibody.igm-peak-day',
      model: 'immune-system',
      question: 'The day the IgM titre peaks in the four weeks after a primary infection (seed 1)',
      unit: 'day',
      answer: titre('IgM', 'timeToPeak'),
      tolerance: { absolute: 0.25 },
    },
    {
      id: 'antibody.igg-peak-day',
      model: 'immune-system',
      question: 'The day the IgG titre peaks in the same run',
      unit: 'day',
      answer: titre('IgG', 'timeToPeak'),
      tolerance: { absolute: 0.25 },
    },
    {
      id: 'antibody.igg-over-igm',
      model: 'immune-system',
      question: 'How many times higher the IgG peak is than the IgM peak',
      unit: '1',
      answer: { ratio: [titre('IgG', 'peak'), titre('IgM', 'peak')] },
      tolerance: { relative: 0.1 },
    },
    {
      id: 'antibody.precursor-affinity',
      model: 'immune-system',
      question:
        'The mean affinity of naive B precursors drawn uniformly among the receptors that bind (0, 1 or 2 mismatches)',
      unit: '1',
      answer: {
        expression:
          '(1 + receptorBits * affinityPerMismatch + receptorBits * (receptorBits - 1) / 2 * affinityPerMismatch ^ 2) / (1 + receptorBits + receptorBits * (receptorBits - 1) / 2)',
      },
      tolerance: { relative: 0.05 },
    },
    {
      id: 'antibody.igg-affinity',
      model: 'immune-system',
      question: 'The mean affinity of the IgG on day 28 (seed 1)',
      unit: '1',
      answer: { outcome: { observable: 'iggAffinity', summary: 'final' }, scenario: primary },
      tolerance: { absolute: 0.02 },
    },
  ],
};
