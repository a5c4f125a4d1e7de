/** Sections of at least this many sites step with the active method unless told otherwise. */
export const ACTIVE_FROM_SITES = 1_000_000;

/**
 * How a step visits the section: `active` (the default from 10^6 sites) only where something can happen — the epithelium inside the
 * box of cells that are not healthy and of the fields' and neutrophils' active regions, each diffusing field over
 * its own active region (a band of rows in the WebAssembly kernel), recruitment over the cytokine's region, innate
 * cells reading nothing in quiescent tissue; `dense` every site. Both give the same bits for any seed and
 * parameters; the fields' regions stay small only with a `fieldFloor` (without one their tails soon reach every
 * site).
 */
export type LungStepMethod = 'active' | 'dense';

/** Options of a {@link LungModel} that do not change its results. */
export interface LungModelOptions {
  /** `active` or `dense` (default: active from 10^6 sites, dense below); see {@link LungStepMethod}. */
  readonly method?: LungStepMethod;
  /**
   * Whether the epithelium and the T cells step in their WebAssembly kernels where they can run (default true);
   * the same bits either way.
   */
  readonly kernels?: boolean;
}
