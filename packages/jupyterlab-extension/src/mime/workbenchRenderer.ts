import type { IRenderMime } from '@jupyterlab/rendermime-interfaces';
import { Widget } from '@lumino/widgets';
import { WORKBENCH_MIME_TYPE } from '@immunotwin/engine/mimeTypes';
import type { ModelManifest, PluginDescriptor, WorkbenchState } from '@immunotwin/engine';
import { pageModelRegistry } from '../modelRegistry';
import { keepKeysInWidget, writeStateBack } from './liveOutput';

/** MIME type of a workbench output: the workbench's saved state (see `@immunotwin/widgets`' format). */
export { WORKBENCH_MIME_TYPE };

/** The widgets' module and its browser session factory, loaded with the first workbench (lit, the engine). */
function loadWidgets() {
  return Promise.all([import('@immunotwin/widgets'), import('@immunotwin/widgets/browserSession')]);
}

/** The element of the widgets package, as the renderer uses it. */
type WorkbenchElement = import('@immunotwin/widgets').TwinWorkbenchElement;

/**
 * The models a workbench's worker gets: the page's registry, plus the model the output carries when the page
 * does not have it (a reaction network travels whole; code from a notebook cell runs only in a trusted
 * notebook). A string instead says why the workbench cannot run here.
 */
export function workbenchPlugins(
  state: Pick<WorkbenchState, 'scenario' | 'plugin'>,
  trusted: boolean,
): PluginDescriptor[] | string {
  const registered = pageModelRegistry.list();
  const id = state.scenario.model;
  if (pageModelRegistry.has(id)) return registered;
  const { plugin } = state;
  if (!plugin?.manifest) {
    const from = plugin?.provider ? ` It comes from ${plugin.provider}; install that plugin` : ' Install its plugin';
    return `the model "${id}" is not installed in this JupyterLab.${from} and reload the page: the workbench comes back as it was saved.`;
  }
  if (plugin.module !== undefined && !trusted) {
    return `the model "${id}" was defined in a notebook cell and its code travels with this output; it runs only in a trusted notebook ("Trust Notebook" in the command palette, or run the cell that defines it).`;
  }
  return [...registered, { manifest: plugin.manifest, module: plugin.module, provider: plugin.provider }];
}

/** Why a workbench of an untrusted notebook waits for a click (the workbench adds what it would compute). */
export const UNTRUSTED_REASON = 'This notebook is not trusted, so the workbench has not run.';

/** The manifest of the state's model as the page has it without a worker (registered, or carried by the output). */
function manifestOf(state: Pick<WorkbenchState, 'scenario' | 'plugin'>): ModelManifest | undefined {
  const id = state.scenario.model;
  return pageModelRegistry.has(id) ? pageModelRegistry.get(id).manifest : state.plugin?.manifest;
}

/**
 * Shows a live `<twin-workbench>` for a workbench output. The workbench runs its simulations in its own Web
 * Worker, never in the kernel, so a saved notebook's workbench works again when it is reopened with no
 * kernel. Every change a student makes (parameters, interventions, pins, view) is written back to the
 * output, so saving the notebook saves it.
 *
 * In an untrusted notebook (`model.trusted` false) the workbench is held: it shows the saved state, why it has
 * not run and what it would compute, with a Run button, and starts no worker until the click. Trusting the
 * notebook (the command palette's "Trust Notebook", `notebook:trust`) gives every output a new, trusted model and renders it again here: the
 * workbench then starts. Models defined in a notebook cell still run only in a trusted notebook (Run does not
 * bypass that: such a workbench shows its message instead).
 */
export class WorkbenchRenderer extends Widget implements IRenderMime.IRenderer {
  constructor(options: IRenderMime.IRendererOptions) {
    super();
    this._mimeType = options.mimeType;
    this.addClass('jp-ImmunoTwinWorkbench');
    keepKeysInWidget(this.node);
  }

  async renderModel(model: IRenderMime.IMimeModel): Promise<void> {
    // On trust JupyterLab replaces the output's model with a trusted one: the workbench writes to the newest.
    this._model = model;
    const data = model.data[this._mimeType];
    const json = JSON.stringify(data);
    // The output changed because the workbench wrote its own state back: nothing to show anew.
    if (json === this._shownJson && model.trusted === this._shownTrusted) return;
    this._shownJson = json;
    this._shownTrusted = model.trusted;
    let widgets: Awaited<ReturnType<typeof loadWidgets>>;
    try {
      widgets = await loadWidgets();
    } catch (error) {
      this.showMessage(`The workbench could not load (${error instanceof Error ? error.message : String(error)}).`);
      return;
    }
    if (this.isDisposed) return;
    const [{ parseWorkbenchState }, { browserSessionFactory }] = widgets;
    let state: ReturnType<typeof parseWorkbenchState>;
    try {
      state = parseWorkbenchState(data);
    } catch (error) {
      this.showMessage(error instanceof Error ? error.message : String(error));
      return;
    }
    const plugins = workbenchPlugins(state, model.trusted);
    if (typeof plugins === 'string') {
      this.showMessage(plugins);
      return;
    }
    if (!this._workbench) {
      const workbench = document.createElement('twin-workbench') as WorkbenchElement;
      workbench.sessionFactory = browserSessionFactory(() => plugins);
      if (!model.trusted) workbench.hold = { reason: UNTRUSTED_REASON, manifest: manifestOf(state) };
      workbench.addEventListener('state-change', (event) => {
        const next = (event as CustomEvent<{ state: unknown }>).detail.state;
        this._shownJson = JSON.stringify(next);
        writeStateBack(this._model!, this._mimeType, next);
      });
      this.node.replaceChildren(workbench);
      this._workbench = workbench;
    } else if (model.trusted) {
      this._workbench.hold = undefined; // the notebook was trusted since: the workbench starts
    }
    this._workbench.state = state;
  }

  override dispose(): void {
    if (this.isDisposed) return;
    this._workbench?.dispose();
    super.dispose();
  }

  /** A message in place of the workbench (bad state, a missing model, or the widgets did not load). */
  showMessage(text: string): void {
    this._workbench?.dispose();
    this._workbench = undefined;
    const message = document.createElement('pre');
    message.className = 'jp-ImmunoTwinWorkbench-error';
    message.textContent = `ImmunoTwin workbench: ${text}`;
    this.node.replaceChildren(message);
  }

  private readonly _mimeType: string;
  private _workbench: WorkbenchElement | undefined;
  private _shownJson: string | undefined;
  private _shownTrusted: boolean | undefined;
  private _model: IRenderMime.IMimeModel | undefined;
}

/** The renderer factory for {@link WORKBENCH_MIME_TYPE}. */
export const workbenchRendererFactory: IRenderMime.IRendererFactory = {
  // The output is a validated scenario (data, no markup or code); the workbench escapes all text it shows.
  // Safe, so a course notebook downloaded by a student (untrusted) still opens with its workbenches shown — held,
  // computing nothing until the student presses Run or trusts the notebook (see WorkbenchRenderer).
  safe: true,
  mimeTypes: [WORKBENCH_MIME_TYPE],
  defaultRank: 40,
  createRenderer: (options) => new WorkbenchRenderer(options),
};
