import type { PresetSpec } from '@immunotwin/engine';

/** The hosts the Lung Twin offers as presets (typed here: their parameter sets name different ids). */
export const LUNG_PRESETS: PresetSpec[] = [
  {
    id: 'adult',
    label: 'Average adult (defaults)',
    description:
      'An adult with the default responses: effector T cells from day 7 at SIMCoV’s supply, full innate recruitment.',
    source: 'the defaults (see the parameter sources)',
    parameters: {},
  },
  {
    id: 'olderHost',
    label: 'Older host',
    description:
      'T cells later and weaker: effector CD8 T cells reach the lung 2 days later (day 9) at half the supply. Innate recruitment as in the adult.',
    source:
      'illustrative magnitudes; direction after Toapanta & Ross 2009 (aged mice: delayed and reduced CD8 T-cell responses in the lung after influenza; verify) and Yager et al. 2008 (aged mice: a narrower CD8 repertoire, impaired influenza immunity; verify)',
    parameters: { tCellDelay: 9, tCellGeneration: 52500 },
  },
  {
    id: 'immunosuppressed',
    label: 'Immunosuppressed host',
    description:
      'A tenth of the effector T-cell supply and a quarter of the neutrophil and NK-cell recruitment (e.g. after chemotherapy or on high-dose immunosuppressants); T cells at the usual time.',
    source: 'illustrative',
    parameters: { tCellGeneration: 10500, neutrophilRecruitment: 0.05, nkRecruitment: 0.0125 },
  },
];
