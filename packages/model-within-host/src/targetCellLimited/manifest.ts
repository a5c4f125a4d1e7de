import { interventionField, networkBuilders, parameter, type ModelManifest } from '@immunotwin/engine';
import {
  BACCAM,
  BACCAM_NO_ECLIPSE,
  INFLUENZA_CORE,
  INFLUENZA_OBSERVABLES,
  INFLUENZA_REACTIONS,
  INFLUENZA_SPECIES,
  KAMAL,
  inoculation,
  productionInhibitor,
} from '../influenzaCore/index.js';
import { REFERENCES } from '../references.js';

const PARAMETERS = [
  INFLUENZA_CORE.U0,
  INFLUENZA_CORE.V0,
  INFLUENZA_CORE.beta,
  INFLUENZA_CORE.p,
  INFLUENZA_CORE.c,
  INFLUENZA_CORE.delta,
  INFLUENZA_CORE.k,
  parameter({
    id: 'eclipse',
    label: 'Eclipse phase (1 = on, 0 = off)',
    unit: '1',
    default: 1,
    min: 0,
    max: 1,
    scale: 'linear',
    integer: true,
    description: 'Whether newly infected cells pass through a non-producing eclipse phase before producing virus.',
    source: 'Baccam et al. 2006 found the eclipse phase necessary to fit influenza titres',
  }),
  parameter({
    id: 'entryLoss',
    label: 'Virions lost on entry (1 = yes, 0 = no)',
    unit: '1',
    default: 0,
    min: 0,
    max: 1,
    scale: 'linear',
    integer: true,
    description:
      'Whether the virion that infects a cell is removed from the free virus (the −βUV term some textbook versions add to dV/dt).',
    source: 'Nowak & May 2000, Virus Dynamics (Oxford UP); Baccam et al. 2006 omit the term',
  }),
  parameter({
    id: 'lambda',
    label: 'Target-cell supply λ',
    unit: 'cells/day',
    default: 0,
    min: 0,
    max: 1e12,
    scale: 'linear',
    description: 'Production of new target cells (0 for an acute infection on the time scale of days).',
    source:
      'Baccam et al. 2006 (no replenishment in acute influenza); Perelson & Nelson 1999, SIAM Rev 41:3 for chronic HIV',
  }),
  parameter({
    id: 'dU',
    label: 'Target-cell death rate d_U',
    unit: '1/day',
    default: 0,
    min: 0,
    max: 10,
    scale: 'linear',
    description: 'Natural death of uninfected target cells; with λ it sets the uninfected steady state λ/d_U.',
    source: 'Baccam et al. 2006 (neglected over an acute infection); Perelson & Nelson 1999 for HIV',
  }),
];

const SPECIES = [INFLUENZA_SPECIES.U, INFLUENZA_SPECIES.E, INFLUENZA_SPECIES.I, INFLUENZA_SPECIES.V];

const { massAction, massActionRate, efficacyScaled, scale } = networkBuilders({
  parameters: PARAMETERS,
  species: SPECIES,
});

/**
 * The target-cell-limited model of acute virus infection (Nowak & May 2000; Baccam et al. 2006):
 *
 *   dU/dt = λ − d_U·U − β·U·V
 *   dE/dt = β·U·V − k·E                (eclipse phase, when `eclipse` = 1)
 *   dI/dt = k·E − δ·I                  (β·U·V − δ·I directly when `eclipse` = 0)
 *   dV/dt = p·I − c·V − entryLoss·β·U·V
 *
 * R0 = β·p·U0/(c·δ) (U0 = λ/d_U with replenishment). Written as reactions, so the same definition gives
 * the ODE, the exact SSA and tau-leaping.
 */
