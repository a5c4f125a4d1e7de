import { intervention, type TypedIntervention, type TypedInterventionField } from '@immunotwin/engine';

const field = <Id extends string>(
  id: Id,
  label: string,
  unit: string,
  value: number,
  min: number,
  max: number,
  description: string,
): TypedInterventionField<NoInfer<Id>> => ({
  id,
  label,
  unit,
  default: value,
  min,
  max,
  description,
});

const depletion = <Kind extends string>(
  kind: Kind,
  cells: string,
): TypedIntervention<NoInfer<Kind>, 'fraction' | 'rate'> => ({
  kind,
  label: `Deplete ${cells}`,
  description: `Removes a fraction of ${cells} at the start (lymph node and tissue) and keeps killing new ones at a rate until the stop, as a depleting antibody does.`,
  hasStop: true,
  fields: [
    field('fraction', 'Fraction removed at start', '1', 0.99, 0, 1, 'Fraction removed at once.'),
    field('rate', 'Depletion rate while active', '1/day', 5, 0, 100, 'Extra death rate until the stop.'),
  ],
});

const ALL = [
  intervention({
    kind: 'infection',
    label: 'Infection / challenge',
    description: 'Deposits infectious virus on the patch (Poisson per site), over a disc or the whole patch.',
    hasStop: false,
    fields: [
      field('dose', 'Dose', 'IU', 500, 0, 1e7, 'Infectious units deposited.'),
      field('x', 'Centre x', '1', 0.5, 0, 1, 'Centre of the disc as a fraction of the patch width.'),
      field('y', 'Centre y', '1', 0.5, 0, 1, 'Centre of the disc as a fraction of the patch height.'),
      field('radius', 'Radius', 'sites', 0, 0, 1000, 'Radius of the disc; 0 spreads the dose over the whole patch.'),
    ],
  }),
  intervention({
    kind: 'vaccination',
    label: 'Vaccination',
    description:
      'Puts a depot of vaccine antigen into the draining lymph node, decaying at nodeAntigenDecay. B cells see it at once; with adjuvant, activated dendritic cells also present it to CD4 and CD8 T cells, which brings the CD4 help that germinal centres, IgG and memory B cells need. Without adjuvant B cells make short-lived IgM and little memory. A prime and a boost a few weeks apart protect best.',
    hasStop: false,
    fields: [
      field(
        'dose',
        'Antigen dose',
        'a.u.',
        2000,
        0,
        1e6,
        'Antigen added to the node depot (antigenHalf, 200 a.u., half-saturates B-cell stimulation).',
      ),
      field(
        'adjuvant',
        'Adjuvant',
        '1',
        1,
        0,
        1,
        'Strength of the adjuvant (0: none, 1: strong): the share of the depot presented to T cells while it lasts.',
      ),
    ],
  }),
  intervention({
    kind: 'antiviral',
    label: 'Antiviral',
    description: 'Blocks a fraction of virus production from start until stop.',
    hasStop: true,
    fields: [field('efficacy', 'Efficacy', '1', 0.9, 0, 1, 'Fraction of production blocked.')],
  }),
  intervention({
    kind: 'monoclonalAntibody',
    label: 'Monoclonal antibody infusion',
    description: 'Adds a neutralising antibody of given affinity that decays with its half-life.',
    hasStop: false,
    fields: [
      field('dose', 'Dose', 'a.u.', 2, 0, 1e4, 'Antibody added (same units as the IgG titre).'),
      field('affinity', 'Affinity', '1', 1, 0, 1, 'Affinity for the virus (1: perfect).'),
      field('halfLife', 'Half-life', 'day', 10, 0.1, 100, 'Serum half-life.'),
    ],
  }),
  intervention({
    kind: 'immunosuppression',
    label: 'Immunosuppression',
    description: 'Reduces every lymphocyte division rate from start until stop.',
    hasStop: true,
    fields: [field('efficacy', 'Efficacy', '1', 0.8, 0, 1, 'Fraction by which division rates fall.')],
  }),
  depletion('depleteCD4', 'CD4 T cells'),
  depletion('depleteCD8', 'CD8 T cells'),
  depletion('depleteB', 'B cells'),
  intervention({
    kind: 'cytokineBlockade',
    label: 'Cytokine blockade',
    description: 'Blocks type-I interferon and/or the inflammatory cytokine (their secretion) from start until stop.',
    hasStop: true,
    fields: [
      field('ifn', 'IFN blocked', '1', 1, 0, 1, 'Fraction of interferon blocked.'),
      field('inflammatory', 'Cytokine blocked', '1', 0, 0, 1, 'Fraction of the inflammatory cytokine blocked.'),
    ],
  }),
];

/** Every intervention the immune twin accepts (kinds and field ids as literal types). */
export const IMMUNE_INTERVENTIONS: readonly (typeof ALL)[number][] = ALL;
