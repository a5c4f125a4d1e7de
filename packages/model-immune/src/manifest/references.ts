import type { ModelManifest } from '@immunotwin/engine';

type Reference = ModelManifest['references'][number];

/** Literature the immune twin's parameters and design cite. */
export const IMMUNE_REFERENCES = {
  baccam2006: {
    id: 'baccam2006',
    citation:
      'Baccam P, Beauchemin C, Macken CA, Hayden FG, Perelson AS (2006) Kinetics of influenza A virus infection in humans. J Virol 80:7590–7599',
    doi: '10.1128/JVI.01623-05',
  },
  deBoer2001: {
    id: 'deBoer2001',
    citation:
      'De Boer RJ, Oprea M, Antia R, Murali-Krishna K, Ahmed R, Perelson AS (2001) Recruitment times, proliferation, and apoptosis rates during the CD8+ T-cell response to lymphocytic choriomeningitis virus. J Virol 75:10663–10669',
    doi: '10.1128/JVI.75.22.10663-10669.2001',
  },
  blattman2002: {
    id: 'blattman2002',
    citation:
      'Blattman JN, Antia R, Sourdive DJ, Wang X, Kaech SM, Murali-Krishna K, Altman JD, Ahmed R (2002) Estimating the precursor frequency of naive antigen-specific CD8 T cells. J Exp Med 195:657–664',
    doi: '10.1084/jem.20001021',
  },
  moon2007: {
    id: 'moon2007',
    citation:
      'Moon JJ, Chu HH, Pepper M, McSorley SJ, Jameson SC, Kedl RM, Jenkins MK (2007) Naive CD4+ T cell frequency varies for different epitopes and predicts repertoire diversity and response magnitude. Immunity 27:203–213',
    doi: '10.1016/j.immuni.2007.07.007',
  },
  celadaSeiden1992: {
    id: 'celadaSeiden1992',
    citation:
      'Celada F, Seiden PE (1992) A computer model of cellular interactions in the immune system. Immunol Today 13:56–62',
    doi: '10.1016/0167-5699(92)90135-T',
  },
  bernaschiCastiglione2001: {
    id: 'bernaschiCastiglione2001',
    citation:
      'Bernaschi M, Castiglione F (2001) Design and implementation of an immune system simulator. Comput Biol Med 31:303–331',
    doi: '10.1016/S0010-4825(01)00011-7',
  },
  laubenbacher2022: {
    id: 'laubenbacher2022',
    citation:
      'Laubenbacher R, Niarakis A, Helikar T, An G, Shapiro B, Malik-Sheriff RS, Sego TJ, Knapp A, Macklin P, Glazier JA (2022) Building digital twins of the human immune system: toward a roadmap. npj Digit Med 5:64',
    doi: '10.1038/s41746-022-00610-z',
  },
  janeway: {
    id: 'janeway',
    citation: "Murphy K, Weaver C (2016) Janeway's Immunobiology, 9th edn. Garland Science",
  },
  abbas: {
    id: 'abbas',
    citation: 'Abbas AK, Lichtman AH, Pillai S (2021) Cellular and Molecular Immunology, 10th edn. Elsevier',
  },
  sego2020: {
    id: 'sego2020',
    citation:
      'Sego TJ, Aponte-Serrano JO, Ferrari Gianlupi J, et al. (2020) A modular framework for multiscale, multicellular, spatiotemporal modeling of acute primary viral infection and immune response in epithelial tissues and its application to drug therapy timing and effectiveness. PLoS Comput Biol 16:e1008451',
    doi: '10.1371/journal.pcbi.1008451',
  },
  schonHegrad1991: {
    id: 'schonHegrad1991',
    citation:
      'Schon-Hegrad MA, Oliver J, McMenamin PG, Holt PG (1991) Studies on the density, distribution, and surface phenotype of intraepithelial class II major histocompatibility complex antigen (Ia)-bearing dendritic cells (DC) in the conducting airways. J Exp Med 173:1345–1356',
    doi: '10.1084/jem.173.6.1345',
  },
  holtStumbles2000: {
    id: 'holtStumbles2000',
    citation:
      'Holt PG, Stumbles PA (2000) Characterization of dendritic cell populations in the respiratory tract. J Aerosol Med 13:361–367',
    doi: '10.1089/jam.2000.13.361',
  },
} satisfies Record<string, Reference>;
