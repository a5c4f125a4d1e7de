import {
  fractionField,
  interventionField,
  networkBuilders,
  parameter,
  species,
  speciesObservable,
  type ModelManifest,
} from '@immunotwin/engine';
import { REFERENCES } from '../references.js';

const SMITH =
  'Smith et al. 2011, J Theor Biol 276:106 (pneumococcal lung infection in mice), value as encoded in the curated BioModels entry BIOMD0000000924 (verify against the paper)';
const ILLUSTRATIVE_N =
  'illustrative, not fitted: replaces Smith et al. 2011’s cytokine-driven recruitment by direct recruitment by bacteria, chosen so that the neutrophil ceiling s_N/d_N equals their N_max = 1.8×10^5 cells';

const PARAMETERS = [
  parameter({
    id: 'P0',
    label: 'Inoculum P0',
    unit: 'CFU',
    default: 1e5,
    min: 0,
    max: 1e10,
    scale: 'linear',
    description: 'Bacteria at t = 0 (colony-forming units in the lung).',
    source: `initial pneumococcal load 10^5 CFU in ${SMITH}`,
  }),
  parameter({
    id: 'r',
    label: 'Bacterial growth rate r',
    unit: '1/hour',
    default: 1.13,
    min: 0,
    max: 10,
    scale: 'linear',
    description: 'Per-capita replication rate of bacteria at low density (doubling time ln 2/r ≈ 37 min).',
    source: SMITH,
  }),
  parameter({
    id: 'K',
    label: 'Carrying capacity K',
    unit: 'CFU',
    default: 3.42e8,
    min: 1,
    max: 1e13,
    scale: 'log',
    description: 'Bacterial load at which growth stops (logistic crowding).',
    source: SMITH,
  }),
  parameter({
    id: 'gammaM',
    label: 'Phagocytosis rate γ_M',
    unit: '1/(cell·hour)',
    default: 5.6e-6,
    min: 0,
    max: 1,
    scale: 'linear',
    description:
      'Rate constant of phagocytosis by alveolar macrophages at low bacterial load: each bacterium is eaten at γ_M·M per hour.',
    source: SMITH,
  }),
  parameter({
    id: 'nM',
    label: 'Phagocytosis saturation n',
    unit: 'CFU/√cells',
    default: 5,
    min: 1e-3,
    max: 1e6,
    scale: 'log',
    description:
      'Saturation of phagocytosis: the kill per bacterium is multiplied by n²M/(P² + n²M), halving at P = n·√M (5000 CFU for M = 10^6).',
    source: `n = 5 with Hill exponent 2 in f(P, M) = n²M/(P² + n²M), ${SMITH}`,
  }),
  parameter({
    id: 'M0',
    label: 'Resident alveolar macrophages M0',
    unit: 'cells',
    default: 1e6,
    min: 0,
    max: 1e9,
    scale: 'linear',
    description: 'Alveolar macrophages in a healthy lung (their homeostatic level).',
    source: SMITH,
  }),
  parameter({
    id: 'dM',
    label: 'Macrophage turnover d_M',
    unit: '1/hour',
    default: 1e-3,
    min: 0,
    max: 1,
    scale: 'linear',
    description:
      'Death and replacement rate of alveolar macrophages (homeostasis at M0); sets how fast the pool recovers after depletion.',
    source:
      'illustrative, not fitted and not from Smith et al. 2011: a mean macrophage life of 1/d_M ≈ 42 days, as alveolar macrophages are long-lived (weeks or more); verify a turnover estimate before relying on it',
  }),
  parameter({
    id: 'gammaN',
    label: 'Neutrophil killing rate γ_N',
    unit: '1/(cell·hour)',
    default: 1e-5,
    min: 0,
    max: 1,
    scale: 'linear',
    description: 'Mass-action killing of bacteria by neutrophils (P + N → N).',
    source: SMITH,
  }),
  parameter({
    id: 'sN',
    label: 'Maximal neutrophil recruitment s_N',
    unit: 'cells/hour',
    default: 1.13e4,
    min: 0,
    max: 1e9,
    scale: 'linear',
    description:
      'Neutrophils recruited per hour when bacteria are abundant (P ≫ h_N); s_N/d_N is the most neutrophils the lung can hold.',
    source: `${ILLUSTRATIVE_N} (s_N = d_N × 1.8×10^5)`,
  }),
  parameter({
    id: 'hN',
    label: 'Bacteria for half-maximal recruitment h_N',
    unit: 'CFU',
    default: 1e3,
    min: 1e-6,
    max: 1e12,
    scale: 'log',
    description: 'Bacterial load at which neutrophil recruitment runs at half its maximum.',
    source: `${ILLUSTRATIVE_N}; below the macrophage threshold, so neutrophils arrive for any load macrophages cannot handle`,
  }),
  parameter({
    id: 'dN',
    label: 'Neutrophil death rate d_N',
    unit: '1/hour',
    default: 0.063,
    min: 0,
    max: 10,
    scale: 'linear',
    description: 'Death (apoptosis) rate of neutrophils in the lung; mean lifetime 1/d_N ≈ 16 h.',
    source: SMITH,
  }),
  parameter({
    id: 'dNP',
    label: 'Bacteria-induced neutrophil death d_NP',
    unit: '1/(CFU·hour)',
    default: 0,
    min: 0,
    max: 1e-3,
    scale: 'linear',
    description:
      'Extra neutrophil death caused by bacteria (N + P → P). 0 by default; Smith et al. 2011 use 1.76×10^-7, which with this model’s simpler recruitment lets every load above the macrophage threshold escape control (preset "neutrophilExhaustion").',
    source: `default 0 (term switched off); the value 1.76×10^-7 is from ${SMITH}`,
  }),
  parameter({
    id: 'abxKill',
    label: 'Maximal antibiotic kill rate k_abx',
    unit: '1/hour',
    default: 2,
    min: 0,
    max: 100,
    scale: 'linear',
    description:
      'Kill rate of a bactericidal antibiotic at full effect; it acts only while an antibiotic course is on (see abxOff).',
    source:
      'illustrative, not a drug-specific value: chosen above r so that the drug alone clears bacteria (net decline ≈ 0.9 per hour)',
  }),
  parameter({
    id: 'abxOff',
    label: 'Antibiotic absent (1 = no drug)',
    unit: '1',
    default: 1,
    min: 0,
    max: 1,
    scale: 'linear',
    description:
      'Switch for the antibiotic kill term k_abx·(1 − abxOff)·P: 1 = no drug (the default), 0 = full effect. The "antibiotic" intervention multiplies it by 1 − efficacy while a course lasts.',
    source: 'model switch (no biological value)',
  }),
];

