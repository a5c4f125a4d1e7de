import type { IRenderMime } from '@jupyterlab/rendermime-interfaces';
import { Widget } from '@lumino/widgets';
import { TISSUE_MIME_TYPE } from '@immunotwin/engine/mimeTypes';

/** MIME type of tissue pictures (`twin.tissue()`; see `@immunotwin/widgets`' `<twin-tissue>`). */
export { TISSUE_MIME_TYPE };

type TissueElement = import('@immunotwin/widgets').TwinTissueElement;

/**
 * Shows tissue pictures as a `<twin-tissue>` (loaded with the widgets on first use). It only draws the frames the
 * output carries (saved pictures): it never simulates and starts no worker, so it needs no hold in an untrusted
 * notebook, unlike the workbench.
 */
export class TissueRenderer extends Widget implements IRenderMime.IRenderer {
  constructor(options: IRenderMime.IRendererOptions) {
    super();
    this._mimeType = options.mimeType;
    this.addClass('jp-ImmunoTwinTissue');
    // Keys in the view (the time slider's arrows) are the view's, not the notebook's shortcuts.
    this.node.dataset.lmSuppressShortcuts = 'true';
    this.node.addEventListener('keydown', (event) => event.stopPropagation());
  }

  async renderModel(model: IRenderMime.IMimeModel): Promise<void> {
    try {
      await import('@immunotwin/widgets');
    } catch (error) {
      const message = document.createElement('pre');
      message.textContent = `ImmunoTwin tissue view could not load (${error instanceof Error ? error.message : String(error)}).`;
      this.node.replaceChildren(message);
      return;
    }
    if (this.isDisposed) return;
    if (!this._element) {
      this._element = document.createElement('twin-tissue') as TissueElement;
      this.node.replaceChildren(this._element);
    }
    this._element.data = model.data[this._mimeType];
  }

  override dispose(): void {
    this._element?.pause();
    super.dispose();
  }

  private readonly _mimeType: string;
  private _element: TissueElement | undefined;
}

/** The renderer factory for {@link TISSUE_MIME_TYPE}. */
export const tissueRendererFactory: IRenderMime.IRendererFactory = {
  // Typed arrays and names drawn on a canvas and escaped text: nothing that runs or injects markup, and nothing
  // computed (no simulation, no worker): safe to show in an untrusted notebook as it is.
  safe: true,
  mimeTypes: [TISSUE_MIME_TYPE],
  defaultRank: 40,
  createRenderer: (options) => new TissueRenderer(options),
};
