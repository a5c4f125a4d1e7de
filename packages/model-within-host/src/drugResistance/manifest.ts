import {
  efficacyField,
  fractionField,
  networkBuilders,
  parameter,
  species,
  speciesObservable,
  type ModelManifest,
} from '@immunotwin/engine';
import { BACCAM, INFLUENZA_CORE, INFLUENZA_SPECIES, KAMAL, inoculumDose } from '../influenzaCore/index.js';
import { REFERENCES } from '../references.js';

const HANDEL = 'Handel, Longini & Antia 2007, PLoS Comput Biol 3:e240';

const PARAMETERS = [
  INFLUENZA_CORE.U0,
  {
    ...INFLUENZA_CORE.V0,
    label: 'Initial sensitive virus',
    description:
      'Drug-sensitive (wild-type) free virus at t = 0. Stochastic runs round it to whole units, so use V0 ≥ 1 there: 0.075 rounds to 0.',
  },
  parameter({
    id: 'VR0',
    label: 'Initial resistant virus',
    unit: 'TCID50/mL',
    default: 0,
    min: 0,
    max: 1e12,
    scale: 'linear',
    description: 'Drug-resistant free virus at t = 0 (0: resistance arises only by mutation during the infection).',
    source: `${HANDEL} (infections start from sensitive virus; resistance is generated during replication)`,
  }),
  INFLUENZA_CORE.beta,
  {
    ...INFLUENZA_CORE.p,
    label: 'Sensitive-virus production rate p',
    description:
      'Virus released per productively infected cell per day by cells infected with sensitive virus; the drug multiplies it by 1 − ε.',
  },
  INFLUENZA_CORE.c,
  INFLUENZA_CORE.delta,
  INFLUENZA_CORE.k,
  parameter({
    id: 'mu',
    label: 'Mutation to resistance μ',
    unit: 'per infection',
    default: 1e-5,
    min: 0,
    max: 1e-2,
    scale: 'linear',
    description:
      'Probability that an infection by sensitive virus founds a resistant lineage (the resistance mutation made in that cell’s genome replication).',
    source:
      'Nobusawa & Sato 2006, J Virol 80:3675: influenza A makes about 1.5×10^-5 substitutions per nucleotide per infectious cycle, so one given substitution (e.g. NA H274Y, about a third of a site’s mutations) arises in a few per million infections; 10^-5 is the order Handel et al. 2007 assume (verify the exact value they used)',
  }),
  parameter({
    id: 'pR',
    label: 'Resistant-virus production rate p_R',
    unit: 'TCID50/mL per cell per day',
    default: 4.6e-2,
    min: 1e-8,
    max: 1e6,
    scale: 'log',
    description:
      'Virus released per day by a cell infected with resistant virus, before the fitness cost (equal to p unless the strains differ otherwise); the drug multiplies it by 1 − ε_R. A separate parameter because the drug acts on it with its own efficacy.',
    source: `${BACCAM} (the same p as the sensitive strain, as in ${HANDEL} and the DSAIRM drug-resistance app)`,
  }),
  parameter({
    id: 'fitnessCost',
    label: 'Fitness cost f',
    unit: '1',
    default: 0.1,
    min: 0,
    max: 1,
    scale: 'linear',
    description:
      'Fraction by which the resistant strain’s virus production is lower than the sensitive strain’s (p_R·(1 − f)): the cost of the resistance mutation without drug.',
    source: `illustrative: ${HANDEL} and the DSAIRM drug-resistance app model the cost as reduced production and vary it from 0 to 1; NA H274Y oseltamivir-resistant viruses were attenuated in ferrets (Ives et al. 2002, Antiviral Res 55:307), later ones much less (verify)`,
  }),
];