const SPECIES = [
  species({
    id: 'P',
    label: 'Bacteria',
    unit: 'CFU',
    initial: 'P0',
    description: 'Extracellular bacteria (pneumococci).',
  }),
  species({ id: 'M', label: 'Alveolar macrophages', unit: 'cells', initial: 'M0' }),
  species({ id: 'N', label: 'Neutrophils', unit: 'cells', initial: '0' }),
];

const { massAction, massActionRate, customRate, efficacyScaled, addition, depletion } = networkBuilders({
  parameters: PARAMETERS,
  species: SPECIES,
});

/**
 * Extracellular bacteria in the lung against the first two stages of the innate response of Smith,
 * McCullers & Adler (2011): resident alveolar macrophages, then recruited neutrophils. Time in hours.
 *
 *   dP/dt = r·P·(1 − P/K) − γ_M·M·P·n²M/(P² + n²M) − γ_N·N·P − k_abx·(1 − abxOff)·P
 *   dM/dt = d_M·(M0 − M)
 *   dN/dt = s_N·P/(P + h_N) − d_N·N − d_NP·N·P
 *
 * Logistic growth is written as two reactions, birth P → 2P at r·P and crowding P + P → P at (r/K)·P²,
 * so every propensity stays ≥ 0 (also above K) while the ODE is exactly logistic.
 */
