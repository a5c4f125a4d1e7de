import type { ModelManifest } from '@immunotwin/engine';
import { LUNG_OBSERVABLES } from './observables.js';
import { LUNG_PARAMETERS } from './parameters.js';
import { LUNG_REFERENCES as R } from './references.js';

/** The Lung Twin's manifest (parameter and observable ids as literal types). */
export const lungManifest = {
  id: 'lung',
  title: 'Lung Twin',
  version: '0.1.0',
  description:
    'An agent-based organ twin of a virus-infected lung after SIMCoV (Moses et al. 2021), the PhysiCell COVID-19 tissue simulator (Getz et al. 2021) and Sego et al. (2020): a 2D section of alveolar epithelium with type I and type II cells going healthy → incubating → expressing → apoptotic → dead, type II regeneration and an interferon-induced antiviral state; virions, type-I IFN, chemokine, pro-inflammatory cytokine and ROS fields on the engine’s diffusion–decay solver; effector CD8 T cells entering from the vasculature after a delay; gas-exchange, oxygenation and damage readouts.',
  timeUnit: 'day',
  methods: ['agent'],
  defaults: { duration: 20, outputInterval: 0.25 },
  kernel: { displayName: 'Lung Twin' },
  parameters: [...LUNG_PARAMETERS],
  observables: [...LUNG_OBSERVABLES],
  interventions: [],
  presets: [],
  assumptions: [
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
    'ROS has a field but no source in this layer (neutrophils, macrophages and NK cells come with the innate layer); antibody and lymph-node coupling are not modelled yet.',
    'Every random draw comes from the run’s RNG stream, in a fixed order (sites in index order, T cells in pool order, removal by swapping with the last), so a seed gives the same bits on every platform.',
  ],
  references: Object.values(R),
} satisfies ModelManifest;