const U = INFLUENZA_SPECIES.U;
const SPECIES = [
  U,
  species({ id: 'Es', label: 'Eclipse cells, sensitive', unit: 'cells', initial: '0' }),
  species({ id: 'Er', label: 'Eclipse cells, resistant', unit: 'cells', initial: '0' }),
  species({ id: 'Is', label: 'Producing cells, sensitive', unit: 'cells', initial: '0' }),
  species({ id: 'Ir', label: 'Producing cells, resistant', unit: 'cells', initial: '0' }),
  species({ id: 'Vs', label: 'Sensitive virus', unit: 'TCID50/mL', initial: 'V0' }),
  species({ id: 'Vr', label: 'Resistant virus', unit: 'TCID50/mL', initial: 'VR0' }),
];
const [, Es, Er, Is, Ir, Vs, Vr] = SPECIES;

const { massAction, massActionRate, scale, addition } = networkBuilders({ parameters: PARAMETERS, species: SPECIES });

/**
 * Influenza with a drug-sensitive and a drug-resistant strain (after Handel, Longini & Antia 2007 and the DSAIRM
 * drug-resistance app; Baccam et al. 2006's target-cell-limited model with eclipse for each strain):
 *
 *   dU/dt  = −β·U·(Vs + Vr)
 *   dEs/dt = (1 − μ)·β·U·Vs − k·Es                dEr/dt = μ·β·U·Vs + β·U·Vr − k·Er
 *   dIs/dt = k·Es − δ·Is                          dIr/dt = k·Er − δ·Ir
 *   dVs/dt = (1 − ε)·p·Is − c·Vs                  dVr/dt = (1 − ε_R)·(1 − f)·p_R·Ir − c·Vr
 *
 * A fraction μ of infections by sensitive virus found a resistant cell; the drug (a neuraminidase inhibitor, which
 * blocks release) acts on sensitive-strain cells with efficacy ε and on resistant-strain cells with ε_R. Written as
 * reactions: the same definition gives the ODE, the exact SSA and tau-leaping, in which resistance arises in some
 * runs and not in others.
 */
