/**
 * The tissue bundle (the twin kernel's `twin.tissue()` writes it under `application/vnd.immunotwin.tissue+json`,
 * the widgets' `<twin-tissue>` reads it): pictures of a model's lattice at chosen times — per-site cell states,
 * one field and the immune cells — with typed arrays as base64 of their little-endian bytes. Version 2 stores the
 * field compactly (block means on a grid of at most 1024² values, 16-bit codes with an offset and a scale: see
 * `tissueFieldCoding.ts`) and may be a live picture of a run under way; version 3 may store the cell states as
 * runs (`cellRuns.ts`) where that is smaller; versions 1 (float32 per site) and 2 are still read. Encoding and
 * decoding live here, beside `TissueView`, so both sides share one definition.
 */
import { Type, type Static } from '@sinclair/typebox';
import { TISSUE_MIME_TYPE } from '../mimeTypes.js';
import { checkFormatVersion } from '../formats/formatVersion.js';
import { parseJsonDocument } from '../validation/parseJson.js';
import { CheckedValidator, type SchemaCheck } from '../validation/checkedValidator.js';
import { ValidationError } from '../validation/validationError.js';
import { validate as checkTissueJsonSchema } from '../formats/validators/tissueBundle.js';
import type { ModelManifest } from '../schema/manifest.js';
import type { TissueView } from './tissueView.js';
import type { FieldGrid } from './blockGrid.js';
import { blockMeans, dequantizeField, fieldGrid, quantizeField } from './tissueFieldCoding.js';
import { cellLevels, severityRanks, type CellLevel } from './cellLevels.js';
import { countRuns, countRunSites, decodeRuns, encodeRuns, RUN_BYTES, runsProblem } from './cellRuns.js';

const Base64 = (what: string) =>
  Type.String({ pattern: '^[A-Za-z0-9+/]*={0,2}$', description: `base64 of the little-endian bytes of ${what}` });

/** The format version this module writes (it reads 1 and 2 too). */
export const TISSUE_BUNDLE_VERSION = 3;
/** The format versions this module reads. */
const READABLE_VERSIONS = [1, 2, TISSUE_BUNDLE_VERSION];

/** A field in a version-2 frame: 16-bit codes on the header's field grid, `value = offset + code · scale`. */
const QuantizedFieldJsonSchema = Type.Object(
  {
    codes: Base64('one code per block of the field grid (Uint16Array; value = offset + code · scale)'),
    offset: Type.Number({ description: 'the value of code 0' }),
    scale: Type.Number({ minimum: 0, description: 'the value of one code step' }),
  },
  { additionalProperties: false },
);

/** Cell states as runs in a version-3 frame: run r is `lengths[r]` sites, in site order, of state `codes[r]`. */
const CellRunsJsonSchema = Type.Object(
  {
    codes: Base64('each run’s cell state code (Uint8Array)'),
    lengths: Base64('each run’s number of sites, at least 1 (Uint32Array); together width × height'),
  },
  { additionalProperties: false },
);

/** One picture as the bundle holds it. */
export const TissueFrameJsonSchema = Type.Object(
  {
    time: Type.Number({ description: 'sample time of the picture' }),
    cells: Type.Union([Base64('the per-site cell state codes (Uint8Array)'), CellRunsJsonSchema], {
      description: 'the cell states: one code per site, or (version 3) runs of sites where that is smaller',
    }),
    agents: Type.Object(
      {
        sites: Base64('the immune cells’ site indices (Int32Array)'),
        types: Base64('the immune cells’ type codes (Uint8Array)'),
      },
      { additionalProperties: false },
    ),
    field: Type.Optional(
      Type.Union([Base64('the chosen field’s values per site (Float32Array; version 1)'), QuantizedFieldJsonSchema], {
        description: 'the chosen field: float32 per site (version 1) or quantized on the field grid (version 2)',
      }),
    ),
  },
  { additionalProperties: false },
);

