import { parameter } from '@immunotwin/engine';
import { INNATE_PARAMETERS } from './innateParameters.js';
import { LYMPH_SIGNAL_PARAMETERS } from './lymphSignalParameters.js';
import { SIGNAL_PARAMETERS } from './signalParameters.js';
import { PHYSICELL, SIMCOV, SIMCOV_DIFFUSION } from './sources.js';

/** Lattice, time step. */
const SETUP = [
  parameter({
    id: 'latticeSize',
    label: 'Section side',
    unit: 'sites',
    default: 100,
    min: 10,
    max: 3000,
    scale: 'log',
    integer: true,
    description: 'The section is latticeSize × latticeSize epithelial sites (SIMCoV figure 2 is 3000 × 3000).',
    source: 'illustrative (a modest default; SIMCoV figure 2 uses 3000 × 3000, Moses et al. 2021)',
  }),
  parameter({
    id: 'siteSize',
    label: 'Site width',
    unit: 'µm',
    default: 5,
    min: 2,
    max: 25,
    scale: 'linear',
    description: 'Width of one lattice site; converts diffusion coefficients to lattice units.',
    source: `${SIMCOV} (grid spacing 5 µm)`,
  }),
  parameter({
    id: 'stepMinutes',
    label: 'Time step',
    unit: 'min',
    default: 10,
    min: 1,
    max: 30,
    scale: 'linear',
    integer: true,
    description:
      'Step of the epithelium and the fields. T cells move and bind minute by minute inside it, as in SIMCoV.',
    source:
      'modelling choice: SIMCoV steps 1 min; 10 min stays well below the shortest cell-state period (apoptosis, 180 min)',
  }),
  parameter({
    id: 'fieldFloor',
    label: 'Field floor',
    unit: 'per site (each field’s unit)',
    default: 0,
    min: 0,
    max: 0.001,
    scale: 'linear',
    description:
      'Values of the diffusing fields (virions, IFN, chemokine, cytokine) below this per site are set to 0 after each step (0: none, the exact float32 step). A floor keeps the far tails of the implicit diffusion at exactly 0, so the active-region method only steps where the fields are; it changes results (slightly) and must stay far below every threshold that acts on a field (minChemokine 1e-6, recruitmentMinSignal 0.05).',
    source:
      'modelling choice (numerical): an amount of 1e-9 virion or a.u. per 5-µm site acts on nothing in a step (infection hazard infectivity·V·h = 1e-11)',
  }),
  parameter({
    id: 'ifnFloor',
    label: 'IFN floor',
    unit: 'a.u./site',
    default: 0,
    min: 0,
    max: 0.001,
    scale: 'linear',
    description:
      'IFN below this per site is set to 0 after each step, in place of fieldFloor (0: fieldFloor applies). IFN’s tails reach far beyond the infection, and every healthy cell under them draws each step; at 1e-6 (1e-5 of ifnHalf) a cell’s chance of turning antiviral there is ~1e-6 per step.',
    source:
      'modelling choice (numerical): a floor far below ifnHalf acts on almost nothing (antiviral entry ∝ I/(I + ifnHalf))',
  }),
  parameter({
    id: 'cytokineFloor',
    label: 'Cytokine floor',
    unit: 'a.u./site',
    default: 0,
    min: 0,
    max: 0.001,
    scale: 'linear',
    description:
      'Pro-inflammatory cytokine below this per site is set to 0 after each step, in place of fieldFloor (0: fieldFloor applies). The cytokine diffuses far (555.56 µm²/min), so its tails make its region the largest; 1e-4 is 500 times below where recruitment starts (recruitmentMinSignal 0.05) and moves the CRP proxy by at most 0.06 mg/L.',
    source:
      'modelling choice (numerical): a floor far below recruitmentMinSignal acts on nothing the cytokine drives (recruitment, the CRP proxy)',
  }),
];

