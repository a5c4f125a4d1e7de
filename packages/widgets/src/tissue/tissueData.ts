/**
 * The tissue bundle, `application/vnd.immunotwin.tissue+json` (version 1, written by the twin kernel's
 * `twin.tissue()`): pictures of a model's lattice at chosen times — per-site cell states, one field and
 * the immune cells — with typed arrays as base64 of their little-endian bytes.
 */

/** MIME type of tissue pictures. */
export const TISSUE_MIME_TYPE = 'application/vnd.immunotwin.tissue+json';

/** One picture as the bundle holds it. */
export interface TissueFrameJson {
  time: number;
  cells: string;
  agents: { sites: string; types: string };
  field?: string;
}

/** The bundle. */
export interface TissueJson {
  version: 1;
  model: string;
  title: string;
  timeUnit: string;
  width: number;
  height: number;
  siteSize: number;
  cellStates: string[];
  agentTypes: string[];
  field: { id: string; unit: string } | null;
  frames: TissueFrameJson[];
}

/** One picture decoded: typed arrays ready to paint. */
export interface TissueFrame {
  /** Sample time. */
  readonly time: number;
  /** Cell state code per site (`width · height`). */
  readonly cells: Uint8Array;
  /** Site of each immune cell. */
  readonly agentSites: Int32Array;
  /** Type code of each immune cell. */
  readonly agentTypes: Uint8Array;
  /** The field per site, when the bundle has one. */
  readonly field: Float32Array | undefined;
}

/** A decoded bundle. */
export interface Tissue {
  /** The bundle's description (sizes, names, field). */
  readonly header: Omit<TissueJson, 'frames'>;
  /** The pictures, in time order. */
  readonly frames: readonly TissueFrame[];
}

function bytesOf(base64: string, where: string): Uint8Array {
  try {
    return Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  } catch {
    throw new TypeError(`tissue: ${where} is not base64 data`);
  }
}

/** A typed array over a fresh, aligned copy of the bytes; its length must be `length` when given. */
function decode<T>(
  base64: string,
  Kind: { new (buffer: ArrayBuffer): T; BYTES_PER_ELEMENT: number },
  where: string,
  length?: number,
): T {
  const bytes = bytesOf(base64, where);
  if (bytes.length % Kind.BYTES_PER_ELEMENT !== 0) {
    throw new TypeError(`tissue: ${where} has ${bytes.length} bytes, not a whole number of values`);
  }
  const values = bytes.length / Kind.BYTES_PER_ELEMENT;
  if (length !== undefined && values !== length) {
    throw new RangeError(`tissue: ${where} has ${values} values; expected ${length} (width × height)`);
  }
  const buffer = new ArrayBuffer(bytes.length);
  new Uint8Array(buffer).set(bytes);
  return new Kind(buffer);
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Decodes and checks a tissue bundle (an object or its JSON text). Errors name the part that is wrong and
 * what was expected.
 */
export function parseTissue(input: unknown): Tissue {
  const json = typeof input === 'string' ? (JSON.parse(input) as unknown) : input;
  if (!isObject(json)) throw new TypeError('tissue: expected an object (the twin.tissue() bundle)');
  if (json.version !== 1) throw new RangeError(`tissue: version ${String(json.version)} is not supported; allowed: 1`);
  const { width, height } = json;
  if (!Number.isInteger(width) || !Number.isInteger(height) || (width as number) < 1 || (height as number) < 1) {
    throw new RangeError(
      `tissue: width and height must be positive whole numbers; got ${String(width)} × ${String(height)}`,
    );
  }
  if (!Array.isArray(json.cellStates) || !Array.isArray(json.agentTypes) || !Array.isArray(json.frames)) {
    throw new TypeError('tissue: cellStates, agentTypes and frames must be arrays');
  }
  const sites = (width as number) * (height as number);
  const frames = (json.frames as unknown[]).map((frame, i): TissueFrame => {
    if (
      !isObject(frame) ||
      typeof frame.time !== 'number' ||
      typeof frame.cells !== 'string' ||
      !isObject(frame.agents)
    ) {
      throw new TypeError(`tissue: frames[${i}] must have a time, cells and agents`);
    }
    const agentSites = decode(String(frame.agents.sites), Int32Array, `frames[${i}].agents.sites`);
    const agentTypes = decode(String(frame.agents.types), Uint8Array, `frames[${i}].agents.types`, agentSites.length);
    return {
      time: frame.time,
      cells: decode(frame.cells, Uint8Array, `frames[${i}].cells`, sites),
      agentSites,
      agentTypes,
      field:
        typeof frame.field === 'string' ? decode(frame.field, Float32Array, `frames[${i}].field`, sites) : undefined,
    };
  });
  const { frames: _frames, ...header } = json as unknown as TissueJson;
  return { header, frames };
}

/** How many sites hold each cell state, and how many immune cells of each type, in one picture. */
export function tissueCounts(tissue: Tissue, frame: TissueFrame): { cells: number[]; agents: number[] } {
  const cells = tissue.header.cellStates.map(() => 0);
  for (const code of frame.cells) if (code < cells.length) cells[code]++;
  const agents = tissue.header.agentTypes.map(() => 0);
  for (const code of frame.agentTypes) if (code < agents.length) agents[code]++;
  return { cells, agents };
}
