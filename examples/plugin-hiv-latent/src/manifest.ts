import type { ModelManifest } from '@immunotwin/engine';

const RONG_PERELSON = 'Rong & Perelson 2009, PLoS Comput Biol 5:e1000533';

/**
 * Chronic HIV infection with a latent reservoir, as data: parameters (unit, range, source), observables, the
 * ART intervention, assumptions and references. The JupyterLab page reads only this file; the model's code
 * (model.ts) loads in the kernels' and workbenches' workers.
 */
export const manifest: ModelManifest = {
  id: 'hiv-latent',
  title: 'HIV Latent Reservoir Twin',
  version: '0.1.0',
  description:
    'Chronic HIV-1 infection with a latent reservoir: target CD4 T cells, productively and latently infected cells and free virus; antiretroviral therapy blocks new infections. Starts at the untreated set point.',
  timeUnit: 'day',
  methods: ['agent'],
  defaults: { duration: 120, outputInterval: 0.5 },
  parameters: [
    {
      id: 'lambda',
      label: 'target-cell production',
      unit: 'cells/(mL·day)',
      default: 1e4,
      min: 1e3,
      max: 1e5,
      scale: 'log',
      description: 'supply of activated CD4 T cells that the virus can infect',
      source: `${RONG_PERELSON} (λ = 10^4 per mL per day) (verify)`,
    },
    {
      id: 'dT',
      label: 'target-cell death rate',
      unit: '1/day',
      default: 0.01,
      min: 0.001,
      max: 0.1,
      scale: 'log',
      description: 'death rate of uninfected target cells (λ/d_T = 10^6 cells/mL without infection)',
      source: `${RONG_PERELSON} (d_T = 0.01/day) (verify)`,
    },
    {
      id: 'k',
      label: 'infectivity',
      unit: 'mL/(virion·day)',
      default: 2.4e-8,
      min: 1e-9,
      max: 1e-6,
      scale: 'log',
      description: 'rate constant of infection of target cells by free virus, before therapy',
      source: `${RONG_PERELSON} (k = 2.4×10^-8 mL/day) (verify)`,
    },
    {
      id: 'f',
      label: 'latent fraction',
      unit: '1',
      default: 1e-6,
      min: 1e-8,
      max: 1e-2,
      scale: 'log',
      description: 'fraction of new infections that become latent instead of productive',
      source:
        'illustrative: sets an untreated reservoir of about 10 latently infected cells per mL (with the other defaults), of the order of the 10^5–10^6 cells per body of Finzi et al. 1999, Nat Med 5:512 (verify)',
    },
    {
      id: 'delta',
      label: 'infected-cell death rate',
      unit: '1/day',
      default: 1,
      min: 0.2,
      max: 2,
      scale: 'linear',
      description: 'death rate of productively infected cells: the slope of the first phase of decline on ART',
      source:
        'Perelson et al. 1997, Nature 387:188 (first-phase decline: productively infected cells live about a day); δ = 1/day as in Rong & Perelson 2009',
    },
    {
      id: 'a',
      label: 'latent activation rate',
      unit: '1/day',
      default: 2.6e-4,
      min: 0,
      max: 0.1,
      scale: 'linear',
      description: 'rate at which a latently infected cell is activated into a virus-producing cell',
      source:
        'half of the reservoir decay of Siliciano et al. 2003, Nat Med 9:727 (a + d_L = ln 2 / 43.9 months); the split between activation and death is illustrative (activation rates discussed in Rong & Perelson 2009)',
    },
    {
      id: 'dL',
      label: 'latent-cell death rate',
      unit: '1/day',
      default: 2.6e-4,
      min: 0,
      max: 0.1,
      scale: 'linear',
      description: 'death rate of latently infected cells (net of their homeostatic proliferation)',
      source:
        'the other half of the reservoir decay of Siliciano et al. 2003, Nat Med 9:727 (a + d_L = ln 2 / 43.9 months); illustrative split',
    },
    {
      id: 'N',
      label: 'burst size',
      unit: 'virions/cell',
      default: 2000,
      min: 100,
      max: 5e4,
      scale: 'log',
      description: 'virions released by a productively infected cell over its life',
      source: `${RONG_PERELSON} (N = 2000) (verify)`,
    },
    {
      id: 'c',
      label: 'virus clearance rate',
      unit: '1/day',
      default: 23,
      min: 3,
      max: 50,
      scale: 'linear',
      description: 'clearance rate of free virions from plasma',
      source:
        'Ramratnam et al. 1999, Lancet 354:1782 (c ≈ 23/day by plasma apheresis); Perelson et al. 1997 bounded it below by 3/day',
    },
  ],
  observables: [
    { id: 'T', label: 'Target CD4 T cells', unit: 'cells/mL', description: 'uninfected target cells' },
    { id: 'I', label: 'Productively infected cells', unit: 'cells/mL', description: 'cells producing virus' },
    { id: 'L', label: 'Latent reservoir', unit: 'cells/mL', description: 'latently infected cells' },
    { id: 'V', label: 'Viral load', unit: 'copies/mL', description: 'free virus in plasma' },
  ],
  interventions: [
    {
      kind: 'art',
      label: 'Antiretroviral therapy',
      description:
        'blocks new infections: infectivity is multiplied by 1 − efficacy while it lasts; overlapping courses combine as independent blocks',
      hasStop: true,
      fields: [
        {
          id: 'efficacy',
          label: 'efficacy',
          unit: '1',
          default: 1,
          min: 0,
          max: 1,
          description: 'fraction of new infections blocked (1: complete suppression)',
        },
      ],
    },
  ],
  presets: [],
  assumptions: [
    'Plasma and the infected cells that feed it are one well-mixed compartment; numbers are per mL.',
    'The run starts at the untreated set point, computed in closed form from the parameters.',
    'ART blocks new infections only (infectivity × (1 − ε)); it does not change virus production by cells already infected.',
    'Latently infected cells neither produce virus nor die of infection; they are activated at rate a or die at rate d_L, so under complete ART the reservoir decays with half-life ln 2/(a + d_L).',
    'There is no compartment of long-lived infected cells: the second phase of decline on ART (Perelson et al. 1997) is not represented, so the viral load falls with the first phase (slope δ) until the floor set by latent activation (≈ N·a·L/c), faster than the ≈2 logs in two weeks seen in patients.',
    'Deterministic: no viral blips or stochastic extinction.',
  ],
  references: [
    {
      id: 'perelson1997',
      citation:
        'Perelson AS, Essunger P, Cao Y, et al. Decay characteristics of HIV-1-infected compartments during combination therapy. Nature 1997;387:188–191.',
    },
    {
      id: 'ramratnam1999',
      citation:
        'Ramratnam B, Bonhoeffer S, Binley J, et al. Rapid production and clearance of HIV-1 and hepatitis C virus assessed by large volume plasma apheresis. Lancet 1999;354:1782–1785.',
    },
    {
      id: 'finzi1999',
      citation:
        'Finzi D, Blankson J, Siliciano JD, et al. Latent infection of CD4+ T cells provides a mechanism for lifelong persistence of HIV-1, even in patients on effective combination therapy. Nat Med 1999;5:512–517.',
    },
    {
      id: 'siliciano2003',
      citation:
        'Siliciano JD, Kajdas J, Finzi D, et al. Long-term follow-up studies confirm the stability of the latent reservoir for HIV-1 in resting CD4+ T cells. Nat Med 2003;9:727–728.',
    },
    {
      id: 'rong2009',
      citation:
        'Rong L, Perelson AS. Modeling latently infected cell activation: viral and latent reservoir persistence, and viral blips in HIV-infected patients on potent therapy. PLoS Comput Biol 2009;5:e1000533.',
    },
    {
      id: 'perelson2013',
      citation: 'Perelson AS, Ribeiro RM. Modeling the within-host dynamics of HIV infection. BMC Biol 2013;11:96.',
    },
  ],
  kernel: { displayName: 'HIV Latent Reservoir Twin' },
};
