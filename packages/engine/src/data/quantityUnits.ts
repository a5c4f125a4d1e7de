import { log10, pow } from '../math/portableMath.js';

/**
 * The units of measured quantities the data readers convert between: virus per volume (copies, TCID50) on the
 * linear and the log10 scale, and cells per volume. Spellings are UCUM codes as FHIR and lab systems write them
 * (`{copies}/mL`, `10*9/L`, `/uL`) and the plain forms people type (`copies/mL`, `log10 TCID50/mL`, `cells/µL`).
 */

/** What is counted: a unit converts only to units counting the same thing (or an unnamed count, `/mL`). */
export type CountedThing = 'copies' | 'TCID50' | 'cells' | 'count';

/** A unit as the converter understands it: what it counts, per how many litres, and whether it is log10. */
export interface QuantityUnit {
  /** What is counted. */
  readonly counts: CountedThing;
  /** How many of the counted things per litre one unit is (copies/mL: 1000). */
  readonly perLitre: number;
  /** Whether values are log10 of the count per volume. */
  readonly log10: boolean;
}

const PER_ML = 1e3;
const PER_UL = 1e6;

/** Spellings (compared case-insensitively, without spaces, with µ/μ/u alike) → units. */
const UNITS: Readonly<Record<string, QuantityUnit>> = (() => {
  const table: Record<string, QuantityUnit> = {};
  const add = (spellings: string[], unit: QuantityUnit): void => {
    for (const s of spellings) table[normalizeUnit(s)] = unit;
  };
  add(['copies/mL', '{copies}/mL', 'copies/ml'], { counts: 'copies', perLitre: PER_ML, log10: false });
  add(['{copies}/L', 'copies/L'], { counts: 'copies', perLitre: 1, log10: false });
  add(['10*3{copies}/mL', '10^3 copies/mL'], { counts: 'copies', perLitre: 1e3 * PER_ML, log10: false });
  add(['log10 copies/mL', 'log10{copies}/mL', '{log_copies}/mL', '{Log_copies}/mL', 'log10(copies/mL)'], {
    counts: 'copies',
    perLitre: PER_ML,
    log10: true,
  });
  add(['TCID50/mL', '{TCID50}/mL', '{TCID_50}/mL'], { counts: 'TCID50', perLitre: PER_ML, log10: false });
  add(['log10 TCID50/mL', 'log10{TCID50}/mL', '{log_TCID50}/mL', 'log10(TCID50/mL)'], {
    counts: 'TCID50',
    perLitre: PER_ML,
    log10: true,
  });
  add(['/mL', '1/mL'], { counts: 'count', perLitre: PER_ML, log10: false });
  add(['cells/uL', '{cells}/uL', '/uL', '1/uL', 'cells/mm3', '/mm3', '{cells}/mm3', '10*6/L'], {
    counts: 'cells',
    perLitre: PER_UL,
    log10: false,
  });
  add(['10*3/uL', '10^3/uL', '10*9/L', '10^9/L', '10*3{cells}/uL'], { counts: 'cells', perLitre: 1e9, log10: false });
  add(['cells/mL', '{cells}/mL'], { counts: 'cells', perLitre: PER_ML, log10: false });
  add(['cells/L', '{cells}/L', '/L'], { counts: 'cells', perLitre: 1, log10: false });
  return table;
})();

/** A unit spelling in the form the table is keyed by: lower case, no spaces, micro as u. */
function normalizeUnit(unit: string): string {
  return unit.replace(/\s+/g, '').replace(/[µμ]/g, 'u').toLowerCase();
}

/** The unit a spelling names, or undefined when the converter does not know it. */
export function quantityUnit(unit: string): QuantityUnit | undefined {
  const key = normalizeUnit(unit);
  return Object.hasOwn(UNITS, key) ? UNITS[key] : undefined;
}

/** Why a value cannot be converted (for an error message), or undefined when it can. */
export function conversionProblem(value: number, from: string, to: string): string | undefined {
  if (normalizeUnit(from) === normalizeUnit(to)) return undefined;
  const a = quantityUnit(from);
  const b = quantityUnit(to);
  if (!a)
    return `unit "${from}" is not one the reader converts (known: copies/mL, log10 copies/mL, TCID50/mL, log10 TCID50/mL, cells/µL, 10*9/L, … or "${to}" itself)`;
  if (!b) return `unit "${to}" is not one the reader converts to`;
  if (a.counts !== b.counts && a.counts !== 'count' && b.counts !== 'count') {
    return `"${from}" counts ${a.counts} and "${to}" counts ${b.counts}: they do not convert`;
  }
  if (!a.log10 && b.log10 && !(value > 0)) {
    return `${value} ${from} has no log10 (it must be > 0 to convert to ${to})`;
  }
  return undefined;
}

/**
 * Converts a value between two units of the table (same spelling: unchanged). Throws a RangeError saying why when
 * it cannot; callers check with `conversionProblem` first to name the place in their input.
 */
export function convertQuantity(value: number, from: string, to: string): number {
  const problem = conversionProblem(value, from, to);
  if (problem) throw new RangeError(problem);
  if (normalizeUnit(from) === normalizeUnit(to)) return value;
  const a = quantityUnit(from) as QuantityUnit;
  const b = quantityUnit(to) as QuantityUnit;
  const ratio = a.perLitre / b.perLitre;
  if (a.log10 && b.log10) return ratio === 1 ? value : value + log10(ratio);
  if (a.log10) return pow(10, value) * ratio;
  return b.log10 ? log10(value * ratio) : value * ratio;
}
