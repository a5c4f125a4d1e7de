import { tissueFieldGrid, type Tissue, type TissueFrame, type TissueHeader } from '@immunotwin/engine';

/** Most pictures of a run kept for looking back (the first, evenly thinned ones, and the newest). */
export const MAX_KEPT_PICTURES = 64;

/** Most bytes the kept pictures may hold (a 1000² section's picture is ~5 MB: about 25 of them). */
export const MAX_KEPT_BYTES = 128 * 1024 * 1024;

/** The bytes a picture holds (its typed arrays, the levels of detail it came with among them). */
export function pictureBytes(frame: TissueFrame): number {
  const levels = frame.levels?.reduce((sum, level) => sum + level.cells.byteLength, 0) ?? 0;
  return (
    frame.cells.byteLength +
    levels +
    frame.agentSites.byteLength +
    frame.agentTypes.byteLength +
    (frame.field?.byteLength ?? 0)
  );
}

/** A kept picture with its place in the run's sequence of pictures. */
interface IKept {
  /** 0 for the run's first picture, 1 for the next, … */
  readonly seq: number;
  readonly frame: TissueFrame;
}

/**
 * The pictures of one run kept for a tissue view, in bounded memory: at most `maxPictures` and `maxBytes`.
 * Pictures whose place in the run's sequence is a multiple of a stride are kept, and the newest is kept whatever
 * its place; when the bounds are passed the stride doubles and every other kept picture goes — so what is kept
 * is the first picture, pictures evenly spread over the run, and the newest (at least the first and the newest,
 * whatever their size). A new run (`restart`) replaces the pictures with its first one, so the last run's stay
 * shown until then.
 */
export class TissueHistory {
  private kept: IKept[] = [];
  private newest: IKept | undefined;
  private strideValue = 1;
  private count = 0;
  private header: TissueHeader | undefined;
  private headerJson = '';
  private stale = false;
  private cached: Tissue | undefined;

  /**
   * @param maxPictures most pictures kept (at least 2)
   * @param maxBytes most bytes kept (the first and the newest picture are kept even when they hold more)
   */
  constructor(
    readonly maxPictures = MAX_KEPT_PICTURES,
    readonly maxBytes = MAX_KEPT_BYTES,
  ) {
    if (!(maxPictures >= 2)) throw new RangeError(`maxPictures must be at least 2; got ${maxPictures}`);
  }

  /** Every `stride`-th picture of the run is kept (1 until the bounds are first passed). */
  get stride(): number {
    return this.strideValue;
  }

  /** Pictures taken in this run so far (kept or not). */
  get taken(): number {
    return this.count;
  }

  /** The kept pictures as a decoded tissue (a new object after each change; undefined before any picture). */
  get tissue(): Tissue | undefined {
    if (!this.header) return undefined;
    this.cached ??= {
      header: this.header,
      fieldGrid: tissueFieldGrid(this.header),
      frames: [...this.kept, ...(this.newest ? [this.newest] : [])].map((kept) => kept.frame),
    };
    return this.cached;
  }

  /** Bytes the kept pictures hold. */
  get bytes(): number {
    return this.entries().reduce((sum, kept) => sum + pictureBytes(kept.frame), 0);
  }

  /** A new run begins: its first picture will replace those kept. */
  restart(): void {
    this.stale = true;
  }

  /** Forgets every picture. */
  clear(): void {
    this.kept = [];
    this.newest = undefined;
    this.strideValue = 1;
    this.count = 0;
    this.header = undefined;
    this.headerJson = '';
    this.stale = false;
    this.cached = undefined;
  }

  /** Adds the run's next picture (a picture of another space — size, names, field — starts a new run). */
  push(header: TissueHeader, frame: TissueFrame): void {
    const headerJson = header === this.header ? this.headerJson : JSON.stringify(header);
    if (this.stale || headerJson !== this.headerJson) this.clear();
    this.header = header;
    this.headerJson = headerJson;
    const entry = { seq: this.count++, frame };
    if (entry.seq % this.strideValue === 0) {
      this.kept.push(entry);
      this.newest = undefined;
    } else this.newest = entry;
    while (this.kept.length > 1 && (this.entries().length > this.maxPictures || this.bytes > this.maxBytes)) {
      this.strideValue *= 2;
      this.kept = this.kept.filter((kept) => kept.seq % this.strideValue === 0);
      // The newest picture stays, now off the stride.
      const last = this.kept[this.kept.length - 1];
      if (!this.newest && last.seq !== entry.seq) this.newest = entry;
    }
    this.cached = undefined;
  }

  private entries(): IKept[] {
    return this.newest ? [...this.kept, this.newest] : this.kept;
  }
}

/** The index of the picture nearest in time to `time` (0 for none). */
export function pictureNear(frames: readonly TissueFrame[], time: number): number {
  let best = 0;
  for (let i = 1; i < frames.length; i++) {
    if (Math.abs(frames[i].time - time) < Math.abs(frames[best].time - time)) best = i;
  }
  return best;
}
