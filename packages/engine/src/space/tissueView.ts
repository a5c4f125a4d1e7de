/**
 * A picture of a lattice model's state for a tissue view: per-site cell states, continuous fields and
 * agent positions, all on flat typed arrays (row-major, site `i = y·width + x`) that a worker can
 * transfer. The arrays are copies: the model keeps stepping without touching them.
 */
export interface TissueView {
  /** Sites per row. */
  readonly width: number;
  /** Rows. */
  readonly height: number;
  /** Length of one site in micrometres (for scale bars). */
  readonly siteSize: number;
  /** Per-site cell state codes; `cellStates[code]` names each code. */
  readonly cells: Uint8Array;
  /** Names of the cell state codes, in code order. */
  readonly cellStates: readonly string[];
  /** Continuous fields by id (e.g. virus, interferon), each `width · height` long, with their units. */
  readonly fields: Readonly<Record<string, { readonly values: Float32Array; readonly unit: string }>>;
  /** Mobile agents: site index and type code of each; `agentTypes[code]` names each type. */
  readonly agents: { readonly sites: Int32Array; readonly types: Uint8Array; readonly agentTypes: readonly string[] };
}

/**
 * The ids among a model's field `ids` that a view was asked for (`wanted`, as `SteppedModel.view` takes it;
 * every one when undefined), in the model's order: what a model's `view` copies.
 */
export function viewedFieldIds<T extends string>(ids: readonly T[], wanted?: readonly string[]): T[] {
  return wanted ? ids.filter((id) => wanted.includes(id)) : [...ids];
}
