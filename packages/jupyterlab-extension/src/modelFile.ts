import type { JupyterFrontEnd, JupyterFrontEndPlugin } from '@jupyterlab/application';
import { MainAreaWidget } from '@jupyterlab/apputils';
import { IDefaultFileBrowser } from '@jupyterlab/filebrowser';
import type { IRenderMime } from '@jupyterlab/rendermime-interfaces';
import type { ReadonlyPartialJSONObject } from '@lumino/coreutils';
import { WORKBENCH_MIME_TYPE } from '@immunotwin/engine/mimeTypes';
import { immunoTwinIcon } from './icon';
import { WorkbenchRenderer } from './mime/workbenchRenderer';

/** The command that opens a model file (a reaction network's manifest JSON) in a workbench. */
export const OPEN_MODEL_WORKBENCH = 'immunotwin:open-model-workbench';

/** The manifest's id, or a message saying why the text is not a model manifest. */
function manifestOf(text: string, path: string): { id: string; title: string; manifest: object } | string {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return `${path} is not JSON (${(error as Error).message})`;
  }
  const manifest = value as { id?: unknown; title?: unknown; network?: unknown };
  if (typeof manifest !== 'object' || manifest === null || typeof manifest.id !== 'string') {
    return `${path} is not a model manifest: it needs an "id" (see schema/manifest.schema.json)`;
  }
  if (typeof manifest.network !== 'object') {
    return `${path} has no "network": only a reaction network's manifest is a model by itself (a model with code comes as a plugin package)`;
  }
  return { id: manifest.id, title: typeof manifest.title === 'string' ? manifest.title : manifest.id, manifest };
}

/** A mime model over a workbench state that lives only in the widget (the file is not changed). */
function detachedModel(state: object): IRenderMime.IMimeModel {
  return {
    trusted: true,
    data: { [WORKBENCH_MIME_TYPE]: state as IRenderMime.IMimeModel['data'][string] },
    metadata: {},
    // The student's changes stay in the workbench; the model file is never rewritten.
    setData: () => undefined,
  };
}

/** The path a command was asked for, else the file browser's selected item. */
function targetPath(args: ReadonlyPartialJSONObject, browser: IDefaultFileBrowser | null): string | undefined {
  if (typeof args.path === 'string') return args.path;
  const selected = browser?.selectedItems().next();
  return selected && !selected.done ? selected.value.path : undefined;
}

/**
 * "Open in ImmunoTwin workbench" on a JSON file: a reaction network's manifest is a model by itself, so a
 * workbench on it runs at once, in its own worker, which validates the manifest and says what is wrong with it.
 */
export const modelFilePlugin: JupyterFrontEndPlugin<void> = {
  id: '@immunotwin/jupyterlab-extension:model-file',
  description: 'Opens a model manifest (JSON) in an ImmunoTwin workbench.',
  autoStart: true,
  optional: [IDefaultFileBrowser],
  activate: (app: JupyterFrontEnd, browser: IDefaultFileBrowser | null): void => {
    app.commands.addCommand(OPEN_MODEL_WORKBENCH, {
      label: 'Open in ImmunoTwin Workbench',
      caption: "Runs a reaction network's manifest (model.json) in a live twin workbench",
      icon: immunoTwinIcon,
      execute: async (args) => {
        const path = targetPath(args, browser);
        if (!path) return;
        const file = await app.serviceManager.contents.get(path, { content: true, format: 'text', type: 'file' });
        const found = manifestOf(String(file.content), path);
        const renderer = new WorkbenchRenderer({
          mimeType: WORKBENCH_MIME_TYPE,
          sanitizer: { sanitize: (html: string) => html },
          resolver: null,
          linkHandler: null,
          latexTypesetter: null,
        } as unknown as IRenderMime.IRendererOptions);
        const widget = new MainAreaWidget({ content: renderer });
        widget.addClass('jp-ImmunoTwinModelFile');
        widget.title.icon = immunoTwinIcon;
        widget.title.label = typeof found === 'string' ? path : `${found.title} — workbench`;
        widget.title.caption = path;
        app.shell.add(widget, 'main');
        const state =
          typeof found === 'string'
            ? { version: 1, scenario: { model: path }, plugin: { provider: path } }
            : { version: 1, scenario: { model: found.id }, plugin: { provider: path, manifest: found.manifest } };
        if (typeof found === 'string') renderer.showMessage(found);
        else await renderer.renderModel(detachedModel(state));
      },
    });
    app.contextMenu.addItem({
      command: OPEN_MODEL_WORKBENCH,
      selector: '.jp-DirListing-item[data-file-type="json"]',
      rank: 60,
    });
  },
};