/** The JSON Schema (TypeBox) of the tissue bundle (see the module comment); `schema/tissue.schema.json`. */
export const TissueJsonSchema = Type.Object(
  {
    version: Type.Union([Type.Literal(1), Type.Literal(2), Type.Literal(TISSUE_BUNDLE_VERSION)]),
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
    fieldStride: Type.Optional(
      Type.Integer({
        minimum: 1,
        description:
          'sites per side of the field grid’s square blocks (version 2; each value is a block’s mean; default 1)',
      }),
    ),
    live: Type.Optional(
      Type.Object(
        {
          fraction: Type.Number({ minimum: 0, maximum: 1, description: 'how far the run is (share of its time)' }),
          pictures: Type.Integer({ minimum: 1, description: 'live pictures sent so far, this one included' }),
        },
        { additionalProperties: false, description: 'present while the run goes on: this is its latest picture' },
      ),
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
  const slices: string[] = [];
  // In slices: String.fromCharCode takes its bytes as arguments, and argument lists are bounded. `apply` on a
  // typed array and one join are ~4× faster on megabytes than spreading and concatenating.
  for (let i = 0; i < bytes.length; i += 0x8000) {
    slices.push(String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000) as unknown as number[]));
  }
  return btoa(slices.join(''));
}

/** The stride of the field grid a bundle of a `width × height` lattice uses (its header's `fieldStride`). */
export function tissueFieldStride(width: number, height: number): number {
  return fieldGrid(width, height).stride;
}

/** A lattice's cell states for a bundle: as runs ({@link encodeRuns}) where they take fewer bytes, else per site. */
function encodeCells(cells: Uint8Array): TissueFrameJson['cells'] {
  const runs = countRuns(cells);
  if (runs * RUN_BYTES >= cells.length) return typedArrayToBase64(cells);
  const { codes, lengths } = encodeRuns(cells, runs);
  return { codes: typedArrayToBase64(codes), lengths: typedArrayToBase64(lengths) };
}

/**
 * One picture of a model's space for the bundle: its cells (as runs where that is smaller), agents and (when
 * given) one field — block means on the grid of `fieldStride`, quantized to 16 bits — as base64.
 */
export function encodeTissueFrame(view: TissueView, time: number, field: string | undefined): TissueFrameJson {
  const frame: TissueFrameJson = {
    time,
    cells: encodeCells(view.cells),
    agents: { sites: typedArrayToBase64(view.agents.sites), types: typedArrayToBase64(view.agents.types) },
  };
  if (field !== undefined) {
    const grid = fieldGrid(view.width, view.height);
    const quantized = quantizeField(blockMeans(view.fields[field].values, view.width, view.height, grid));
    frame.field = { codes: typedArrayToBase64(quantized.codes), offset: quantized.offset, scale: quantized.scale };
  }
  return frame;
}

/** A tissue bundle's description: everything but its pictures. */
export type TissueHeader = Omit<TissueJson, 'frames'>;

/**
 * The description of a model's space for a tissue bundle or a live view: sizes, names and the field drawn —
 * `field`, or the model's first field by default (a RangeError naming the allowed ids, prefixed by `context`,
 * for an unknown one).
 */
export function tissueHeader(
  manifest: ModelManifest,
  view: TissueView,
  field: string | undefined,
  context = 'tissue',
): TissueHeader {
  const fieldIds = Object.keys(view.fields);
  if (field !== undefined && !fieldIds.includes(field)) {
    throw new RangeError(`${context}: unknown field ${JSON.stringify(field)}; allowed: ${fieldIds.join(', ')}`);
  }
  const chosen = field ?? fieldIds[0];
  return {
    version: TISSUE_BUNDLE_VERSION,
    model: manifest.id,
    title: manifest.title,
    timeUnit: manifest.timeUnit,
    width: view.width,
    height: view.height,
    siteSize: view.siteSize,
    cellStates: [...view.cellStates],
    agentTypes: [...view.agents.agentTypes],
    field: chosen === undefined ? null : { id: chosen, unit: view.fields[chosen].unit },
    ...(chosen === undefined ? {} : { fieldStride: tissueFieldStride(view.width, view.height) }),
  };
}

/**
 * The fields a model's view must hold for a picture under `header` (`SteppedModel.view`'s argument): the field
 * drawn alone, none when none is drawn, and every field before there is a header (it chooses the field and names
 * them all).
 */
export function pictureFields(header: Pick<TissueHeader, 'field'> | undefined): string[] | undefined {
  if (!header) return undefined;
  return header.field ? [header.field.id] : [];
}

