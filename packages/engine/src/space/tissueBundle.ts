/**
 * The tissue bundle (version 1; the twin kernel's `twin.tissue()` writes it under
 * `application/vnd.immunotwin.tissue+json`, the widgets' `<twin-tissue>` reads it): pictures of a model's
 * lattice at chosen times — per-site cell states, one field and the immune cells — with typed arrays as
 * base64 of their little-endian bytes. Encoding and decoding live here, beside `TissueView`, so both sides
 * share one definition.
 */
import type { TissueView } from './tissueView.js';

/** One picture as the bundle holds it. */
export interface TissueFrameJson {
  /** Sample time of the picture. */
  time: number;
  /** Per-site cell state codes (Uint8Array). */
  cells: string;
  /** Agent site indices (Int32Array) and type codes (Uint8Array). */
  agents: { sites: string; types: string };
  /** The chosen field's values per site (Float32Array), when there is a field. */
  field?: string;
}

/** The bundle. */
export interface TissueJson {
  /** Format version. */
  version: 1;
  /** Model id. */
  model: string;
  /** The model's title. */
  title: string;
  /** The model's time unit. */
  timeUnit: string;
  /** Sites per row. */
  width: number;
  /** Rows of sites. */
  height: number;
  /** One site's length (µm). */
  siteSize: number;
  /** Names of the cell state codes. */
  cellStates: string[];
  /** Names of the agent type codes. */
  agentTypes: string[];
  /** The field drawn (id and unit), or null when the model has none. */
  field: { id: string; unit: string } | null;
  /** The pictures, in time order. */
  frames: TissueFrameJson[];
}

/** The bytes of a typed array as base64 (how arrays travel inside JSON MIME bundles). */
export function typedArrayToBase64(array: ArrayBufferView): string {
  const bytes = new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
  let binary = '';
  // In slices: String.fromCharCode takes its bytes as arguments, and argument lists are bounded.
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

/** One picture of a model's space for the bundle: its cells, agents and (when given) one field, as base64. */
export function encodeTissueFrame(view: TissueView, time: number, field: string | undefined): TissueFrameJson {
  const frame: TissueFrameJson = {
    time,
    cells: typedArrayToBase64(view.cells),
    agents: { sites: typedArrayToBase64(view.agents.sites), types: typedArrayToBase64(view.agents.types) },
  };
  if (field !== undefined) frame.field = typedArrayToBase64(view.fields[field].values);
  return frame;
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
