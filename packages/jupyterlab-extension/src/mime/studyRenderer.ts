import type { IRenderMime } from '@jupyterlab/rendermime-interfaces';
import { Widget } from '@lumino/widgets';
import { STUDY_MIME_TYPE } from '@immunotwin/engine/mimeTypes';

/** MIME type of an ImmunoTwin study: the engine's study bundle (`schema/study.schema.json`), data not drawings. */
export { STUDY_MIME_TYPE };

/** The widgets' study element, as the renderer uses it. */
type StudyElement = import('@immunotwin/widgets/study').TwinStudyElement;

/**
 * Shows an ImmunoTwin study (`twin.sweep()`, `twin.sensitivity()`) as the widgets' `<twin-study>`: its figures in a
 * grid of bounded height at the output's width, in the theme's colours. The element checks the bundle and shows a
 * bad one as a message naming the field. The widgets' study entry (and plotly, on the first draw) load on first use.
 */
export class StudyRenderer extends Widget implements IRenderMime.IRenderer {
  constructor(options: IRenderMime.IRendererOptions) {
    super();
    this._mimeType = options.mimeType;
    this.addClass('jp-ImmunoTwinStudy');
  }

  async renderModel(model: IRenderMime.IMimeModel): Promise<void> {
    // The study element alone (not the whole widgets package): a study output fetches no workbench code.
    try {
      await import('@immunotwin/widgets/study');
    } catch (error) {
      this._showFallback(model, `the study code did not load (${messageOf(error)})`);
      return;
    }
    if (this.isDisposed) return;
    if (!this._element) {
      this._element = document.createElement('twin-study') as StudyElement;
      this._element.addEventListener('plot-error', (event) => {
        const error = (event as CustomEvent<{ error: unknown }>).detail.error;
        this._showFallback(model, `plotly.js did not draw it (${messageOf(error)}); run the cell again to retry`);
      });
      this.node.replaceChildren(this._element);
    }
    this._element.bundle = model.data[this._mimeType];
  }

  /** Says why the study could not be drawn, and shows the output's text instead. */
  private _showFallback(model: IRenderMime.IMimeModel, reason: string): void {
    this.addClass('jp-ImmunoTwinStudy-fallback');
    this._element = undefined;
    const message = document.createElement('p');
    message.textContent = `The study could not be drawn: ${reason}.`;
    const text = model.data['text/plain'];
    const pre = document.createElement('pre');
    pre.textContent = typeof text === 'string' ? text : '';
    this.node.replaceChildren(message, pre);
  }

  private readonly _mimeType: string;
  private _element: StudyElement | undefined;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The renderer factory for {@link STUDY_MIME_TYPE}. */
export const studyRendererFactory: IRenderMime.IRendererFactory = {
  // Numbers, and names the figures escape before plotly sees them (no markup, no links): safe to show in an
  // untrusted notebook, like the tissue view.
  safe: true,
  mimeTypes: [STUDY_MIME_TYPE],
  defaultRank: 50,
  createRenderer: (options) => new StudyRenderer(options),
};
