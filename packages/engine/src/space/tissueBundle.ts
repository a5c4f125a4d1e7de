/**
 * The tissue bundle (version 1; the twin kernel's `twin.tissue()` writes it under
 * `application/vnd.immunotwin.tissue+json`, the widgets' `<twin-tissue>` reads it): pictures of a model's
 * lattice at chosen times — per-site cell states, one field and the immune cells — with typed arrays as
 * base64 of their little-endian bytes. Encoding and decoding live here, beside `TissueView`, so both sides
 * share one definition.
 */
import { Type, type Static } from '@sinclair/typebox';
import { TISSUE_MIME_TYPE } from '../mimeTypes.js';
import { checkFormatVersion } from '../formats/formatVersion.js';
import { parseJsonDocument } from '../validation/parseJson.js';
import { CheckedValidator, type SchemaCheck } from '../validation/checkedValidator.js';
import { validate as checkTissueJsonSchema } from '../formats/validators/tissueBundle.js';
import type { TissueView } from './tissueView.js';

const Base64 = (what: string) =>
  Type.String({ pattern: '^[A-Za-z0-9+/]*={0,2}$', description: `base64 of the little-endian bytes of ${what}` });

/** The format version this module reads and writes. */
export const TISSUE_BUNDLE_VERSION = 1;

/** One picture as the bundle holds it. */
export const TissueFrameJsonSchema = Type.Object(
  {
    time: Type.Number({ description: 'sample time of the picture' }),
    cells: Base64('the per-site cell state codes (Uint8Array)'),
    agents: Type.Object(
      {
        sites: Base64('the immune cells’ site indices (Int32Array)'),
        types: Base64('the immune cells’ type codes (Uint8Array)'),
      },
      { additionalProperties: false },
    ),
    field: Type.Optional(Base64('the chosen field’s values per site (Float32Array)')),
  },
  { additionalProperties: false },
);

/** The JSON Schema (TypeBox) of the tissue bundle (see the module comment); `schema/tissue.schema.json`. */
export const TissueJsonSchema = Type.Object(
  {
    version: Type.Literal(TISSUE_BUNDLE_VERSION),
    model: Type.String({ minLength: 1, description: 'model id' }),
    title: Type.String({ description: 'the model’s title' }),
    timeUnit: Type.String({ description: 'the model’s time unit' }),
    width: Type.Integer({ minimum: 1, description: 'sites per row' }),
    height: Type.Integer({ minimum: 1, description: 'rows of sites' }),
    siteSize: Type.Number({ exclusiveMinimum: 0, description: 'one site’s length (µm)' }),
    cellStates: Type.Array(Type.String(), { description: 'names of the cell state codes' }),
    agentTypes: Type.Array(Type.String(), { description: 'names of the agent type codes' }),
    field: Type.Union(
      [Type.Object({ id: Type.String(), unit: Type.String() }, { additionalProperties: false }), Type.Null()],
      { description: 'the field drawn, or null when the model has none' },
    ),
    frames: Type.Array(TissueFrameJsonSchema, { description: 'the pictures, in time order' }),
  },
  { additionalProperties: false, $id: 'https://immunotwin.dev/schema/tissue.schema.json' },
);

/** One picture as the bundle holds it (type of {@link TissueFrameJsonSchema}). */
export type TissueFrameJson = Static<typeof TissueFrameJsonSchema>;
/** The tissue bundle (type of {@link TissueJsonSchema}). */
export type TissueJson = Static<typeof TissueJsonSchema>;

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

// Compiled ahead of time from TissueJsonSchema (scripts/write-schemas.mjs): no validator compiler is loaded to read it.
const validator = new CheckedValidator<typeof TissueJsonSchema>(checkTissueJsonSchema as SchemaCheck, 'tissue bundle');

/**
 * Decodes and checks a tissue bundle (an object or its JSON text): first against {@link TissueJsonSchema}
 * (a `ValidationError` naming the field, the value and what is allowed), then each array's length.
 */
export function parseTissue(input: unknown): Tissue {
  const value = typeof input === 'string' ? parseJsonDocument(input, 'tissue bundle', TISSUE_MIME_TYPE) : input;
  checkFormatVersion(value, 'tissue bundle', TISSUE_BUNDLE_VERSION);
  const json = validator.parse(value);
  const sites = json.width * json.height;
  const frames = json.frames.map((frame, i): TissueFrame => {
    const agentSites = decode(frame.agents.sites, Int32Array, `frames[${i}].agents.sites`);
    const agentTypes = decode(frame.agents.types, Uint8Array, `frames[${i}].agents.types`, agentSites.length);
    return {
      time: frame.time,
      cells: decode(frame.cells, Uint8Array, `frames[${i}].cells`, sites),
      agentSites,
      agentTypes,
      field: frame.field !== undefined ? decode(frame.field, Float32Array, `frames[${i}].field`, sites) : undefined,
    };
  });
  const { frames: _frames, ...header } = json;
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
