import { viewedFieldIds, type TissueView } from '@immunotwin/engine';
import { CELL_STATE_NAMES } from './tissue/cells.js';
import { LUNG_FIELD_IDS, LUNG_FIELD_UNITS, type LungFieldId } from './tissue/fields.js';
import { INNATE_TYPE_NAMES, type InnatePool } from './tissue/innate.js';
import type { TCellPool } from './tissue/tCells.js';

/** Names of the agent type codes in tissue views: CD8 T cells (0), then the innate types (1 + their code). */
const AGENT_TYPE_NAMES: readonly string[] = ['cd8', ...INNATE_TYPE_NAMES];

/**
 * The tissue view of a section `width` × `height` of `siteSize`-µm sites: copies of the cell states and of the
 * fields asked for (`wanted`; every one when undefined), and the agents (T cells first, then the innate cells)
 * with their sites and type codes.
 */
export function lungTissueView(
  width: number,
  height: number,
  siteSize: number,
  cells: Uint8Array,
  fields: Record<LungFieldId, Float32Array>,
  tCells: TCellPool,
  innate: InnatePool,
  wanted?: readonly string[],
): TissueView {
  const n = tCells.count + innate.count;
  const sites = new Int32Array(n);
  const types = new Uint8Array(n);
  sites.set(tCells.site.subarray(0, tCells.count));
  sites.set(innate.site.subarray(0, innate.count), tCells.count);
  for (let k = 0; k < innate.count; k++) types[tCells.count + k] = 1 + innate.type[k];
  return {
    width,
    height,
    siteSize,
    cells: cells.slice(),
    cellStates: CELL_STATE_NAMES,
    fields: Object.fromEntries(
      viewedFieldIds(LUNG_FIELD_IDS, wanted).map((id) => [
        id,
        { values: fields[id].slice(), unit: LUNG_FIELD_UNITS[id] },
      ]),
    ),
    agents: { sites, types, agentTypes: AGENT_TYPE_NAMES },
  };
}
