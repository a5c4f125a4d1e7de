import type { IRenderMime } from '@jupyterlab/rendermime-interfaces';

/**
 * Keys typed in a live widget (a workbench, a patient) are the widget's. Events from inside its shadow DOM look as if
 * they came from the element itself, not from a text field or a slider, so JupyterLab would take them: its command
 * shortcuts (Enter enters edit mode, …; suppressed by the attribute) and the notebook's own keydown handling, which
 * cancels the default action of arrow keys (kept from it by stopping the event here).
 */
export function keepKeysInWidget(node: HTMLElement): void {
  node.dataset.lmSuppressShortcuts = 'true';
  node.addEventListener('keydown', (event) => event.stopPropagation());
}

/** Writes a live widget's new state into its output (so saving the notebook saves it), under `mimeType`. */
export function writeStateBack(model: IRenderMime.IMimeModel, mimeType: string, state: unknown): void {
  model.setData({ data: { ...model.data, [mimeType]: state as IRenderMime.IMimeModel['data'][string] } });
}
