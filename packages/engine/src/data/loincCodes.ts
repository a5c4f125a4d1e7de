/** What a LOINC code measures, as the FHIR reader maps it: the observable it fills and that observable's unit. */
export interface LoincMeaning {
  /** The observable id the measurements become (a dataset's `observable`). */
  readonly observable: string;
  /** LOINC's long common name. */
  readonly display: string;
  /** The unit values are converted to (a unit `convertQuantity` knows). */
  readonly unit: string;
}

/**
 * The LOINC codes of viral loads and cell counts the FHIR reader knows, each with the observable and unit it maps
 * to. Names are LOINC's long common names (loinc.org). Other codes are skipped unless the caller maps them.
 */
export const LOINC_CODES: Readonly<Record<string, LoincMeaning>> = {
  '94819-0': {
    observable: 'sarsCov2RnaLog10',
    display: 'SARS-CoV-2 (COVID-19) RNA [Log #/volume] (viral load) in Specimen by NAA with probe detection',
    unit: 'log10 copies/mL',
  },
  '20447-9': {
    observable: 'hiv1Rna',
    display: 'HIV 1 RNA [#/volume] (viral load) in Serum or Plasma by NAA with probe detection',
    unit: 'copies/mL',
  },
  '25836-8': {
    observable: 'hiv1Rna',
    display: 'HIV 1 RNA [#/volume] (viral load) in Specimen by NAA with probe detection',
    unit: 'copies/mL',
  },
  '24467-3': {
    observable: 'cd4',
    display: 'CD3+CD4+ (T4 helper) cells [#/volume] in Blood',
    unit: 'cells/uL',
  },
  '14135-8': {
    observable: 'cd8',
    display: 'CD3+CD8+ (T8 suppressor cells) cells [#/volume] in Blood',
    unit: 'cells/uL',
  },
  '731-0': {
    observable: 'lymphocytes',
    display: 'Lymphocytes [#/volume] in Blood by Automated count',
    unit: 'cells/uL',
  },
};

/** The LOINC code system's URI in FHIR codings. */
export const LOINC_SYSTEM = 'http://loinc.org';
