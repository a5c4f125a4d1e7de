/** Epithelial cell state codes (values of the Uint8Array `cells`). */
export const CELL = {
  /** Uninfected, susceptible. */
  healthy: 0,
  /** Infected, not yet releasing virions (eclipse). */
  incubating: 1,
  /** Releasing virions and chemokine. */
  expressing: 2,
  /** Induced to apoptosis by a T cell; still releasing virions until it dies. */
  apoptotic: 3,
  /** Dead; may be refilled by a type II neighbour. */
  dead: 4,
  /** Uninfected and protected by interferon. */
  antiviral: 5,
} as const;

/** Number of cell states. */
export const CELL_STATES = 6;

/** Names of the cell state codes, in code order (for tissue views). */
export const CELL_STATE_NAMES: readonly string[] = [
  'healthy',
  'incubating',
  'expressing',
  'apoptotic',
  'dead',
  'antiviral',
];

/** Epithelial cell type codes of a site (values of the Uint8Array `types`). */
export const CELL_TYPE = {
  /** Alveolar type I cell: thin, gas-exchanging. */
  typeI: 0,
  /** Alveolar type II cell: surfactant-producing progenitor. */
  typeII: 1,
} as const;
