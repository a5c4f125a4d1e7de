import {
  efficacyField,
  fractionField,
  interventionField,
  networkBuilders,
  parameter,
  species,
  speciesObservable,
  type ModelManifest,
} from '@immunotwin/engine';
import {
  BACCAM,
  INFLUENZA_CORE,
  INFLUENZA_REACTIONS,
  INFLUENZA_SPECIES,
  inoculation,
  productionInhibitor,
} from '../influenzaCore/index.js';
import { REFERENCES } from '../references.js';

const DE_BOER = 'De Boer et al. 2001, J Virol 75:10663 (CD8+ T-cell response to LCMV in mice)';
const ILLUSTRATIVE_IFN =
  'illustrative, not fitted: IFN is in arbitrary units; chosen so that IFN peaks about half a day after the virus (day 2–3) and protects most target cells, as in the interferon models of Baccam et al. 2006 and Pawelek et al. 2012';
const ILLUSTRATIVE_ADAPTIVE =
  'illustrative, not fitted: chosen so that the adaptive response clears the virus around day 5–7 and CD8 T cells and antibodies each matter';

const PARAMETERS = [
  {
    ...INFLUENZA_CORE.U0,
    description: 'Uninfected target cells (upper respiratory tract epithelium) at t = 0.',
  },
  {
    ...INFLUENZA_CORE.V0,
    description:
      'Free virus at t = 0. Stochastic runs round it to whole units, so use V0 ≥ 1 (or an inoculation) there: 0.075 rounds to 0.',
  },
  INFLUENZA_CORE.beta,
  {
    ...INFLUENZA_CORE.p,
    description: 'Virus released per productively infected cell per day without interferon.',
  },
  {
    ...INFLUENZA_CORE.c,
    description: 'Loss rate of free infectious virus without antibody; half-life = ln 2 / c.',
  },
  {
    ...INFLUENZA_CORE.delta,
    description: 'Death rate of productively infected cells without CD8 T-cell killing.',
  },
  {
    ...INFLUENZA_CORE.k,
    description: 'Rate at which eclipse-phase cells start producing virus; 1/k is the mean eclipse duration.',
  },
  parameter({
    id: 'q',
    label: 'IFN production q',
    unit: 'IFN units per infected cell per day',
    default: 1e-3,
    min: 0,
    max: 1e3,
    scale: 'linear',
    description: 'Type-I interferon secreted by each productively infected cell (0 = no interferon response).',
    source: `structure dF/dt = q·I − d_F·F from Pawelek et al. 2012, PLoS Comput Biol 8:e1002588 (Baccam et al. 2006's interferon model delays secretion, verify); value ${ILLUSTRATIVE_IFN}`,
  }),
  parameter({
    id: 'dF',
    label: 'IFN decay rate d_F',
    unit: '1/day',
    default: 1,
    min: 1e-3,
    max: 1e3,
    scale: 'log',
    description: 'Loss rate of interferon; half-life = ln 2 / d_F.',
    source: `${ILLUSTRATIVE_IFN}`,
  }),
  parameter({
    id: 's',
    label: 'IFN inhibition of production s',
    unit: '1/IFN unit',
    default: 1e-3,
    min: 0,
    max: 1e3,
    scale: 'linear',
    description: 'Virus production is p/(1 + s·F): at F = 1/s interferon halves the output of each infected cell.',
    source: `form p/(1 + s·F) from the interferon model of Baccam et al. 2006; value ${ILLUSTRATIVE_IFN}`,
  }),
  parameter({
    id: 'phi',
    label: 'Antiviral-state induction φ',
    unit: '(IFN unit)^-1 day^-1',
    default: 5e-4,
    min: 0,
    max: 10,
    scale: 'linear',
    description:
      'Rate constant at which interferon puts target cells into the refractory (antiviral) state (U + F → R + F).',
    source: `term φ·F·U from Pawelek et al. 2012, PLoS Comput Biol 8:e1002588; value ${ILLUSTRATIVE_IFN}`,
  }),
  parameter({
    id: 'rho',
    label: 'Loss of antiviral state ρ',
    unit: '1/day',
    default: 0.5,
    min: 0,
    max: 100,
    scale: 'linear',
    description:
      'Rate at which refractory cells become susceptible again (R → U); 1/ρ is the mean time a cell stays protected.',
    source: `term ρ·R from Pawelek et al. 2012, PLoS Comput Biol 8:e1002588; value ${ILLUSTRATIVE_IFN}`,
  }),
  parameter({
    id: 'T0',
    label: 'CD8 T-cell precursors T0',
    unit: 'cells',
    default: 100,
    min: 0,
    max: 1e9,
    scale: 'linear',
    description:
      'Virus-specific CD8 T cells before infection; a homeostatic supply d_T·T0 keeps the pool at T0 when there is no antigen.',
    source:
      'Blattman et al. 2002, J Exp Med 195:657: 100–200 naive CD8 T cells per epitope in a mouse (the order of magnitude is used here for a human airway, illustrative)',
  }),
  parameter({
    id: 'rT',
    label: 'CD8 expansion rate r_T',
    unit: '1/day',
    default: 3,
    min: 0,
    max: 20,
    scale: 'linear',
    description: 'Maximal proliferation rate of CD8 T cells when antigen is abundant (V ≫ K_T); 0 = no CD8 response.',
    source: `${DE_BOER}: proliferation at an average rate of 3 per day`,
  }),
  parameter({
    id: 'KT',
    label: 'Antigen for half-maximal CD8 expansion K_T',
    unit: 'TCID50/mL',
    default: 1,
    min: 1e-6,
    max: 1e9,
    scale: 'log',
    description:
      'Virus titre at which CD8 T-cell expansion runs at half its maximal rate (antigen as a proxy for presentation).',
    source: `form r_T·T·V/(V + K_T) as in ${DE_BOER}; value ${ILLUSTRATIVE_ADAPTIVE}`,
  }),
  parameter({
    id: 'dT',
    label: 'CD8 contraction rate d_T',
    unit: '1/day',
    default: 0.5,
    min: 0,
    max: 10,
    scale: 'linear',
    description:
      'Death rate of effector CD8 T cells (contraction after the peak); also the turnover of the precursor pool.',
    source: `${DE_BOER}: decline at 0.5 per day after the peak (mean lifetime 2 days)`,
  }),
  parameter({
    id: 'kT',
    label: 'CD8 killing rate k_T',
    unit: '1/(cell·day)',
    default: 1e-5,
    min: 0,
    max: 1,
    scale: 'linear',
    description:
      'Mass-action killing of infected cells by CD8 T cells (I + T → T): each infected cell dies at k_T·T extra per day.',
    source: `mass-action killing as in the models reviewed by Nowak & May 2000; value ${ILLUSTRATIVE_ADAPTIVE} (k_T·T ≈ 30/day at the T-cell peak)`,
  }),
  parameter({
    id: 'B0',
    label: 'B-cell precursors B0',
    unit: 'cells',
    default: 100,
    min: 0,
    max: 1e9,
    scale: 'linear',
    description:
      'Virus-specific B cells before infection, kept at B0 by a homeostatic supply d_B·B0 when there is no antigen.',
    source:
      'illustrative, not fitted: same order as the CD8 precursors (Blattman et al. 2002 give 100–200 per epitope for CD8 T cells)',
  }),
  parameter({
    id: 'rB',
    label: 'B-cell expansion rate r_B',
    unit: '1/day',
    default: 2,
    min: 0,
    max: 20,
    scale: 'linear',
    description: 'Maximal antigen-driven expansion of B cells / plasma cells; 0 = no antibody response.',
    source: `${ILLUSTRATIVE_ADAPTIVE}; a little slower than CD8 T cells so that antibody appears from about day 4–5 (primary-response lag of standard textbooks, e.g. Janeway's Immunobiology)`,
  }),
  parameter({
    id: 'KB',
    label: 'Antigen for half-maximal B-cell expansion K_B',
    unit: 'TCID50/mL',
    default: 1,
    min: 1e-6,
    max: 1e9,
    scale: 'log',
    description: 'Virus titre at which B-cell expansion runs at half its maximal rate.',
    source: `${ILLUSTRATIVE_ADAPTIVE}`,
  }),
  parameter({
    id: 'dB',
    label: 'B-cell / plasma-cell death rate d_B',
    unit: '1/day',
    default: 0.3,
    min: 0,
    max: 10,
    scale: 'linear',
    description:
      'Death rate of expanded B cells and short-lived plasma cells; also the turnover of the precursor pool.',
    source: `${ILLUSTRATIVE_ADAPTIVE} (short-lived plasma cells live days)`,
  }),
  parameter({
    id: 'pA',
    label: 'Antibody secretion p_A',
    unit: 'antibody units per cell per day',
    default: 3e-2,
    min: 0,
    max: 1e6,
    scale: 'linear',
    description: 'Antibody made by each B cell / plasma cell per day (B → B + A). Antibody is in arbitrary units.',
    source: `${ILLUSTRATIVE_ADAPTIVE}; with k_A chosen so that the antibody left after recovery stops re-infection of the spared cells (β·(U + R)·p/((c + k_A·A)·δ) < 1)`,
  }),
  parameter({
    id: 'dA',
    label: 'Antibody decay rate d_A',
    unit: '1/day',
    default: 0.033,
    min: 0,
    max: 10,
    scale: 'linear',
    description: 'Loss rate of antibody; ln 2 / 0.033 ≈ 21 days is the half-life of IgG.',
    source:
      "IgG half-life ≈ 21 days: standard immunology textbooks (e.g. Murphy & Weaver, Janeway's Immunobiology, 9th ed. 2016)",
  }),
  parameter({
    id: 'kA',
    label: 'Neutralisation rate k_A',
    unit: '1/(antibody unit·day)',
    default: 1e-2,
    min: 0,
    max: 10,
    scale: 'linear',
    description: 'Mass-action neutralisation of free virus by antibody (V + A → A): virus is cleared at c + k_A·A.',
    source: `${ILLUSTRATIVE_ADAPTIVE}`,
  }),
];

