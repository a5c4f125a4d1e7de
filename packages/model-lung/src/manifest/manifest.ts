import type { ModelManifest } from '@immunotwin/engine';
import { LUNG_INTERVENTIONS } from './interventions.js';
import { LUNG_OBSERVABLES } from './observables.js';
import { LUNG_PARAMETERS } from './parameters.js';
import { LUNG_PRESETS } from './presets.js';
import { LUNG_REFERENCES as R } from './references.js';

/** The Lung Twin's manifest (parameter and observable ids as literal types). */
export const lungManifest = {
  id: 'lung',
  title: 'Lung Twin',
  version: '0.1.0',
  description:
    'An agent-based organ twin of a virus-infected lung after SIMCoV (Moses et al. 2021), the PhysiCell COVID-19 tissue simulator (Getz et al. 2021) and Sego et al. (2020): a 2D section of alveolar epithelium with type I and type II cells going healthy → incubating → expressing → apoptotic → dead, type II regeneration and an interferon-induced antiviral state; virions, type-I IFN, chemokine, pro-inflammatory cytokine and ROS fields on the engine’s diffusion–decay solver; resident alveolar macrophages, recruited neutrophils whose ROS damages bystander cells, and NK cells; effector CD8 T cells entering from the vasculature after a delay; gas-exchange, oxygenation, damage and blood-marker readouts; antivirals, IFN therapy, a corticosteroid, a monoclonal antibody and T-cell depletion; adult, older and immunosuppressed hosts.',
  timeUnit: 'day',
  methods: ['agent'],
  defaults: { duration: 20, outputInterval: 0.25 },
  kernel: { displayName: 'Lung Twin' },
  parameters: [...LUNG_PARAMETERS],
  observables: [...LUNG_OBSERVABLES],
  // What a student looks at first (cells of the section, on one scale with the virions); the whole-lung count of
  // circulating T cells (~1e8) would flatten every other curve.
  defaultObservables: ['virions', 'infected', 'dead', 'tCells', 'neutrophils'],
  inputs: [
    {
      id: 'effectorSupply',
      label: 'Effector CD8 T cells entering the lung’s circulation',
      unit: 'cells/min',
      description:
        'Replaces the schedule (tCellDelay, tCellGeneration) while connected: the whole lung’s circulating pool follows dC/dt = effectorSupply − C/tCellVascularPeriod, and the section receives its share latticeSize²/lungSites of the pool’s extravasation tries.',
    },
    {
      id: 'antibodyClearance',
      label: 'Antibody clearance of virions',
      unit: '1/min',
      description:
        'Extra virion loss from antibody supplied from outside (e.g. the Immune System Twin’s neutralisation), added to the virion field’s decay like the monoclonal antibody’s.',
    },
  ],
  interventions: [...LUNG_INTERVENTIONS],
  presets: LUNG_PRESETS,
  assumptions: [
    'Every field lives on the sites (SIMCoV). With cytokineVoxel > 1 the pro-inflammatory cytokine diffuses on voxels of cytokineVoxel × cytokineVoxel sites instead (PhysiCell’s 20-µm voxels at 4): what a cell secretes at its site is spread over its voxel at the next step, and each site reads the bilinear interpolation of its four nearest voxels. Where latticeSize is not a multiple of cytokineVoxel the last voxels reach past the edge, and the cytokine that diffuses into that part stays in the voxels but on no site.',
    'With fieldFloor > 0, values of the diffusing fields below it (per site, in each field’s unit) are set to 0 as each step stores them: amounts that act on nothing (1e-9 virion gives an infection hazard of 1e-11 per step). Without it (the default) the implicit step’s tails reach every site within a few steps, so every healthy cell draws each step; with it only tissue near the infection does, which is what lets large sections run fast. It changes results per seed (fewer draws shift the random stream), not their distribution measurably (see the README). ifnFloor and cytokineFloor, where > 0, take its place for IFN and the cytokine, whose tails reach farthest: 1e-6 and 1e-4 are far below where either acts (ifnHalf 0.1, recruitmentMinSignal 0.05).',
    'A square section of alveolar epithelium, latticeSize² sites of siteSize µm with closed edges, one epithelial cell per site. Each site is type I or type II (type II with probability typeIIFraction, drawn once at the start); the type belongs to the site and is kept when a dead site is refilled.',
    'Cell states healthy → incubating → expressing → dead, or expressing → apoptotic → dead when a T cell binds; a healthy cell may be antiviral. Incubation, expressing and apoptosis periods are drawn per cell from Poisson distributions with the given means in minutes (as SIMCoV does), counted down in steps of stepMinutes (so a period ends at the first step boundary at or after it).',
    'Infection: a healthy cell with V virions at its site is infected over a step of h minutes with probability 1 − e^(−infectivity·V·h); SIMCoV uses infectivity·V per 1-min step, the same to first order. Antiviral cells have the hazard × (1 − antiviralProtection).',
    'Expressing and apoptotic cells release virionProduction virions and chemokineProduction chemokine per minute into their site (chemokine capped at 1, as in SIMCoV); incubating, expressing and apoptotic cells release IFN; expressing cells release the pro-inflammatory cytokine. Amounts are added at the start of a step (rate × h) and then diffuse and decay with it.',
    'Fields (virions, IFN, chemokine, cytokine, ROS) are Float32 arrays stepped by the engine’s diffusion–decay solver (implicit, closed edges, exact decay; float32 arithmetic). SIMCoV’s diffusion fractions f per 1-min step on 5-µm sites are converted to D = 0.375·f·Δx²/Δt: spreading f equally over 8 Moore neighbours moves content by a variance of 0.75·f site² per axis per step.',
    'Interferon: a healthy cell becomes antiviral at rate antiviralInduction·I/(I + ifnHalf) (I: IFN at its site) and an antiviral one returns to healthy at rate antiviralLoss·ifnHalf/(I + ifnHalf). No IFN source (ifnSecretion = 0) means no antiviral cells.',
    'Regeneration: a dead site is refilled at rate regenerationRate × (healthy or antiviral type II cells among its 8 neighbours): type II cells are the alveolar progenitors.',
    'T cells (SIMCoV’s rules): after tCellDelay the whole lung’s circulating pool C follows dC/dt = tCellGeneration − C/tCellVascularPeriod (its loss to the section is neglected). Each minute every circulating cell tries one random site of the lung; the section receives Poisson(C·latticeSize²/lungSites·h) tries per step at random sites, and a try succeeds where chemokine ≥ minChemokine and no T cell is. A tissue T cell lives a Poisson(tCellTissuePeriod) number of minutes.',
    'Each minute an unbound T cell looks at its own site and its 8 neighbours (in a random rotation of a fixed order) and binds the first expressing cell, which becomes apoptotic; it then stays bound tCellBindingPeriod minutes. Otherwise it moves with probability tCellMoveRate to a neighbour (the one with most chemokine with probability tCellChemotaxis, else a random one), not onto another T cell. SIMCoV also lets T cells bind incubating cells; here only expressing cells are recognised.',
    'Organ function: gas exchange happens across type I cells (≈ 95 % of the alveolar surface, Crapo et al. 1982); an infected, apoptotic or dead type I site does not exchange gas, so the functional fraction g is the healthy or antiviral type I sites over all type I sites. The section is taken to stand for the whole lung.',
    'SpO2 proxy (illustrative): PaO2 = paO2Healthy × g (the non-functional share acting as a shunt), mapped to saturation by the Severinghaus (1979) dissociation curve S = 100/(1 + 23400/(P³ + 150·P)). Monotone in g: 97.4 % at g = 1 with the default PaO2, ~89 % at g = 0.6. No ventilation, perfusion or supplemental oxygen is modelled.',
    'Resident alveolar macrophages (macrophageDensity per mm², at random sites) walk the epithelium, climbing the chemokine gradient with probability macrophageBias per move. At its site a macrophage takes up virions (a share 1 − e^(−macrophageVirionUptake·h) per step) and engulfs an apoptotic cell (which dies at once) or a dead cell’s debris (probability 1 − e^(−macrophagePhagocytosis·h)). Once it has ingested macrophageActivation virions, or engulfed one cell or debris, it is inflammatory for the rest of its life: it slows down and secretes the pro-inflammatory cytokine. A macrophage that dies is replaced by a resting one at a random site (the resident population is kept). Several innate cells may share a site.',
    'Neutrophils and NK cells are recruited from the blood where the cytokine is: a site with cytokine c recruits at the type’s maximal rate × clamp((c − recruitmentMinSignal)/(recruitmentSaturation − recruitmentMinSignal), 0, 1) per site area (PhysiCell COVID-19’s ramp); the section draws a Poisson number per step, placed in proportion to those weights. They die at constant rates (neutrophils live ≈ 19 h) and move at their speeds (speed·h/siteSize moves per step), climbing their attractant’s gradient with their bias (neutrophils the cytokine, an IL-8-like signal; NK cells the chemokine).',
    'An innate cell makes all its moves of a step on the fields as they stood at the step’s start, then acts at the site it ends on. For the neutrophils (≈ 38 moves in 10 minutes) this makes results depend on stepMinutes: in the contained regime the 10-min step’s peak damage is 13–19 % above the 2-min step’s (medians of 10 seeds), while without neutrophils the step changes the damage by under 3 % (see the README, “The time step”). The validation was fixed at the default step.',
    'ROS is quasi-steady: it decays in about a second (rosDecay 60 /min) and its diffusion length √(D/k) ≈ 10⁻⁴ µm is far below a site, so each step the ROS field is rewritten as rosSecretion/rosDecay per neutrophil at its site. A live epithelial cell (not apoptotic) where ROS R ≥ rosThreshold dies in a step of h minutes with probability 1 − e^(−rosKillRate·h·R/(R + rosHalf)) (PhysiCell’s R/(R + ε) per 6-min step) — bystander damage. Neutrophils do not take up virions here.',
    'NK cells kill by missing self: at its site an NK cell induces an incubating or expressing cell to apoptosis with hazard nkKillRate·(1 − nkIfnProtection·I/(I + ifnHalf)) per minute, IFN (I) protecting infected cells by raising MHC class I. Healthy and antiviral cells keep their MHC class I and are never killed.',
    'The blood inflammatory marker is a CRP-like proxy, crpBaseline + crpMax·c/(c + crpHalf) with c the mean cytokine per site of the section: the section stands for the lung, and the liver’s CRP output is taken to follow the lung’s IL-6-like cytokine at once (no hepatic delay, no clearance kinetics). Illustrative.',
    'Interventions act from their start (and lasting ones until their stop): the replication inhibitor multiplies virion production by 1 − efficacy; the entry blocker multiplies infectivity by 1 − efficacy; IFN therapy adds dose·h of IFN to every site each step; the corticosteroid multiplies neutrophil recruitment and cytokine secretion (epithelium and macrophages) by 1 − efficacy; several of one kind multiply. The monoclonal antibody adds clearance to the virion decay, halving every halfLife. T-cell depletion removes each tissue T cell with probability fraction and that fraction of the circulating pool (the supply refills it: the circulation equation is linear, so the removed cells’ share decays with the vascular period).',
    'Hosts: the older host’s T cells come later and fewer, the immunosuppressed host has a tenth of the T-cell supply and a quarter of the innate recruitment (magnitudes illustrative). Antibody and effector T cells from a lymph node come through the inputs effectorSupply and antibodyClearance in a coupled run (see the next assumption).',
    'Coupling (optional): a coupled run connects the inputs to another model’s observables. While effectorSupply is connected, the circulating pool is a state advanced each step with the supply held between exchanges (dC/dt = supply − C/tCellVascularPeriod, exact over the step); tCellDelay and tCellGeneration are not used, the timing comes from the lymph node. T-cell depletion then removes its fraction of that pool. The section sends out antigenOut = lymphDrainage × its free virions per day (free virus as the antigen; cell debris is cleared in the tissue by macrophages and not counted).',
    'Recruitment feedback (optional, off while lymphSignalGain = 0; after Sego et al. 2020): a lymph-node signal S follows dS/dt = lymphSignalGain·c − lymphSignalDecay·S, c the section’s mean chemokine per site held over each step (exact), and after tCellDelay the supply into the circulation is tCellGeneration·Sⁿ/(1 + Sⁿ) with n = lymphSignalHill, the pool then following dC/dt = supply − C/tCellVascularPeriod. The node is taken to follow the tissue within hours through a steep switch, so recruitment stops once the infection has fallen well below its peak; the values are illustrative. A connected effectorSupply takes precedence.',
    'Every random draw comes from the run’s RNG stream, in a fixed order each step (epithelial sites in index order, then T cells in pool order, innate cells in pool order, recruitment, extravasation; removal by swapping with the last), so a seed gives the same bits on every platform.',
  ],
  references: Object.values(R),
} satisfies ModelManifest;
