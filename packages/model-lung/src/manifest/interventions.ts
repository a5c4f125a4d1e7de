import { efficacyField, fractionField, intervention, interventionField } from '@immunotwin/engine';

/** Every intervention the Lung Twin accepts (kinds and field ids as literal types). */
export const LUNG_INTERVENTIONS = [
  intervention({
    kind: 'antiviral',
    label: 'Antiviral (replication inhibitor)',
    description:
      'Lowers virion production by expressing and apoptotic cells by its efficacy, from start until stop (a polymerase or protease inhibitor; Sego et al. 2020 treat such a drug as lowering the replication rate).',
    hasStop: true,
    fields: [efficacyField({ default: 0.5, description: 'Fraction of virion production blocked.' })],
  }),
  intervention({
    kind: 'entryBlocker',
    label: 'Antiviral (entry blocker)',
    description: 'Lowers infectivity (the infection hazard per virion) by its efficacy, from start until stop.',
    hasStop: true,
    fields: [efficacyField({ default: 0.5, description: 'Fraction of virus entry blocked.' })],
  }),
  intervention({
    kind: 'ifnTherapy',
    label: 'Interferon therapy',
    description:
      'Adds type-I IFN to every site at a constant rate from start until stop (inhaled or systemic IFN), on top of what infected cells secrete; it decays and diffuses like theirs.',
    hasStop: true,
    fields: [
      interventionField({
        id: 'dose',
        label: 'IFN delivered',
        unit: 'a.u./(site·min)',
        default: 0.005,
        min: 0,
        max: 10,
        description:
          'IFN added per site per minute; at the default decay the field settles at dose/0.0102 ≈ 0.5 a.u./site.',
      }),
    ],
  }),
  intervention({
    kind: 'corticosteroid',
    label: 'Corticosteroid',
    description:
      'Lowers neutrophil recruitment and pro-inflammatory cytokine secretion (by epithelium and macrophages) by its efficacy, from start until stop (e.g. dexamethasone).',
    hasStop: true,
    fields: [efficacyField({ default: 0.7, description: 'Fraction of neutrophil recruitment and cytokine removed.' })],
  }),
  intervention({
    kind: 'monoclonalAntibody',
    label: 'Monoclonal antibody',
    description:
      'A neutralising antibody infused at the start: extra virion clearance that halves with the antibody’s serum half-life (neutralisation acting as extra virion loss, as SIMCoV treats antibody).',
    hasStop: false,
    fields: [
      interventionField({
        id: 'clearance',
        label: 'Extra virion clearance at infusion',
        unit: '1/min',
        default: 0.02,
        min: 0,
        max: 10,
        description: 'Extra first-order virion loss right after the infusion (SIMCoV’s base clearance is 0.004 /min).',
      }),
      interventionField({
        id: 'halfLife',
        label: 'Antibody half-life',
        unit: 'day',
        default: 21,
        min: 0.1,
        max: 100,
        description: 'Serum half-life of the antibody (IgG1 ≈ 3 weeks; engineered ones longer).',
      }),
    ],
  }),
  intervention({
    kind: 'tCellDepletion',
    label: 'T-cell depletion',
    description:
      'Removes a fraction of the effector CD8 T cells at the start, in the section (each with that probability) and in the lung’s circulation; the supply then refills the circulation.',
    hasStop: false,
    fields: [
      fractionField('fraction', {
        label: 'Fraction removed',
        default: 0.9,
        description: 'Fraction of T cells removed.',
      }),
    ],
  }),
];