/** Epithelium: cell types, state periods, regeneration. */
const EPITHELIUM = [
  parameter({
    id: 'typeIIFraction',
    label: 'Type II share of sites',
    unit: '1',
    default: 0.05,
    min: 0,
    max: 0.5,
    scale: 'linear',
    description:
      'Fraction of sites that are alveolar type II cells (placed at random); the rest are type I. Sites are equal areas, so this is a surface share.',
    source: 'Crapo et al. 1982: type II cells cover ~5 % of the alveolar surface, type I ~95 % (verify)',
  }),
  parameter({
    id: 'incubationPeriod',
    label: 'Incubation (eclipse) period',
    unit: 'min',
    default: 480,
    min: 60,
    max: 2880,
    scale: 'log',
    description: 'Mean time from infection to expressing virions; each cell draws its own, Poisson-distributed.',
    source: `${SIMCOV} (incubation-period 480)`,
  }),
  parameter({
    id: 'expressingPeriod',
    label: 'Expressing period',
    unit: 'min',
    default: 900,
    min: 60,
    max: 4320,
    scale: 'log',
    description: 'Mean time an expressing cell releases virions before it dies of the infection (Poisson).',
    source: `${SIMCOV} (expressing-period 900)`,
  }),
  parameter({
    id: 'apoptosisPeriod',
    label: 'Apoptosis period',
    unit: 'min',
    default: 180,
    min: 10,
    max: 1440,
    scale: 'log',
    description:
      'Mean time from apoptosis induced by a T cell to death (Poisson); apoptotic cells keep releasing virions.',
    source: `${SIMCOV} (apoptosis-period 180)`,
  }),
  parameter({
    id: 'regenerationRate',
    label: 'Regeneration by type II cells',
    unit: '1/day',
    default: 0.5,
    min: 0,
    max: 10,
    scale: 'linear',
    description:
      'Rate at which a dead site is refilled, per healthy (or antiviral) type II cell among its 8 neighbours; the new cell takes the type of the site.',
    source: 'illustrative (type II cells are the alveolar progenitors; SIMCoV has no regeneration)',
  }),
];

/** Virions and infection foci. */
const VIRUS = [
  parameter({
    id: 'infectivity',
    label: 'Infectivity',
    unit: '1/(virion·min)',
    default: 0.001,
    min: 1e-6,
    max: 0.1,
    scale: 'log',
    description:
      'Infection hazard of a healthy cell per virion at its site per minute: P(infection in a step of h min) = 1 − e^(−infectivity·V·h).',
    source: `${SIMCOV} (infectivity 0.001 per virion per step)`,
  }),
  parameter({
    id: 'virionProduction',
    label: 'Virion production',
    unit: 'virions/(cell·min)',
    default: 1.1,
    min: 0,
    max: 100,
    scale: 'linear',
    description: 'Virions released into its site by each expressing or apoptotic cell per minute.',
    source: `${SIMCOV} (virion-production 1.1)`,
  }),
  parameter({
    id: 'virionClearance',
    label: 'Virion clearance',
    unit: '1/min',
    default: 0.004,
    min: 0,
    max: 1,
    scale: 'linear',
    description: 'First-order loss of free virions.',
    source: `${SIMCOV} (virion-clearance 0.004 per step)`,
  }),
  parameter({
    id: 'virionDiffusion',
    label: 'Virion diffusion',
    unit: 'µm²/min',
    default: 1.40625,
    min: 0,
    max: 100,
    scale: 'linear',
    description: 'Diffusion coefficient of free virions in the airway surface liquid.',
    source: `${SIMCOV_DIFFUSION}: virion-diffusion f = 0.15`,
  }),
  parameter({
    id: 'foci',
    label: 'Infection foci',
    unit: 'foci',
    default: 1,
    min: 0,
    max: 400,
    scale: 'linear',
    integer: true,
    description: 'Number of initial infection sites (0: no virus).',
    source: 'illustrative (SIMCoV figure 2 uses 3 random foci on 3000² sites; figure 3 varies 1–16)',
  }),
  parameter({
    id: 'fociPlacement',
    label: 'Foci placement (0 centre, 1 random, 2 grid)',
    unit: 'code',
    default: 0,
    min: 0,
    max: 2,
    scale: 'linear',
    integer: true,
    description:
      '0 centre: one focus at the centre, more on a circle of radius latticeSize/8 around it; 1 random: distinct sites drawn from the run’s random stream; 2 grid: the centres of a near-square grid of cells.',
    source: `modelling choice after SIMCoV's infection-coords (random:N, uniform:N; ${SIMCOV})`,
  }),
  parameter({
    id: 'initialVirions',
    label: 'Virions per focus',
    unit: 'virions',
    default: 1000,
    min: 0,
    max: 1e6,
    scale: 'linear',
    description: 'Virions placed on each focus site at t = 0.',
    source: `${SIMCOV} (initial-infection 1000)`,
  }),
];

