/**
 * Run-length coding of a lattice's cell states, as a tissue bundle stores them where that is smaller: a section is
 * mostly long stretches of one state (healthy tissue, a dead core), so a 3000² picture's 9 MB of states is ~14×
 * smaller as runs at day 24 of SIMCoV's run, and decodes with one `fill` per run.
 */

/** Cell states as runs in site order: run r is `lengths[r]` sites of state `codes[r]`. */
export interface CellRuns {
  /** Each run's state code. */
  readonly codes: Uint8Array;
  /** Each run's number of sites (at least 1). */
  readonly lengths: Uint32Array;
}

/** Bytes one run takes (a code and a 32-bit length). */
export const RUN_BYTES = 5;

/** How many runs `cells` makes (0 for none). */
export function countRuns(cells: Uint8Array): number {
  if (cells.length === 0) return 0;
  let runs = 1;
  for (let i = 1; i < cells.length; i++) if (cells[i] !== cells[i - 1]) runs++;
  return runs;
}

/** The runs of `cells`, `runs` of them ({@link countRuns}). */
export function encodeRuns(cells: Uint8Array, runs = countRuns(cells)): CellRuns {
  const codes = new Uint8Array(runs);
  const lengths = new Uint32Array(runs);
  let r = -1;
  for (let i = 0; i < cells.length; i++) {
    if (r < 0 || cells[i] !== codes[r]) codes[++r] = cells[i];
    lengths[r]++;
  }
  return { codes, lengths };
}

/**
 * What is wrong with `runs` as the runs of `sites` cell states (undefined when nothing): the two arrays' lengths
 * differ, a run is empty, or the runs cover other than `sites` sites.
 */
export function runsProblem(runs: CellRuns, sites: number): string | undefined {
  const { codes, lengths } = runs;
  if (codes.length !== lengths.length) {
    return `has ${codes.length} codes but ${lengths.length} lengths; expected one length per code`;
  }
  let covered = 0;
  for (let r = 0; r < lengths.length; r++) {
    if (lengths[r] === 0) return `run ${r} has length 0; allowed: at least 1 site a run`;
    covered += lengths[r];
  }
  if (covered !== sites) return `covers ${covered} sites; expected ${sites} (width × height)`;
  return undefined;
}

/** The cell states of `runs` ({@link runsProblem} must find nothing wrong with them for `sites`). */
export function decodeRuns(runs: CellRuns, sites: number): Uint8Array {
  const cells = new Uint8Array(sites);
  let at = 0;
  for (let r = 0; r < runs.codes.length; r++) {
    const end = at + runs.lengths[r];
    if (runs.codes[r] !== 0) cells.fill(runs.codes[r], at, end);
    at = end;
  }
  return cells;
}

/** How many sites hold each of the first `states` codes in `runs`: a sum over the runs, not the sites. */
export function countRunSites(runs: CellRuns, states: number): number[] {
  const counts = new Float64Array(256);
  for (let r = 0; r < runs.codes.length; r++) counts[runs.codes[r]] += runs.lengths[r];
  return Array.from(counts.subarray(0, states));
}