export const drugResistanceManifest: ModelManifest = {
  id: 'influenza-resistance',
  title: 'Influenza with a drug-resistant strain',
  version: '0.1.0',
  description:
    'The target-cell-limited influenza model (Baccam et al. 2006, with eclipse) with two strains: drug-sensitive virus, and drug-resistant virus that arises by mutation in a fraction μ of infections and carries a fitness cost. A neuraminidase inhibitor blocks release of sensitive virus with efficacy ε and of resistant virus with a lower efficacy ε_R. After Handel, Longini & Antia 2007; run stochastically to see resistance emerge in some runs and not in others.',
  timeUnit: 'day',
  methods: ['ode', 'ssa', 'tau-leaping'],
  defaults: { duration: 10, outputInterval: 0.1 },
  parameters: PARAMETERS,
  network: {
    species: SPECIES,
    reactions: [
      massActionRate(
        'infectSensitive',
        { U: 1, Vs: 1 },
        { Es: 1, Vs: 1 },
        'beta * (1 - mu)',
        'infection by sensitive virus',
      ),
      massActionRate(
        'infectMutant',
        { U: 1, Vs: 1 },
        { Er: 1, Vs: 1 },
        'beta * mu',
        'infection founding a resistant mutant',
      ),
      massAction('infectResistant', { U: 1, Vr: 1 }, { Er: 1, Vr: 1 }, 'beta', 'infection by resistant virus'),
      massAction('eclipseExitSensitive', { Es: 1 }, { Is: 1 }, 'k', 'end of eclipse (sensitive)'),
      massAction('eclipseExitResistant', { Er: 1 }, { Ir: 1 }, 'k', 'end of eclipse (resistant)'),
      massAction('deathSensitive', { Is: 1 }, {}, 'delta', 'infected-cell death (sensitive)'),
      massAction('deathResistant', { Ir: 1 }, {}, 'delta', 'infected-cell death (resistant)'),
      massAction('productionSensitive', { Is: 1 }, { Is: 1, Vs: 1 }, 'p', 'sensitive virus production'),
      massActionRate(
        'productionResistant',
        { Ir: 1 },
        { Ir: 1, Vr: 1 },
        'pR * (1 - fitnessCost)',
        'resistant virus production',
      ),
      massAction('clearanceSensitive', { Vs: 1 }, {}, 'c', 'sensitive virus clearance'),
      massAction('clearanceResistant', { Vr: 1 }, {}, 'c', 'resistant virus clearance'),
    ],
  },
  observables: [
    speciesObservable(U),
    speciesObservable(Es),
    speciesObservable(Er),
    speciesObservable(Is),
    speciesObservable(Ir),
    speciesObservable(Vs),
    speciesObservable(Vr),
    {
      id: 'V',
      label: 'Total virus',
      unit: 'TCID50/mL',
      expression: 'Vs + Vr',
      description: 'Sensitive and resistant virus together (what a titre measures).',
    },
    {
      id: 'targetFraction',
      label: 'Fraction of target cells left',
      unit: '1',
      expression: 'U / U0',
      description: 'U/U0: 1 − this is the attack rate of the infection within the host',
    },
  ],
  interventions: [
    addition({
      kind: 'inoculation',
      label: 'Inoculation',
      description: 'Adds drug-sensitive free virus at the start time (an initial or a repeated exposure).',
      species: 'Vs',
      field: { ...inoculumDose, description: 'Sensitive virus added.' },
    }),
    {
      kind: 'neuraminidaseInhibitor',
      label: 'Neuraminidase inhibitor',
      description:
        'Blocks release of virus from cells infected with sensitive virus by a fraction ε (p → (1 − ε)p) and from cells infected with resistant virus by ε_R (p_R → (1 − ε_R)p_R), from start until stop.',
      hasStop: true,
      fields: [
        efficacyField({
          default: 0.985,
          description: `Fraction of sensitive-virus release blocked. 0.985 is the 1.82 log10 cut in production of 75 mg oseltamivir (${KAMAL}, Eq. 4).`,
        }),
        fractionField('resistantEfficacy', {
          label: 'Efficacy on resistant virus ε_R',
          default: 0,
          description: `Fraction of resistant-virus release blocked (0: fully resistant, as in ${HANDEL}).`,
        }),
      ],
      effects: [scale('p', '1 - efficacy'), scale('pR', '1 - resistantEfficacy')],
    },
  ],
  presets: [
    {
      id: 'influenzaResistance',
      label: 'Influenza A with a resistant mutant (the defaults)',
      description:
        'Baccam et al. 2006 kinetics (with eclipse) for both strains, mutation to resistance in 10^-5 of infections, a 10 % fitness cost.',
      source: `${BACCAM}; ${HANDEL}`,
      parameters: {
        U0: 4e8,
        V0: 7.5e-2,
        VR0: 0,
        beta: 3.2e-5,
        p: 4.6e-2,
        c: 5.2,
        delta: 5.2,
        k: 4,
        mu: 1e-5,
        pR: 4.6e-2,
        fitnessCost: 0.1,
      },
    },
  ],
  assumptions: [
    'One well-mixed compartment with mass-action infection, as in the target-cell-limited model.',
    'Resistance arises only in cells infected by sensitive virus, in a fraction μ of infections; resistant virus does not revert.',
    'A cell is infected by one strain only (no co-infection, no mixed progeny).',
    'The drug acts on the producing cell (release), not on the virion: cells infected by sensitive virus are blocked by ε, cells infected by resistant virus by ε_R.',
    'The fitness cost lowers the resistant strain’s virus production; infectivity, clearance and infected-cell lifespan are the same for both strains.',
    'No immune response: the infection ends when target cells run out.',
    'Stochastic runs treat every species as a whole-number count in one compartment (TCID50/mL read as virions), so they are meaningful for counts, not for concentrations below 1.',
  ],
  references: [
    REFERENCES.handel2007,
    REFERENCES.baccam2006,
    REFERENCES.kamal2015,
    REFERENCES.nobusawaSato2006,
    REFERENCES.pearson2011,
  ],
};
