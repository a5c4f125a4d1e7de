import {
  TISSUE_MIME_TYPE,
  encodeTissueFrame,
  pictureFields,
  ReplicateRun,
  runInChunks,
  tissueHeader,
  type ResolvedScenario,
  type TissueFrameJson,
  type TissueJson,
  type TissueView,
} from '@immunotwin/engine';
import type { MimeBundle } from '../mime.js';
import type { LiveTissue } from './liveTissue.js';

/** Options of `twin.tissue()`. */
export interface TissueOptions {
  /** Times to picture (model time unit); each is shown at the first sample at or after it. Default: 6 evenly spaced. */
  times?: readonly number[];
  /** The field drawn under the cells (default: the model's first field). */
  field?: string;
}

const DEFAULT_FRAMES = 6;

/** The requested times, checked against the run (errors name the value and the allowed range). */
function pictureTimes(times: readonly number[] | undefined, duration: number): number[] {
  if (times === undefined)
    return Array.from({ length: DEFAULT_FRAMES }, (_, i) => (duration * i) / (DEFAULT_FRAMES - 1));
  if (!Array.isArray(times) || times.length === 0) {
    throw new TypeError(`twin.tissue: times must be a non-empty array of times from 0 to ${duration}`);
  }
  for (const t of times) {
    if (typeof t !== 'number' || !Number.isFinite(t) || t < 0 || t > duration) {
      throw new RangeError(`twin.tissue: time ${String(t)} is outside the run; allowed: 0 to ${duration}`);
    }
  }
  return [...times].sort((a, b) => a - b);
}

/**
 * Runs replicate 0 of a stepped model's scenario and pictures its space at the requested times, in the
 * engine's chunks that yield (so an interrupt stops it: `signal` is checked at every chunk boundary), and
 * stops once the last picture is taken. With `live`, the latest picture is also shown while the run goes on.
 */
export async function captureTissue(
  scenario: ResolvedScenario,
  options: TissueOptions,
  signal: AbortSignal,
  live?: LiveTissue,
): Promise<TissueJson> {
  const { manifest } = scenario.plugin;
  const times = pictureTimes(options.times, scenario.duration);
  const tolerance = 1e-9 * Math.max(1, scenario.duration);
  const run = new ReplicateRun(scenario, 0, signal);
  const frames: TissueFrameJson[] = [];
  let json: TissueJson | undefined;
  let next = 0;
  const viewNow = (): TissueView => {
    // Once the header names the field drawn, the model copies that field alone.
    const view = run.view(pictureFields(json));
    if (!view) {
      throw new TypeError(
        `twin.tissue: the model "${manifest.id}" has no space to show (only models with a lattice, such as the Immune System Twin, do)`,
      );
    }
    json ??= { ...tissueHeader(manifest, view, options.field, 'twin.tissue'), frames: [] };
    return view;
  };
  const end = Math.max(times[times.length - 1], tolerance);
  const pictureIfDue = (): void => {
    const time = run.time!;
    const picture = () => {
      const frame = encodeTissueFrame(viewNow(), time, json?.field?.id);
      return { header: json!, frame };
    };
    if (time < times[next] - tolerance) {
      if (live?.due()) live.show(picture, time / end);
      return;
    }
    const taken = picture();
    frames.push(taken.frame);
    while (next < times.length && times[next] <= time + tolerance) next++;
    // Every requested picture is also the latest live one (but the last: the finished view follows at once).
    if (live && next < times.length) live.show(() => taken, time / end);
  };
  try {
    await runInChunks(run, { signal, afterStep: pictureIfDue, until: () => next >= times.length });
  } finally {
    live?.finish(signal.aborted);
  }
  return { ...json!, frames };
}

/** Pictures of a twin's tissue over one run; displayed as an interactive tissue view. */
export class TwinTissue {
  /** @param json the tissue bundle */
  constructor(readonly json: TissueJson) {}

  /** The bundle under the tissue MIME type, with a text summary. */
  toMimeBundle(): MimeBundle {
    const { json } = this;
    const times = json.frames.map((f) => f.time).join(', ');
    const text = [
      `Tissue of ${json.title}: ${json.width}×${json.height} sites of ${json.siteSize} µm`,
      `  ${json.frames.length} pictures at t = ${times} (${json.timeUnit})`,
      `  cell states: ${json.cellStates.join(', ')}${json.field ? `; field: ${json.field.id} (${json.field.unit})` : ''}`,
    ].join('\n');
    return { data: { [TISSUE_MIME_TYPE]: json, 'text/plain': text }, metadata: {} };
  }
}
