import { interventionField } from '@immunotwin/engine';
import { coreBuilders } from './reactions.js';

const { addition, efficacyScaled } = coreBuilders;

/** The dose of an inoculation: the free virus added. */
export const inoculumDose = interventionField({
  id: 'dose',
  label: 'Dose',
  unit: 'TCID50/mL',
  default: 1,
  min: 0,
  max: 1e12,
  description: 'Virus added.',
});

/** Inoculation: free virus added at the start time. */
export const inoculation = addition({
  kind: 'inoculation',
  label: 'Inoculation',
  description: 'Adds free virus at the start time (an initial or a repeated exposure).',
  species: 'V',
  field: inoculumDose,
});

/** A drug blocking a fraction ε of virus production or release (p → (1 − ε)p), under the model's own kind. */
export function productionInhibitor<Kind extends string>(kind: Kind, label: string, description: string) {
  return efficacyScaled({
    kind,
    label,
    description,
    parameter: 'p',
    efficacy: { default: 0.9, description: 'Fraction of production blocked.' },
  });
}