export const targetCellLimitedManifest: ModelManifest = {
  id: 'target-cell-limited',
  title: 'Target-cell-limited virus infection',
  version: '0.1.0',
  description:
    'Virus infects a finite pool of target cells; infected cells (after an optional eclipse phase) produce virus until they die. The infection ends when target cells run out, with no immune response. Defaults: influenza A in the human upper respiratory tract (Baccam et al. 2006).',
  timeUnit: 'day',
  methods: ['ode', 'ssa', 'tau-leaping'],
  defaults: { duration: 10, outputInterval: 0.1 },
  kernel: { displayName: 'Within-host Twin' },
  parameters: PARAMETERS,
  network: {
    species: SPECIES,
    reactions: [
      massAction('supply', {}, { U: 1 }, 'lambda', 'target-cell supply'),
      massAction('targetDeath', { U: 1 }, {}, 'dU', 'target-cell death'),
      massActionRate(
        'infectToEclipse',
        { U: 1, V: 1 },
        { E: 1, V: 1 },
        'beta * eclipse * (1 - entryLoss)',
        'infection (eclipse, virion kept)',
      ),
      massActionRate(
        'infectToEclipseLoss',
        { U: 1, V: 1 },
        { E: 1 },
        'beta * eclipse * entryLoss',
        'infection (eclipse, virion consumed)',
      ),
      massActionRate(
        'infectToProducing',
        { U: 1, V: 1 },
        { I: 1, V: 1 },
        'beta * (1 - eclipse) * (1 - entryLoss)',
        'infection (no eclipse, virion kept)',
      ),
      massActionRate(
        'infectToProducingLoss',
        { U: 1, V: 1 },
        { I: 1 },
        'beta * (1 - eclipse) * entryLoss',
        'infection (no eclipse, virion consumed)',
      ),
      INFLUENZA_REACTIONS.eclipseExit,
      INFLUENZA_REACTIONS.infectedDeath,
      INFLUENZA_REACTIONS.production,
      INFLUENZA_REACTIONS.clearance,
    ],
  },
  observables: [
    INFLUENZA_OBSERVABLES.U,
    INFLUENZA_OBSERVABLES.E,
    INFLUENZA_OBSERVABLES.I,
    INFLUENZA_OBSERVABLES.V,
    {
      id: 'targetFraction',
      label: 'Fraction of target cells left',
      unit: '1',
      expression: 'U / U0',
      description: 'U/U0: 1 − this is the attack rate of the infection within the host',
    },
  ],
  interventions: [
    inoculation,
    efficacyScaled({
      kind: 'entryInhibitor',
      label: 'Entry inhibitor',
      description: 'Blocks a fraction ε of new infections (β → (1 − ε)β) from start until stop.',
      parameter: 'beta',
      efficacy: { default: 0.9, description: 'Fraction of infections blocked.' },
    }),
    productionInhibitor(
      'productionInhibitor',
      'Production/release inhibitor',
      'Blocks a fraction ε of virus production or release (p → (1 − ε)p) from start until stop.',
    ),
    {
      kind: 'oseltamivir',
      label: 'Oseltamivir (dose–response)',
      description:
        'Neuraminidase inhibitor reducing virus production by Emax·D/(D + ED50*) log10 units, with ED50* = ED50·(Emax/log10 2 − 1) so that the dose ED50 halves production (Kamal et al. 2015, Eq. 4 and its footnote); the dose acts as a constant effect from start until stop (no pharmacokinetics). Emax and ED50 were estimated together with the viral kinetics of the preset "influenzaKamal" (Kamal et al. 2015, Table 2); with other presets the drug effect is borrowed.',
      hasStop: true,
      fields: [
        interventionField({
          id: 'dose',
          label: 'Dose D',
          unit: 'mg',
          default: 75,
          min: 0,
          max: 1000,
          description: 'Oral dose (75 mg twice daily is the treatment regimen).',
        }),
        interventionField({
          id: 'emaxLog10',
          label: 'Emax',
          unit: 'log10',
          default: 2.35,
          min: 0.31,
          max: 10,
          description:
            'Maximal reduction of virus production in log10 units (Kamal et al. 2015, Table 2); above log10 2 ≈ 0.301, so that a dose can halve production.',
        }),
        interventionField({
          id: 'ed50',
          label: 'ED50',
          unit: 'mg',
          default: 3.2,
          min: 1e-3,
          max: 1e3,
          description:
            'Dose that halves virus production on the linear scale (Kamal et al. 2015, Table 2: 3.2 mg). Eq. 4 uses ED50* = ED50·(Emax/log10 2 − 1), 21.8 mg at the defaults.',
        }),
      ],
      effects: [scale('p', '10 ^ (-emaxLog10 * dose / (dose + ed50 * (emaxLog10 / log10(2) - 1)))')],
    },
  ],
  presets: [
    {
      id: 'influenzaEclipse',
      label: 'Influenza A with eclipse (Baccam 2006)',
      description: 'Influenza A/Hong Kong/123/77 in human volunteers: the model with an eclipse phase (the defaults).',
      source: BACCAM,
      parameters: {
        U0: 4e8,
        V0: 7.5e-2,
        beta: 3.2e-5,
        p: 4.6e-2,
        c: 5.2,
        delta: 5.2,
        k: 4,
        eclipse: 1,
        entryLoss: 0,
        lambda: 0,
        dU: 0,
      },
    },
    {
      id: 'influenzaNoEclipse',
      label: 'Influenza A without eclipse (Baccam 2006)',
      description: 'The simpler target-cell-limited model fitted to the same data (R0 = βpU0/(cδ) ≈ 10.8).',
      source: `${BACCAM_NO_ECLIPSE} (verify: values as two independent public encodings of the fit give them)`,
      parameters: {
        U0: 4e8,
        V0: 9.3e-2,
        beta: 2.7e-5,
        p: 1.2e-2,
        c: 3,
        delta: 4,
        eclipse: 0,
        entryLoss: 0,
        lambda: 0,
        dU: 0,
      },
    },
    {
      id: 'influenzaKamal',
      label: 'Influenza A, oseltamivir fit (Kamal 2015)',
      description:
        'The viral kinetics Kamal et al. estimated together with the oseltamivir dose–response (208 adults in four studies, no eclipse phase; R0 = βpU0/(cδ) ≈ 7.2): the preset the oseltamivir intervention belongs to.',
      source: `${KAMAL}; U0 and V0 = 10^0.25 TCID50/mL (the limit of quantification) fixed as in their Methods`,
      parameters: {
        U0: 4e8,
        V0: 1.7782794100389228, // 10^0.25
        beta: 7.41e-4,
        p: 2e-4,
        c: 3.33,
        delta: 2.49,
        eclipse: 0,
        entryLoss: 0,
        lambda: 0,
        dU: 0,
      },
    },
    {
      id: 'hivAcute',
      label: 'Acute HIV-1 (Little 1999 growth)',
      description:
        'Per mL of blood: CD4+ T-cell supply λ = 10 /mm³/day, death μT = 0.02 /day, infection rate k1 = 2.4×10^-5 mm³/day and initial virus 10^-3 /mm³ from Perelson, Kirschner & De Boer 1993 (converted to mL; U0 = λ/d_U = 500 /mm³), virion clearance c = 3.07 /day (Perelson et al. 1996), infected-cell death δ = 0.3 /day and a mean initial doubling time of 10 h (Little et al. 1999); p is chosen so that the virus doubles every 10 h, which makes R0 = βpU0/(cδ) = (1 + r/δ)(1 + r/c) ≈ 10.1. Little et al. report a mean R0 of 19.3 over their eight patients; with one set of mean rates this model cannot match that, the doubling time and δ at once, and the measured rates were kept. Units: cells/mL and virions/mL instead of cells and TCID50/mL.',
      source:
        'Perelson, Kirschner & De Boer 1993, Math Biosci 114:81; Perelson et al. 1996, Science 271:1582; Little et al. 1999, J Exp Med 190:841 (abstract: "The mean initial viral doubling time was 10 h", "phase 1 viral decay rate (δI = 0.3/day)", "mean basic reproductive number (R0) of 19.3")',
      parameters: {
        U0: 5e5,
        V0: 1,
        beta: 2.4e-8,
        p: 775,
        c: 3.07,
        delta: 0.3,
        eclipse: 0,
        entryLoss: 0,
        lambda: 1e4,
        dU: 0.02,
      },
    },
  ],
  assumptions: [
    'One well-mixed compartment: every virion can reach every target cell (no spatial structure).',
    'Mass-action infection: new infections per day are proportional to target cells × free virus.',
    'Time spent in the eclipse and productive phases is exponentially distributed (memoryless).',
    'No immune response: the infection resolves only because target cells are depleted (target-cell limitation).',
    'Virus titre (TCID50/mL) is treated as proportional to the amount of infectious virus in the compartment.',
    'Stochastic runs treat every species as a whole-number count in one compartment, so they are meaningful for counts, not for concentrations below 1.',
  ],
  references: [
    REFERENCES.baccam2006,
    REFERENCES.kamal2015,
    REFERENCES.perelson1996,
    REFERENCES.perelsonNelson1999,
    REFERENCES.perelsonKirschnerDeBoer1993,
    REFERENCES.little1999,
    REFERENCES.nowakMay2000,
  ],
};