/**
 * One picture of a model's space decoded, without the trip through base64: what a live view gets from a worker
 * (its arrays are the view's own copies and a fresh field, so their buffers can be transferred). The field is
 * `field`'s block means on the grid of {@link tissueFieldStride}, as float32 (not quantized). The cells' coarser
 * levels of detail (`levels`) and their counts by state (`cellCounts`) come with it, made here, off the page: a
 * 3000² section's take ~40 ms, which would otherwise hold up the page's main thread at every picture.
 */
export function pictureTissue(view: TissueView, time: number, field: string | undefined): TissueFrame {
  const values = field === undefined ? undefined : view.fields[field].values;
  return {
    time,
    cells: view.cells,
    levels: cellLevels(view.cells, view.width, view.height, severityRanks(view.cellStates)).slice(1),
    cellCounts: tally(view.cells, view.cellStates),
    agentSites: view.agents.sites,
    agentTypes: view.agents.types,
    field:
      values === undefined
        ? undefined
        : Float32Array.from(blockMeans(values, view.width, view.height, fieldGrid(view.width, view.height))),
  };
}

/** The grid a bundle's fields are on, from its header (stride 1, every site, when it has none). */
export function tissueFieldGrid(header: Pick<TissueHeader, 'width' | 'height' | 'fieldStride'>): FieldGrid {
  const stride = header.fieldStride ?? 1;
  return { stride, width: Math.ceil(header.width / stride), height: Math.ceil(header.height / stride) };
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
  /** The field on the tissue's `fieldGrid` (per site when its stride is 1), when the bundle has one. */
  readonly field: Float32Array | undefined;
  /**
   * The coarser levels of detail of `cells` ({@link cellLevels} from level 1 on), when the picture's maker
   * computed them ({@link pictureTissue}: a live run's pictures, made in a worker); a view computes them otherwise.
   */
  readonly levels?: readonly CellLevel[];
  /**
   * How many sites hold each cell state (by code), when the picture's maker counted them ({@link pictureTissue}) or
   * its cells came as runs ({@link parseTissue} sums them).
   */
  readonly cellCounts?: readonly number[];
}

/** A decoded bundle. */
export interface Tissue {
  /** The bundle's description (sizes, names, field). */
  readonly header: TissueHeader;
  /** The grid the frames' fields are on (stride 1 and the lattice's size for version 1). */
  readonly fieldGrid: FieldGrid;
  /** The pictures, in time order. */
  readonly frames: readonly TissueFrame[];
}

/** The standard `Uint8Array.fromBase64` where the platform has it (recent browsers; not Node 20). */
const fromBase64 = (Uint8Array as unknown as { fromBase64?: (base64: string) => Uint8Array }).fromBase64;

/** A refusal of a bundle's data at `where`, e.g. `frames[0].cells`. */
function badData(where: string, message: string): ValidationError {
  return new ValidationError('tissue bundle', [{ path: where, message }]);
}

