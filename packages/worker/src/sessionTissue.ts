import {
  PicturePace,
  pictureFields,
  pictureTissue,
  tissueHeader,
  type ModelManifest,
  type ReplicateRun,
  type TissueHeader,
} from '@immunotwin/engine';
import type { ISessionTissue } from './types.js';

/** Default least wall-clock time between two tissue pictures of a run (ms): four a second at most. */
export const TISSUE_PICTURE_MILLISECONDS = 250;

/**
 * The tissue pictures of one run (see `ITissueOptions`), taken between its steps and sent with its next frame: the
 * first sample's at once, then as a `PicturePace` allows (at most one per `milliseconds`, at most a tenth of the
 * wall time), and the current state's whenever the session asks for it (the end, a pause). A model without space
 * gives none.
 */
export class SessionTissuePictures {
  private header: TissueHeader | undefined;
  private readonly pace: PicturePace;
  private pending: ISessionTissue[] = [];
  /** The sample time of the last picture taken (undefined before the first). */
  private lastTime: number | undefined;

  /**
   * @param manifest the model's manifest (names the bundle header)
   * @param field the field drawn (default: the model's first)
   * @param milliseconds least time between two pictures
   * @param unknownField what a field the model lacks does: fail the run ('refuse') or draw the first ('first');
   *   anything else is refused, naming what is allowed
   */
  constructor(
    private readonly manifest: ModelManifest,
    private readonly field: string | undefined,
    milliseconds: number,
    private readonly unknownField: 'refuse' | 'first' = 'refuse',
  ) {
    if (unknownField !== 'refuse' && unknownField !== 'first') {
      throw new RangeError(`tissue.unknownField must be "refuse" or "first"; got ${JSON.stringify(unknownField)}`);
    }
    this.pace = new PicturePace(milliseconds);
  }

  /** After a step (a sample) of the run pictured: its first sample is pictured, later ones when due. */
  afterStep(run: ReplicateRun): void {
    if (this.lastTime === undefined || this.pace.due()) this.picture(run);
  }

  /** The pictures taken since the last call, in time order, with the current state's when `always`. */
  take(run: ReplicateRun, always: boolean): ISessionTissue[] {
    if (always && run.time !== this.lastTime) this.picture(run);
    const pictures = this.pending;
    this.pending = [];
    return pictures;
  }

  private picture(run: ReplicateRun): void {
    const time = run.time ?? 0;
    this.lastTime = time;
    const picture = this.pace.take(() => {
      // Once the header names the field drawn, the model copies that field alone.
      const first = !this.header;
      const view = run.view(pictureFields(this.header));
      if (!view) return undefined;
      // Judged on the first picture, whose view holds every field (later ones hold the field drawn alone).
      const unknown =
        first && this.unknownField === 'first' && this.field !== undefined && !(this.field in view.fields);
      this.header ??= tissueHeader(this.manifest, view, unknown ? undefined : this.field, 'tissue pictures');
      const frame = pictureTissue(view, time, this.header.field?.id);
      if (!first) return { header: this.header, frame };
      const fields = Object.entries(view.fields).map(([id, field]) => ({ id, unit: field.unit }));
      if (!unknown) return { header: this.header, frame, fields };
      const drawn = this.header.field ? `drawing ${JSON.stringify(this.header.field.id)}` : 'drawing none';
      const note = `${this.manifest.title} has no field ${JSON.stringify(this.field)}: ${drawn}; its fields: ${fields.map((f) => f.id).join(', ') || 'none'}`;
      return { header: this.header, frame, fields, note };
    });
    if (picture) this.pending.push(picture);
  }
}
