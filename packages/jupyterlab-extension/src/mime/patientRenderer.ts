import type { IRenderMime } from '@jupyterlab/rendermime-interfaces';
import { Widget } from '@lumino/widgets';
import { PATIENT_MIME_TYPE } from '@immunotwin/engine/mimeTypes';
import { pageModelRegistry } from '../modelRegistry';
import { keepKeysInWidget, writeStateBack } from './liveOutput';

/** MIME type of a patient output: the patient widget's saved state (`schema/patient-state.schema.json`). */
export { PATIENT_MIME_TYPE };

/** The widgets' patient entry (the element, the state's parser and the worker factory), loaded on first use. */
const loadPatient = () => import('@immunotwin/widgets/patient');

/** The element, as the renderer uses it. */
type PatientElement = import('@immunotwin/widgets/patient').TwinPatientElement;

/**
 * Shows a live `<twin-patient>` for a patient output (`twin.patient()`): it fits and forecasts in its own Web Worker,
 * never in the kernel, so a saved notebook's widget works again with no kernel. What the person changes (the data, a
 * fit's estimates, the day reached) is written back to the output, so saving the notebook saves it. The state holds
 * data and settings only, and the models are the page's registered ones, so it is shown in untrusted notebooks too.
 */
export class PatientRenderer extends Widget implements IRenderMime.IRenderer {
  constructor(options: IRenderMime.IRendererOptions) {
    super();
    this._mimeType = options.mimeType;
    this.addClass('jp-ImmunoTwinPatient');
    keepKeysInWidget(this.node);
  }

  async renderModel(model: IRenderMime.IMimeModel): Promise<void> {
    this._model = model;
    const data = model.data[this._mimeType];
    const json = JSON.stringify(data);
    // The output changed because the widget wrote its own state back: nothing to show anew.
    if (json === this._shownJson) return;
    this._shownJson = json;
    let patient: Awaited<ReturnType<typeof loadPatient>>;
    try {
      patient = await loadPatient();
    } catch (error) {
      this.showMessage(`the widget could not load (${error instanceof Error ? error.message : String(error)}).`);
      return;
    }
    if (this.isDisposed) return;
    if (!this._element) {
      const element = document.createElement('twin-patient') as PatientElement;
      element.sessionFactory = patient.browserPatientFactory(() => pageModelRegistry.list());
      element.addEventListener('state-change', (event) => {
        const next = (event as CustomEvent<{ state: unknown }>).detail.state;
        this._shownJson = JSON.stringify(next);
        writeStateBack(this._model!, this._mimeType, next);
      });
      this.node.replaceChildren(element);
      this._element = element;
    }
    // The element reads (and checks) the state: a bad one is shown as the parser's message.
    this._element.state = data;
  }

  override dispose(): void {
    if (this.isDisposed) return;
    this._element?.dispose();
    super.dispose();
  }

  /** A message in place of the widget (its code did not load). */
  showMessage(text: string): void {
    this._element?.dispose();
    this._element = undefined;
    const message = document.createElement('pre');
    message.textContent = `ImmunoTwin patient: ${text}`;
    this.node.replaceChildren(message);
  }

  private readonly _mimeType: string;
  private _element: PatientElement | undefined;
  private _shownJson: string | undefined;
  private _model: IRenderMime.IMimeModel | undefined;
}

/** The renderer factory for {@link PATIENT_MIME_TYPE}. */
export const patientRendererFactory: IRenderMime.IRendererFactory = {
  // Data and settings (no markup, no code); the element escapes all text it shows.
  safe: true,
  mimeTypes: [PATIENT_MIME_TYPE],
  defaultRank: 40,
  createRenderer: (options) => new PatientRenderer(options),
};