function bytesOf(base64: string, where: string): Uint8Array {
  const notBase64 = (): ValidationError => badData(where, 'is not base64 data; allowed: base64 text of the bytes');
  if (fromBase64) {
    try {
      return fromBase64(base64);
    } catch {
      throw notBase64();
    }
  }
  let binary: string;
  try {
    binary = atob(base64);
  } catch {
    throw notBase64();
  }
  // A loop over the string: Uint8Array.from with a mapping function is several times slower on megabytes.
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/**
 * A typed array over a fresh, aligned copy of the bytes; its length must be `expected.length` when given (a
 * ValidationError naming `where` and what the length follows, e.g. "width × height", otherwise).
 */
function decode<T>(
  base64: string,
  Kind: { new (buffer: ArrayBuffer): T; BYTES_PER_ELEMENT: number },
  where: string,
  expected?: { length: number; from: string },
): T {
  const bytes = bytesOf(base64, where);
  const size = Kind.BYTES_PER_ELEMENT;
  if (bytes.length % size !== 0) {
    throw badData(where, `has ${bytes.length} bytes, not a whole number of ${size}-byte values`);
  }
  const values = bytes.length / size;
  if (expected !== undefined && values !== expected.length) {
    throw badData(where, `has ${values} values; expected ${expected.length} (${expected.from})`);
  }
  const buffer = new ArrayBuffer(bytes.length);
  new Uint8Array(buffer).set(bytes);
  return new Kind(buffer);
}

// Compiled ahead of time from TissueJsonSchema (scripts/write-schemas.mjs): no validator compiler is loaded to read it.
const validator = new CheckedValidator<typeof TissueJsonSchema>(checkTissueJsonSchema as SchemaCheck, 'tissue bundle');

/**
 * Decodes and checks a tissue bundle (an object or its JSON text): first against {@link TissueJsonSchema}
 * (a `ValidationError` naming the field, the value and what is allowed), then each array's data and length (a
 * `ValidationError` naming the array).
 */
export function parseTissue(input: unknown): Tissue {
  const value = typeof input === 'string' ? parseJsonDocument(input, 'tissue bundle', TISSUE_MIME_TYPE) : input;
  checkFormatVersion(value, 'tissue bundle', READABLE_VERSIONS);
  const json = validator.parse(value);
  const sites = json.width * json.height;
  const grid = tissueFieldGrid(json);
  const { stride } = grid;
  const decodeField = (field: TissueFrameJson['field'], where: string): Float32Array | undefined => {
    if (field === undefined) return undefined;
    if (typeof field === 'string') {
      if (stride !== 1) {
        throw badData(
          where,
          `is float32 per site, but fieldStride is ${stride}; allowed: fieldStride 1 or coded values`,
        );
      }
      return decode(field, Float32Array, where, { length: sites, from: 'width × height' });
    }
    const codes = decode(field.codes, Uint16Array, `${where}.codes`, {
      length: grid.width * grid.height,
      from: `the ${grid.width} × ${grid.height} field grid`,
    });
    return dequantizeField({ codes, offset: field.offset, scale: field.scale });
  };
  // Cells stored as runs come with their counts by state (a sum over the runs), so a view need not count them.
  const decodeCells = (cells: TissueFrameJson['cells'], where: string): Pick<TissueFrame, 'cells' | 'cellCounts'> => {
    if (typeof cells === 'string') {
      return { cells: decode(cells, Uint8Array, where, { length: sites, from: 'width × height' }) };
    }
    const runs = {
      codes: decode(cells.codes, Uint8Array, `${where}.codes`),
      lengths: decode(cells.lengths, Uint32Array, `${where}.lengths`),
    };
    const problem = runsProblem(runs, sites);
    if (problem) throw badData(where, problem);
    return { cells: decodeRuns(runs, sites), cellCounts: countRunSites(runs, json.cellStates.length) };
  };
  const frames = json.frames.map((frame, i): TissueFrame => {
    const agentSites = decode(frame.agents.sites, Int32Array, `frames[${i}].agents.sites`);
    const agentTypes = decode(frame.agents.types, Uint8Array, `frames[${i}].agents.types`, {
      length: agentSites.length,
      from: 'one per agent site',
    });
    return {
      time: frame.time,
      ...decodeCells(frame.cells, `frames[${i}].cells`),
      agentSites,
      agentTypes,
      field: decodeField(frame.field, `frames[${i}].field`),
    };
  });
  const { frames: _frames, ...header } = json;
  return { header, fieldGrid: grid, frames };
}

/** How many of `codes` hold each code of `names` (indexed loops into a typed tally: for…of is ~10× slower). */
function tally(codes: Uint8Array, names: readonly string[]): number[] {
  const counts = new Float64Array(256);
  for (let i = 0; i < codes.length; i++) counts[codes[i]]++;
  return names.map((_, code) => counts[code]);
}

/**
 * How many sites hold each cell state, and how many immune cells of each type, in one picture: the cells' counts
 * the picture came with (`cellCounts`, one per state) when it has them, else counted here.
 */
export function tissueCounts(tissue: Tissue, frame: TissueFrame): { cells: number[]; agents: number[] } {
  const { cellStates, agentTypes } = tissue.header;
  const given = frame.cellCounts;
  return {
    cells: given?.length === cellStates.length ? [...given] : tally(frame.cells, cellStates),
    agents: tally(frame.agentTypes, agentTypes),
  };
}
