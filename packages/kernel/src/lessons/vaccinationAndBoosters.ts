import type { LessonTasks, TaskQuantity, TaskScenario } from './task.js';

/** The day of the boost (three weeks after the prime) and of the challenge (four weeks after the boost). */
const BOOST = 21;
const CHALLENGE = 49;

/** A host that starts uninfected, vaccinated on day 0 (and day 21 if boosted), followed to `duration`. */
const vaccinated = (boosted: boolean, duration: number, adjuvant = 1, challenge = false): TaskScenario => ({
  parameters: { inoculum: 0 },
  interventions: [
    { kind: 'vaccination', start: 0, dose: 2000, adjuvant },
    ...(boosted ? [{ kind: 'vaccination', start: BOOST, dose: 2000, adjuvant }] : []),
    ...(challenge ? [{ kind: 'infection', start: CHALLENGE, dose: 10 }] : []),
  ],
  duration,
});

/** An observable's value on the challenge day (the last sample of a run that ends then). */
const onChallengeDay = (observable: string, boosted: boolean, adjuvant = 1): TaskQuantity => ({
  outcome: { observable, summary: 'final' },
  scenario: vaccinated(boosted, CHALLENGE, adjuvant),
});

/** Tasks of notebooks/lessons/vaccination-and-boosters.ipynb (the Immune System Twin's vaccination). */
export const vaccinationAndBoosters: LessonTasks = {
  lesson: 'vaccination-and-boosters',
  tasks: [
    {
      id: 'vaccine.boost-igg',
      model: 'immune-system',
      question: 'How many times more IgG a primed and boosted host has on day 49 than a primed-only one (seed 1)',
      unit: '1',
      answer: { ratio: [onChallengeDay('IgG', true), onChallengeDay('IgG', false)] },
      tolerance: { relative: 0.1 },
    },
    {
      id: 'vaccine.boost-memory',
      model: 'immune-system',
      question: 'How many times more memory CD8 T cells the boosted host has on day 49',
      unit: '1',
      answer: { ratio: [onChallengeDay('cd8Memory', true), onChallengeDay('cd8Memory', false)] },
      tolerance: { relative: 0.1 },
    },
    {
      id: 'vaccine.challenge-damage',
      model: 'immune-system',
      question:
        'Epithelial deaths in the 14 days after a 10 IU challenge on day 49 of the boosted host, as a share of a naive host’s in the 14 days after the same infection',
      unit: '1',
      answer: {
        ratio: [
          { outcome: { observable: 'damage', summary: 'final' }, scenario: vaccinated(true, CHALLENGE + 14, 1, true) },
          { outcome: { observable: 'damage', summary: 'final' }, scenario: { duration: 14 } },
        ],
      },
      tolerance: { relative: 0.1 },
    },
    {
      id: 'vaccine.unadjuvanted-igg',
      model: 'immune-system',
      question: 'IgG on day 49 after the same prime and boost without adjuvant',
      unit: 'a.u.',
      answer: onChallengeDay('IgG', true, 0),
      tolerance: { absolute: 0.05 },
    },
  ],
};