/** Type-I interferon and the antiviral state. */
const INTERFERON = [
  parameter({
    id: 'ifnSecretion',
    label: 'IFN secretion',
    unit: 'a.u./(cell·min)',
    default: 1,
    min: 0,
    max: 100,
    scale: 'linear',
    description:
      'Type-I IFN released by each infected (incubating, expressing or apoptotic) cell per minute; 0 turns IFN off.',
    source:
      'illustrative (arbitrary concentration units; PhysiCell COVID-19 uses a dimensionless secretion target of 1)',
  }),
  parameter({
    id: 'ifnDiffusion',
    label: 'IFN diffusion',
    unit: 'µm²/min',
    default: 25,
    min: 0,
    max: 1000,
    scale: 'linear',
    description: 'Diffusion coefficient of type-I IFN.',
    source: `${PHYSICELL} (interferon 1: 25 µm²/min)`,
  }),
  parameter({
    id: 'ifnDecay',
    label: 'IFN decay',
    unit: '1/min',
    default: 0.0102,
    min: 0,
    max: 1,
    scale: 'linear',
    description: 'First-order decay of type-I IFN.',
    source: `${PHYSICELL} (interferon 1: 1.02e-2 /min)`,
  }),
  parameter({
    id: 'ifnHalf',
    label: 'IFN for half-maximal antiviral induction',
    unit: 'a.u./site',
    default: 0.1,
    min: 1e-4,
    max: 100,
    scale: 'log',
    description: 'IFN at a site giving half the maximal rate of entering the antiviral state.',
    source: 'illustrative',
  }),
  parameter({
    id: 'antiviralInduction',
    label: 'Antiviral induction (maximal)',
    unit: '1/min',
    default: 0.01,
    min: 0,
    max: 1,
    scale: 'linear',
    description:
      'Maximal rate at which a healthy cell enters the antiviral state; the rate is antiviralInduction·IFN/(IFN + ifnHalf).',
    source:
      'illustrative (interferon-stimulated genes are expressed within hours; Sego et al. 2020 model IFN signalling in epithelial cells)',
  }),
  parameter({
    id: 'antiviralProtection',
    label: 'Antiviral protection',
    unit: '1',
    default: 0.9,
    min: 0,
    max: 1,
    scale: 'linear',
    description: 'Fraction by which the antiviral state lowers a cell’s infection hazard.',
    source: 'illustrative',
  }),
  parameter({
    id: 'antiviralLoss',
    label: 'Antiviral state loss',
    unit: '1/min',
    default: 0.0007,
    min: 0,
    max: 0.1,
    scale: 'linear',
    description:
      'Rate at which an antiviral cell returns to healthy without IFN (≈ 1/day); IFN slows it as ifnHalf/(IFN + ifnHalf).',
    source: 'illustrative',
  }),
];