const SPECIES = [
  species({ ...INFLUENZA_SPECIES.U, description: 'Uninfected, susceptible epithelial cells.' }),
  species({
    id: 'R',
    label: 'Refractory cells',
    unit: 'cells',
    initial: '0',
    description: 'Uninfected cells in the interferon-induced antiviral state.',
  }),
  INFLUENZA_SPECIES.E,
  INFLUENZA_SPECIES.I,
  INFLUENZA_SPECIES.V,
  species({ id: 'F', label: 'Type-I interferon', unit: 'IFN units', initial: '0' }),
  species({ id: 'T', label: 'CD8 effector T cells', unit: 'cells', initial: 'T0' }),
  species({ id: 'B', label: 'B cells / plasma cells', unit: 'cells', initial: 'B0' }),
  species({ id: 'A', label: 'Antibody', unit: 'antibody units', initial: '0' }),
];

const { massAction, massActionRate, customRate, efficacyScaled, addition, depletion } = networkBuilders({
  parameters: PARAMETERS,
  species: SPECIES,
});

/**
 * Influenza-like infection with innate (type-I interferon) and adaptive (CD8 T cells, B cells and
 * antibodies) responses, written as reactions so the same definition gives the ODE, the SSA and
 * tau-leaping:
 *
 *   dU/dt = −β·U·V − φ·F·U + ρ·R                   target cells (U) and antiviral/refractory cells (R)
 *   dR/dt =  φ·F·U − ρ·R
 *   dE/dt =  β·U·V − k·E                            eclipse phase
 *   dI/dt =  k·E − δ·I − k_T·T·I                    productively infected cells, killed by CD8 T cells
 *   dV/dt =  p·I/(1 + s·F) − c·V − k_A·A·V          virus; IFN reduces production, antibody neutralises
 *   dF/dt =  q·I − d_F·F                            type-I interferon
 *   dT/dt =  d_T·(T0 − T) + r_T·T·V/(V + K_T)       CD8 effectors: homeostasis, antigen-driven expansion
 *   dB/dt =  d_B·(B0 − B) + r_B·B·V/(V + K_B)       B cells / plasma cells
 *   dA/dt =  p_A·B − d_A·A                          antibody
 *
 * The virus core is the target-cell-limited model of Baccam et al. (2006); the interferon structure
 * (refractory state, reversion, reduced production) follows Baccam et al.'s interferon model and
 * Pawelek et al. (2012); the T-cell kinetics follow De Boer et al. (2001).
 */
