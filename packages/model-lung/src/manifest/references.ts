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
  pepys2003: {
    id: 'pepys2003',
    citation: 'Pepys MB, Hirschfield GM (2003) C-reactive protein: a critical update. J Clin Invest 111:1805–1812',
    doi: '10.1172/JCI18921',
  },
  toapanta2009: {
    id: 'toapanta2009',
    citation:
      'Toapanta FR, Ross TM (2009) Impaired immune responses in the lungs of aged mice following influenza infection. Respir Res 10:112',
    doi: '10.1186/1465-9921-10-112',
  },
  yager2008: {
    id: 'yager2008',
    citation:
      'Yager EJ, Ahmed M, Lanzer K, Randall TD, Woodland DL, Blackman MA (2008) Age-associated decline in T cell repertoire diversity leads to holes in the repertoire and impaired immunity to influenza virus. J Exp Med 205:711–723',
    doi: '10.1084/jem.20071140',
  },
} satisfies Record<string, Reference>;