/** Effector CD8 T cells: supply from the vasculature, life in the tissue, killing. */
const T_CELLS = [
  parameter({
    id: 'tCellDelay',
    label: 'T-cell delay',
    unit: 'day',
    default: 7,
    min: 0,
    max: 30,
    scale: 'linear',
    description: 'Time after infection before effector T cells start entering the circulation.',
    source: `${SIMCOV} (tcell-initial-delay 10080 min)`,
  }),
  parameter({
    id: 'tCellGeneration',
    label: 'T-cell supply (whole lung)',
    unit: 'cells/min',
    default: 105000,
    min: 0,
    max: 1e7,
    scale: 'linear',
    description:
      'Effector CD8 T cells entering the lung vasculature per minute after the delay (0: no T cells). The section sees its share latticeSize²/lungSites of them.',
    source: `${SIMCOV} (tcell-generation-rate 105000, scaled 5000× from the mouse)`,
  }),
  parameter({
    id: 'tCellVascularPeriod',
    label: 'T-cell life in the vasculature',
    unit: 'min',
    default: 5760,
    min: 60,
    max: 43200,
    scale: 'log',
    description: 'Mean life of a circulating T cell.',
    source: `${SIMCOV} (tcell-vascular-period 5760)`,
  }),
  parameter({
    id: 'tCellTissuePeriod',
    label: 'T-cell life in the tissue',
    unit: 'min',
    default: 1440,
    min: 10,
    max: 14400,
    scale: 'log',
    description: 'Mean life of a T cell after it extravasates (Poisson).',
    source: `${SIMCOV} (tcell-tissue-period 1440)`,
  }),
  parameter({
    id: 'tCellBindingPeriod',
    label: 'T-cell binding period',
    unit: 'min',
    default: 10,
    min: 1,
    max: 240,
    scale: 'log',
    integer: true,
    description: 'Minutes a T cell stays bound to the expressing cell it has induced to apoptosis.',
    source: `${SIMCOV} (tcell-binding-period 10)`,
  }),
  parameter({
    id: 'tCellMoveRate',
    label: 'T-cell moves per minute',
    unit: 'sites/min',
    default: 1,
    min: 0,
    max: 1,
    scale: 'linear',
    description: 'Probability per minute that an unbound T cell moves to a neighbouring site (1: SIMCoV, 5 µm/min).',
    source: `${SIMCOV} (one move per 1-min step)`,
  }),
  parameter({
    id: 'tCellChemotaxis',
    label: 'T-cell chemotaxis',
    unit: '1',
    default: 0,
    min: 0,
    max: 1,
    scale: 'linear',
    description:
      'Probability that a move goes to the neighbour with most chemokine rather than a random neighbour (0: random walk).',
    source: `${SIMCOV} (tcells-follow-gradient false)`,
  }),
  parameter({
    id: 'lungSites',
    label: 'Sites in the whole lung',
    unit: 'sites',
    default: 3.84e13,
    min: 1e6,
    max: 1e15,
    scale: 'log',
    description:
      'Size of the whole lung in sites: the section receives latticeSize²/lungSites of the circulating T cells’ extravasation attempts.',
    source: `${SIMCOV} (whole-lung-dim 48000 × 40000 × 20000 sites of 5 µm)`,
  }),
  parameter({
    id: 'lymphDrainage',
    label: 'Lymph drainage of virions',
    unit: '1/day',
    default: 0.5,
    min: 0,
    max: 100,
    scale: 'linear',
    description:
      'Share of the section’s free virions carried off by lymph per day: the antigen the section sends to the lymph node (observable antigenOut; read by a coupled Immune System Twin). The virions are not removed from the field (their clearance is virionClearance).',
    source:
      'illustrative: the Immune System Twin’s antigenDrain (0.5 /day, calibrated there to its lymph-node kinetics)',
  }),
];

/** Organ function. */
const ORGAN = [
  parameter({
    id: 'paO2Healthy',
    label: 'Arterial PO2 of a healthy lung',
    unit: 'mmHg',
    default: 95,
    min: 60,
    max: 110,
    scale: 'linear',
    description: 'PaO2 at full gas exchange; the SpO2 proxy scales it by the gas-exchange fraction.',
    source: "West's Respiratory Physiology (normal PaO2 ≈ 80–100 mmHg at sea level)",
  }),
];

/** Every parameter of the Lung Twin (ids as literal types). */
export const LUNG_PARAMETERS = [
  ...SETUP,
  ...EPITHELIUM,
  ...VIRUS,
  ...INTERFERON,
  ...SIGNAL_PARAMETERS,
  ...T_CELLS,
  ...LYMPH_SIGNAL_PARAMETERS,
  ...INNATE_PARAMETERS,
  ...ORGAN,
];
