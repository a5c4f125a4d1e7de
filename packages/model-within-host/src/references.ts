import type { ModelManifest } from '@immunotwin/engine';

type Reference = ModelManifest['references'][number];

/** Literature cited by the within-host models (short keys are used in parameter `source` fields). */
export const REFERENCES = {
  baccam2006: {
    id: 'baccam2006',
    citation:
      'Baccam P, Beauchemin C, Macken CA, Hayden FG, Perelson AS (2006). Kinetics of influenza A virus infection in humans. J Virol 80(15):7590–7599.',
    doi: '10.1128/JVI.01623-05',
  },
  kamal2015: {
    id: 'kamal2015',
    citation:
      'Kamal MA, Gieschke R, Lemenuel-Diot A, Beauchemin CAA, Smith PF, Rayner CR (2015). A drug–disease model describing the effect of oseltamivir neuraminidase inhibition on influenza virus progression. Antimicrob Agents Chemother 59(9):5388–5395.',
    doi: '10.1128/AAC.00069-15',
  },
  perelson1996: {
    id: 'perelson1996',
    citation:
      'Perelson AS, Neumann AU, Markowitz M, Leonard JM, Ho DD (1996). HIV-1 dynamics in vivo: virion clearance rate, infected cell life-span, and viral generation time. Science 271(5255):1582–1586.',
    doi: '10.1126/science.271.5255.1582',
  },
  perelsonNelson1999: {
    id: 'perelsonNelson1999',
    citation: 'Perelson AS, Nelson PW (1999). Mathematical analysis of HIV-1 dynamics in vivo. SIAM Review 41(1):3–44.',
    doi: '10.1137/S0036144598335107',
  },
  perelsonKirschnerDeBoer1993: {
    id: 'perelsonKirschnerDeBoer1993',
    citation:
      'Perelson AS, Kirschner DE, De Boer R (1993). Dynamics of HIV infection of CD4+ T cells. Math Biosci 114(1):81–125.',
  },
  nowakMay2000: {
    id: 'nowakMay2000',
    citation:
      'Nowak MA, May RM (2000). Virus Dynamics: Mathematical Principles of Immunology and Virology. Oxford University Press.',
  },
  little1999: {
    id: 'little1999',
    citation:
      'Little SJ, McLean AR, Spina CA, Richman DD, Havlir DV (1999). Viral dynamics of acute HIV-1 infection. J Exp Med 190(6):841–850.',
    doi: '10.1084/jem.190.6.841',
  },
  pawelek2012: {
    id: 'pawelek2012',
    citation:
      'Pawelek KA, Huynh GT, Quinlivan M, Cullinane A, Rong L, Perelson AS (2012). Modeling within-host dynamics of influenza virus infection including immune responses. PLoS Comput Biol 8(6):e1002588.',
    doi: '10.1371/journal.pcbi.1002588',
  },
  deBoer2001: {
    id: 'deBoer2001',
    citation:
      'De Boer RJ, Oprea M, Antia R, Murali-Krishna K, Ahmed R, Perelson AS (2001). Recruitment times, proliferation, and apoptosis rates during the CD8+ T-cell response to lymphocytic choriomeningitis virus. J Virol 75(22):10663–10669.',
    doi: '10.1128/JVI.75.22.10663-10669.2001',
  },
  blattman2002: {
    id: 'blattman2002',
    citation:
      'Blattman JN, Antia R, Sourdive DJD, Wang X, Kaech SM, Murali-Krishna K, Altman JD, Ahmed R (2002). Estimating the precursor frequency of naive antigen-specific CD8 T cells. J Exp Med 195(5):657–664.',
    doi: '10.1084/jem.20001021',
  },
  janeway: {
    id: 'janeway',
    citation: "Murphy K, Weaver C (2016). Janeway's Immunobiology, 9th edition. Garland Science.",
  },
  smith2011: {
    id: 'smith2011',
    citation:
      'Smith AM, McCullers JA, Adler FR (2011). Mathematical model of a three-stage innate immune response to a pneumococcal lung infection. J Theor Biol 276(1):106–116.',
  },
  biomodelsSmith2011: {
    id: 'biomodelsSmith2011',
    citation:
      'BioModels Database entry BIOMD0000000924: Smith2011 – Three Stage Innate Immune Response to a Pneumococcal Lung Infection (curated SBML encoding of Smith et al. 2011, with its parameter values).',
  },
  handel2007: {
    id: 'handel2007',
    citation:
      'Handel A, Longini IM Jr, Antia R (2007). Neuraminidase inhibitor resistance in influenza: assessing the danger of its generation and spread. PLoS Comput Biol 3(12):e240.',
    doi: '10.1371/journal.pcbi.0030240',
  },
  nobusawaSato2006: {
    id: 'nobusawaSato2006',
    citation:
      'Nobusawa E, Sato K (2006). Comparison of the mutation rates of human influenza A and B viruses. J Virol 80(7):3675–3678.',
    doi: '10.1128/JVI.80.7.3675-3678.2006',
  },
  pearson2011: {
    id: 'pearson2011',
    citation:
      'Pearson JE, Krapivsky P, Perelson AS (2011). Stochastic theory of early viral infection: continuous versus burst production of virions. PLoS Comput Biol 7(2):e1001058.',
    doi: '10.1371/journal.pcbi.1001058',
  },
} satisfies Record<string, Reference>;
