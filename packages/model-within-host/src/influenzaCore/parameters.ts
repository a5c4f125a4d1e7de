import { parameter } from '@immunotwin/engine';

/** How the influenza virus-core values are cited. */
export const BACCAM =
  'Baccam et al. 2006, J Virol 80:7590, Table 3 (target-cell-limited model with eclipse phase, average of the six fitted volunteers)';

/** How the influenza values of Baccam et al.'s simpler fit, without an eclipse phase, are cited. */
export const BACCAM_NO_ECLIPSE =
  'Baccam et al. 2006, J Virol 80:7590, Table 2 (target-cell-limited model without eclipse phase, average of the six fitted volunteers)';

/** How the influenza values Kamal et al. fitted together with the oseltamivir effect are cited. */
export const KAMAL =
  'Kamal et al. 2015, Antimicrob Agents Chemother 59:5388, Table 2 (target-cell-limited model without eclipse phase, population estimates fitted together with Emax and ED50)';

/**
 * The influenza A virus core shared by the virus models — target cells, inoculum, infection, production,
 * clearance, infected-cell death and eclipse — with the values Baccam et al. (2006) fitted to human
 * volunteers. Models spread these and override only what their biology changes (e.g. a description).
 */
export const INFLUENZA_CORE = {
  U0: parameter({
    id: 'U0',
    label: 'Initial target cells',
    unit: 'cells',
    default: 4e8,
    min: 1,
    max: 1e12,
    scale: 'log',
    description: 'Uninfected target cells at t = 0 (upper respiratory tract epithelium for influenza).',
    source: 'Baccam et al. 2006, J Virol 80:7590 (also used by Kamal et al. 2015, AAC 59:5388)',
  }),
  V0: parameter({
    id: 'V0',
    label: 'Initial virus',
    unit: 'TCID50/mL',
    default: 7.5e-2,
    min: 0,
    max: 1e12,
    scale: 'linear',
    description: 'Free virus at t = 0 (the inoculum that initiates infection).',
    source: `${BACCAM} (verify: the value as two independent public encodings of the fits give it; 9.3×10^-2 belongs to the fit without eclipse, Table 2)`,
  }),
  beta: parameter({
    id: 'beta',
    label: 'Infection rate β',
    unit: '(TCID50/mL)^-1 day^-1',
    default: 3.2e-5,
    min: 1e-14,
    max: 1,
    scale: 'log',
    description: 'Rate constant of infection of target cells by free virus (mass action).',
    source: `${BACCAM}; with p, c, δ and U0 it gives R0 ≈ 22 as reported`,
  }),
  p: parameter({
    id: 'p',
    label: 'Virus production rate p',
    unit: 'TCID50/mL per cell per day',
    default: 4.6e-2,
    min: 1e-8,
    max: 1e6,
    scale: 'log',
    description: 'Virus released per productively infected cell per day.',
    source: `${BACCAM}; with β, c, δ and U0 it gives R0 ≈ 22 as reported`,
  }),
  c: parameter({
    id: 'c',
    label: 'Virus clearance rate c',
    unit: '1/day',
    default: 5.2,
    min: 1e-3,
    max: 1e3,
    scale: 'log',
    description: 'Loss rate of free infectious virus; half-life = ln 2 / c.',
    source: `${BACCAM}: free-virus half-life ≈ 3 h (ln 2 / 5.2 per day = 3.2 h)`,
  }),
  delta: parameter({
    id: 'delta',
    label: 'Infected-cell death rate δ',
    unit: '1/day',
    default: 5.2,
    min: 1e-4,
    max: 1e3,
    scale: 'log',
    description: 'Death rate of productively infected cells; 1/δ is the virus-production period.',
    source: `${BACCAM}: virus production for ≈ 5 h (1/5.2 day = 4.6 h)`,
  }),
  k: parameter({
    id: 'k',
    label: 'Eclipse exit rate k',
    unit: '1/day',
    default: 4,
    min: 1e-3,
    max: 1e3,
    scale: 'log',
    description: 'Rate at which cells in the eclipse phase start producing virus; 1/k is the mean eclipse duration.',
    source: `${BACCAM}: eclipse ≈ 6 h (1/4 day)`,
  }),
};