export const bacterialInnateManifest: ModelManifest = {
  id: 'bacteria-innate',
  title: 'Extracellular bacteria and the innate response',
  version: '0.1.0',
  description:
    'Pneumococci growing in the lung are eaten by resident alveolar macrophages, whose phagocytosis saturates, and by neutrophils that bacteria recruit. Small inocula are cleared by macrophages alone; larger ones overwhelm them and need neutrophils. Rates from Smith, McCullers & Adler 2011 (mice); neutrophil recruitment simplified.',
  timeUnit: 'hour',
  methods: ['ode', 'ssa', 'tau-leaping'],
  defaults: { duration: 72, outputInterval: 0.25 },
  parameters: PARAMETERS,
  network: {
    species: SPECIES,
    reactions: [
      massAction('growth', { P: 1 }, { P: 2 }, 'r', 'bacterial division'),
      massActionRate('crowding', { P: 2 }, { P: 1 }, 'r / K', 'crowding (logistic limit)'),
      customRate(
        'phagocytosis',
        { P: 1 },
        {},
        'gammaM * M * P * nM^2 * M / max(P^2 + nM^2 * M, 1e-30)',
        'phagocytosis by macrophages (saturating)',
      ),
      massAction('neutrophilKilling', { P: 1, N: 1 }, { N: 1 }, 'gammaN', 'killing by neutrophils'),
      massActionRate('antibioticKilling', { P: 1 }, {}, 'abxKill * (1 - abxOff)', 'antibiotic killing'),
      customRate('neutrophilRecruitment', {}, { N: 1 }, 'sN * P / (P + hN)', 'neutrophil recruitment by bacteria'),
      massAction('neutrophilDeath', { N: 1 }, {}, 'dN', 'neutrophil death'),
      massAction('neutrophilExhaustion', { N: 1, P: 1 }, { P: 1 }, 'dNP', 'bacteria-induced neutrophil death'),
      massActionRate('macrophageSupply', {}, { M: 1 }, 'dM * M0', 'macrophage replacement'),
      massAction('macrophageDeath', { M: 1 }, {}, 'dM', 'macrophage death'),
    ],
  },
  observables: [
    ...SPECIES.map(speciesObservable),
    {
      id: 'phagocytes',
      label: 'Phagocytes (M + N)',
      unit: 'cells',
      expression: 'M + N',
      description: 'All phagocytes in the lung.',
    },
    {
      id: 'macrophageKillRate',
      label: 'Macrophage kill rate per bacterium',
      unit: '1/hour',
      expression: 'gammaM * M * nM^2 * M / max(P^2 + nM^2 * M, 1e-30)',
      description: 'Per-bacterium death rate from phagocytosis; it falls as macrophages saturate.',
    },
    {
      id: 'neutrophilKillRate',
      label: 'Neutrophil kill rate per bacterium',
      unit: '1/hour',
      expression: 'gammaN * N',
      description: 'Per-bacterium death rate from neutrophils.',
    },
    {
      id: 'netGrowthRate',
      label: 'Net bacterial growth rate',
      unit: '1/hour',
      expression:
        'r * (1 - P / K) - gammaM * M * nM^2 * M / max(P^2 + nM^2 * M, 1e-30) - gammaN * N - abxKill * (1 - abxOff)',
      description:
        'Per-capita growth minus every kill term: positive means the infection is growing, negative that it is being cleared.',
    },
  ],
  interventions: [
    addition({
      kind: 'inoculation',
      label: 'Inoculation',
      description: 'Adds bacteria at the start time (an initial or a repeated exposure).',
      species: 'P',
      field: interventionField({
        id: 'dose',
        label: 'Dose',
        unit: 'CFU',
        default: 1e5,
        min: 0,
        max: 1e10,
        description: 'Bacteria added.',
      }),
    }),
    efficacyScaled({
      kind: 'antibiotic',
      label: 'Antibiotic (bactericidal)',
      description:
        'Kills bacteria at efficacy × k_abx per hour from start until stop (switches on the kill term by multiplying abxOff by 1 − efficacy). Overlapping courses combine as independent actions.',
      parameter: 'abxOff',
      efficacy: { label: 'Efficacy', default: 1, description: 'Fraction of the maximal kill rate k_abx reached.' },
    }),
    efficacyScaled({
      kind: 'bacteriostaticAntibiotic',
      label: 'Antibiotic (bacteriostatic)',
      description:
        'Slows bacterial division by a fraction ε (r → (1 − ε)r, carrying capacity unchanged) from start until stop.',
      parameter: 'r',
      efficacy: { default: 0.9, description: 'Fraction of growth blocked.' },
    }),
    depletion({
      kind: 'neutropenia',
      label: 'Neutropenia',
      description:
        'Removes a fraction of the neutrophils at the start and reduces neutrophil recruitment by the same fraction until stop (e.g. after chemotherapy).',
      hasStop: true,
      species: 'N',
      field: fractionField('severity', {
        label: 'Severity',
        default: 0.9,
        description: 'Fraction of neutrophils and of their recruitment lost.',
      }),
      scales: ['sN'],
    }),
    depletion({
      kind: 'macrophageDepletion',
      label: 'Alveolar macrophage depletion',
      description:
        'Removes a fraction of the alveolar macrophages once (e.g. clodronate liposomes); the pool recovers at d_M.',
      hasStop: false,
      species: 'M',
      field: fractionField('fraction', {
        label: 'Fraction removed',
        default: 0.9,
        description: 'Fraction of macrophages removed.',
      }),
    }),
  ],
  presets: [
    {
      id: 'pneumococcus',
      label: 'Pneumococcal lung infection (Smith 2011 rates)',
      description:
        '10^5 CFU of S. pneumoniae in a mouse lung (the defaults): more than macrophages alone can clear (threshold ≈ 10^4 CFU), so bacteria grow until neutrophils arrive and clear them within about two days.',
      source: `${SMITH}; neutrophil recruitment and macrophage turnover d_M illustrative`,
      parameters: {
        P0: 1e5,
        r: 1.13,
        K: 3.42e8,
        gammaM: 5.6e-6,
        nM: 5,
        M0: 1e6,
        dM: 1e-3,
        gammaN: 1e-5,
        sN: 1.13e4,
        hN: 1e3,
        dN: 0.063,
        dNP: 0,
        abxKill: 2,
        abxOff: 1,
      },
    },
    {
      id: 'smallInoculum',
      label: 'Small inoculum (macrophages suffice)',
      description:
        '10^3 CFU, below the macrophage threshold: resident macrophages clear it within hours, with hardly any neutrophils.',
      source: 'illustrative variant of the default (P0 = 10^3)',
      parameters: { P0: 1e3 },
    },
    {
      id: 'neutropenic',
      label: 'Neutropenic host',
      description:
        'Neutrophil recruitment at 30 % of normal: neutrophils cannot outpace growth, and the infection persists near 10^8 CFU.',
      source: 'illustrative variant of the default (s_N × 0.3)',
      parameters: { sN: 3.39e3 },
    },
    {
      id: 'neutrophilExhaustion',
      label: 'Neutrophils killed by bacteria',
      description:
        'Adds the bacteria-induced neutrophil death of Smith et al. 2011: at high loads neutrophils die faster than they arrive and the bacteria reach their carrying capacity (sustained growth).',
      source: `d_NP = 1.76×10^-7 from ${SMITH}`,
      parameters: { dNP: 1.76e-7 },
    },
    {
      id: 'macrophageDepleted',
      label: 'Few alveolar macrophages',
      description:
        'Macrophages at 15 % of normal (γ_M·M = 0.84 < r = 1.13 per hour): even a single bacterium can establish an infection, with probability 1 − 0.84/1.13 ≈ 26 %.',
      source: 'illustrative variant of the default (M0 = 1.5×10^5)',
      parameters: { M0: 1.5e5 },
    },
  ],
  assumptions: [
    'One well-mixed compartment (the lung): every bacterium can meet every phagocyte.',
    'Logistic bacterial growth, written as division (r·P) and crowding ((r/K)·P²) so stochastic rates never go negative; above K bacteria decline.',
    'Phagocytosis by macrophages saturates as in Smith et al. 2011 (n²M/(P² + n²M)); macrophages are not killed by bacteria and return to M0 at rate d_M.',
    'Neutrophils are recruited directly by bacteria (saturating in P); the cytokines, epithelial damage, debris and monocyte-derived macrophages of Smith et al. 2011 are left out.',
    'Neutrophil killing is mass action (no saturation).',
    'No adaptive immunity (antibody, T cells): the model covers the first days of infection.',
    'An antibiotic acts as a constant kill rate while a course lasts (no pharmacokinetics, no resistance).',
    'Parameter values are from mice (Smith et al. 2011) except where marked illustrative.',
    'Stochastic runs treat bacteria and cells as whole-number counts.',
  ],
  references: [REFERENCES.smith2011, REFERENCES.biomodelsSmith2011],
};
