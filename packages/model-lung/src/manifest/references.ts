import type { ModelManifest } from '@immunotwin/engine';

type Reference = ModelManifest['references'][number];

/** Literature the Lung Twin's parameters and design cite. */
export const LUNG_REFERENCES = {
  moses2021: {
    id: 'moses2021',
    citation:
      'Moses ME, Hofmeyr S, Cannon JL, Andrews A, Gridley R, Hinga M, Leyba K, Pribisova A, Surjadidjaja V, Tasnim H, Forrest S (2021) Spatially distributed infection increases viral load in a computational model of SARS-CoV-2 lung infection. PLoS Comput Biol 17:e1009735; configuration files in github.com/AdaptiveComputationLab/simcov (configs/figure-2/fig2.config)',
    doi: '10.1371/journal.pcbi.1009735',
  },
  getz2021: {
    id: 'getz2021',
    citation:
      'Getz M, Wang Y, An G, Asthana M, Becker A, Cockrell C, Collier N, Craig M, Davis CL, Faeder JR, et al. (2021) Iterative community-driven development of a SARS-CoV-2 tissue simulator. bioRxiv 2020.04.02.019075 (v5); PhysiCell settings in github.com/pc4covid19/COVID19 (PhysiCell/config/PhysiCell_settings.xml)',
    doi: '10.1101/2020.04.02.019075',
  },
  sego2020: {
    id: 'sego2020',
    citation:
      'Sego TJ, Aponte-Serrano JO, Ferrari Gianlupi J, Heaps SR, Breithaupt K, Brusch L, Crawshaw J, Osborne JM, Quardokus EM, Plemper RK, Glazier JA (2020) A modular framework for multiscale, multicellular, spatiotemporal modeling of acute primary viral infection and immune response in epithelial tissues and its application to drug therapy timing and effectiveness. PLoS Comput Biol 16:e1008451',
    doi: '10.1371/journal.pcbi.1008451',
  },
  crapo1982: {
    id: 'crapo1982',
    citation:
      'Crapo JD, Barry BE, Gehr P, Bachofen M, Weibel ER (1982) Cell number and cell characteristics of the normal human lung. Am Rev Respir Dis 126:332–337',
    doi: '10.1164/arrd.1982.126.2.332',
  },
  severinghaus1979: {
    id: 'severinghaus1979',
    citation:
      'Severinghaus JW (1979) Simple, accurate equations for human blood O2 dissociation computations. J Appl Physiol 46:599–602',
    doi: '10.1152/jappl.1979.46.3.599',
  },
  west: {
    id: 'west',
    citation: "West JB, Luks AM (2020) West's Respiratory Physiology: The Essentials, 11th edn. Wolters Kluwer",
  },
} satisfies Record<string, Reference>;