export const innateAdaptiveManifest: ModelManifest = {
  id: 'virus-innate-adaptive',
  title: 'Virus infection with innate and adaptive immunity',
  version: '0.1.0',
  description:
    'An influenza-like infection of the upper airway (target-cell-limited core of Baccam et al. 2006) controlled by type-I interferon, which makes target cells refractory and reduces virus production, and cleared by the adaptive response: CD8 T cells that expand on antigen and kill infected cells, and B cells that make neutralising antibody. Immune parameters are illustrative teaching values, not fits.',
  timeUnit: 'day',
  methods: ['ode', 'ssa', 'tau-leaping'],
  defaults: { duration: 21, outputInterval: 0.05 },
  parameters: PARAMETERS,
  network: {
    species: SPECIES,
    reactions: [
      massAction('infection', { U: 1, V: 1 }, { E: 1, V: 1 }, 'beta', 'infection (virion kept)'),
      INFLUENZA_REACTIONS.eclipseExit,
      INFLUENZA_REACTIONS.infectedDeath,
      customRate('production', { I: 1 }, { I: 1, V: 1 }, 'p * I / (1 + s * F)', 'virus production (reduced by IFN)'),
      INFLUENZA_REACTIONS.clearance,
      massAction('ifnProduction', { I: 1 }, { I: 1, F: 1 }, 'q', 'IFN secretion'),
      massAction('ifnDecay', { F: 1 }, {}, 'dF', 'IFN decay'),
      massAction('antiviralState', { U: 1, F: 1 }, { R: 1, F: 1 }, 'phi', 'IFN-induced antiviral state'),
      massAction('reversion', { R: 1 }, { U: 1 }, 'rho', 'loss of antiviral state'),
      massActionRate('tSupply', {}, { T: 1 }, 'dT * T0', 'CD8 precursor supply'),
      customRate('tExpansion', { T: 1 }, { T: 2 }, 'rT * T * V / (V + KT)', 'CD8 expansion on antigen'),
      massAction('tContraction', { T: 1 }, {}, 'dT', 'CD8 death'),
      massAction('killing', { I: 1, T: 1 }, { T: 1 }, 'kT', 'CD8 killing of infected cells'),
      massActionRate('bSupply', {}, { B: 1 }, 'dB * B0', 'B precursor supply'),
      customRate('bExpansion', { B: 1 }, { B: 2 }, 'rB * B * V / (V + KB)', 'B-cell expansion on antigen'),
      massAction('bContraction', { B: 1 }, {}, 'dB', 'B-cell death'),
      massAction('antibodyProduction', { B: 1 }, { B: 1, A: 1 }, 'pA', 'antibody secretion'),
      massAction('antibodyDecay', { A: 1 }, {}, 'dA', 'antibody decay'),
      massAction('neutralisation', { V: 1, A: 1 }, { A: 1 }, 'kA', 'neutralisation by antibody'),
    ],
  },
  observables: [
    ...SPECIES.map(speciesObservable),
    {
      id: 'infected',
      label: 'Infected cells (E + I)',
      unit: 'cells',
      expression: 'E + I',
      description: 'All infected cells, producing or not.',
    },
    {
      id: 'healthyFraction',
      label: 'Fraction of cells uninfected',
      unit: '1',
      expression: '(U + R) / U0',
      description: '(U + R)/U0: target cells never infected, whether susceptible or protected by interferon.',
    },
    {
      id: 'targetFraction',
      label: 'Fraction susceptible',
      unit: '1',
      expression: 'U / U0',
      description: 'U/U0: cells the virus can infect right now.',
    },
    {
      id: 'ctlKillRate',
      label: 'CD8 killing rate per infected cell',
      unit: '1/day',
      expression: 'kT * T',
      description: 'Extra death rate k_T·T of each infected cell; compare with δ.',
    },
    {
      id: 'neutralisationRate',
      label: 'Antibody neutralisation rate per virion',
      unit: '1/day',
      expression: 'kA * A',
      description: 'Extra clearance k_A·A of free virus; compare with c.',
    },
  ],
  interventions: [
    inoculation,
    productionInhibitor(
      'antiviral',
      'Antiviral (production inhibitor)',
      'Blocks a fraction ε of virus production or release (p → (1 − ε)p) from start until stop, e.g. a neuraminidase inhibitor.',
    ),
    depletion({
      kind: 'cd8Depletion',
      label: 'CD8 T-cell depletion (single dose)',
      description:
        'Removes a fraction of CD8 T cells once (e.g. one dose of a depleting antibody); the survivors can still expand.',
      hasStop: false,
      species: 'T',
      field: fractionField('fraction', {
        label: 'Fraction removed',
        default: 0.99,
        description: 'Fraction of CD8 T cells removed.',
      }),
    }),
    depletion({
      kind: 'cd8DepletionOngoing',
      label: 'CD8 T-cell depletion (ongoing)',
      description:
        'Removes a fraction ε of CD8 T cells at the start and keeps the response suppressed until stop: expansion r_T and the precursor supply d_T·T0 are both multiplied by 1 − ε.',
      hasStop: true,
      species: 'T',
      field: efficacyField({
        default: 0.99,
        description: 'Fraction of CD8 T cells removed and of their expansion blocked.',
      }),
      scales: ['rT', 'T0'],
    }),
    depletion({
      kind: 'bCellDepletion',
      label: 'B-cell depletion (e.g. anti-CD20)',
      description:
        'Removes a fraction ε of B cells at the start and suppresses their expansion r_B and precursor supply d_B·B0 by 1 − ε until stop. Antibody already made stays and decays.',
      hasStop: true,
      species: 'B',
      field: efficacyField({
        default: 0.99,
        description: 'Fraction of B cells removed and of their expansion blocked.',
      }),
      scales: ['rB', 'B0'],
    }),
    addition({
      kind: 'monoclonalAntibody',
      label: 'Monoclonal antibody infusion',
      description: 'Adds neutralising antibody at the start time; it then decays with the IgG half-life.',
      species: 'A',
      field: interventionField({
        id: 'dose',
        label: 'Dose',
        unit: 'antibody units',
        default: 1e4,
        min: 0,
        max: 1e9,
        description:
          'Antibody added (1e4 units neutralise at k_A·A = 100 per day with the default k_A, about the level a primary response reaches).',
      }),
    }),
    efficacyScaled({
      kind: 'ifnBlockade',
      label: 'Interferon blockade',
      description:
        'Blocks a fraction ε of interferon production (q → (1 − ε)q) from start until stop, e.g. a viral IFN antagonist or receptor blockade.',
      parameter: 'q',
      efficacy: { default: 1, description: 'Fraction of interferon production blocked.' },
    }),
  ],
  presets: [
    {
      id: 'influenza',
      label: 'Influenza A, healthy adult',
      description:
        'Baccam et al. 2006 virus kinetics with interferon and an intact adaptive response (the defaults): the virus peaks at about day 2, interferon protects most target cells, and CD8 T cells and antibody clear the infection around day 6.',
      source: `${BACCAM}; immune parameters illustrative (see each parameter)`,
      parameters: {
        U0: 4e8,
        V0: 7.5e-2,
        beta: 3.2e-5,
        p: 4.6e-2,
        c: 5.2,
        delta: 5.2,
        k: 4,
        q: 1e-3,
        dF: 1,
        s: 1e-3,
        phi: 5e-4,
        rho: 0.5,
        T0: 100,
        rT: 3,
        KT: 1,
        dT: 0.5,
        kT: 1e-5,
        B0: 100,
        rB: 2,
        KB: 1,
        dB: 0.3,
        pA: 3e-2,
        dA: 0.033,
        kA: 1e-2,
      },
    },
    {
      id: 'noCd8Response',
      label: 'Immunocompromised: no CD8 T-cell response',
      description:
        'As the default but CD8 T cells do not expand (r_T = 0), as in a host without functional CD8 T cells: antibody alone clears the virus, about a day later.',
      source: 'illustrative variant of the default (r_T = 0)',
      parameters: { rT: 0 },
    },
    {
      id: 'innateOnly',
      label: 'Immunocompromised: no adaptive response',
      description:
        'Neither CD8 T cells nor B cells expand (r_T = r_B = 0). Interferon blunts the peak, but when cells lose their antiviral state the virus keeps infecting them: no clearance, and target cells are slowly used up.',
      source: 'illustrative variant of the default (r_T = r_B = 0)',
      parameters: { rT: 0, rB: 0 },
    },
    {
      id: 'noInterferon',
      label: 'No interferon response',
      description:
        'Infected cells make no interferon (q = 0): the peak is higher and nearly all target cells are infected before the adaptive response clears the virus.',
      source: 'illustrative variant of the default (q = 0)',
      parameters: { q: 0 },
    },
  ],
  assumptions: [
    'One well-mixed compartment (the upper respiratory tract): every virion, interferon molecule, T cell and antibody reaches every cell.',
    'Mass-action infection, killing and neutralisation; times in each state are exponentially distributed.',
    'No target-cell regeneration over the infection: uninfected cells are only lost to infection (U + R can only fall).',
    'Interferon is secreted as soon as a cell produces virus (no extra delay, which Baccam et al. 2006 include in their interferon model (verify)) and acts in two ways only: a reversible antiviral state of target cells and reduced virus production. Interferon-activated killing of infected cells (e.g. NK cells, Pawelek et al. 2012) is left out.',
    'Antigen for the adaptive response is represented by the free-virus titre; T-cell priming in lymph nodes, trafficking and the 1–2 day recruitment delay are not modelled separately.',
    'B cells and plasma cells are one population, and its precursors already secrete antibody at the same rate (negligible before expansion).',
    'No memory: after recovery effector T cells and B cells return to their precursor levels, and only the antibody that is left (half-life 21 days) protects against re-infection.',
    'Immune-response parameters are illustrative values chosen for teaching (qualitative behaviour from the literature), not fits to data; only the virus kinetics come from a fit (Baccam et al. 2006).',
    'Stochastic runs treat every species as a whole-number count, including virus titre, interferon units and antibody units; they are meaningful for counts, and an inoculum below 0.5 rounds to 0.',
  ],
  references: [
    REFERENCES.baccam2006,
    REFERENCES.pawelek2012,
    REFERENCES.deBoer2001,
    REFERENCES.blattman2002,
    REFERENCES.janeway,
    REFERENCES.nowakMay2000,
  ],
};
