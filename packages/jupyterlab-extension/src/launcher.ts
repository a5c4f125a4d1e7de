import type { JupyterFrontEnd, JupyterFrontEndPlugin } from '@jupyterlab/application';
import { ICommandPalette } from '@jupyterlab/apputils';
import { IDefaultFileBrowser } from '@jupyterlab/filebrowser';
import { ILauncher } from '@jupyterlab/launcher';
import { IMainMenu } from '@jupyterlab/mainmenu';
import type { KernelSpec } from '@jupyterlab/services';
import type { ReadonlyPartialJSONObject } from '@lumino/coreutils';
import type { IDisposable } from '@lumino/disposable';
import { immunoTwinIcon } from './icon';
import { KERNEL_NAME_PREFIX, twinKernelSpecs } from './specs';
import { IModelRegistry } from './tokens';
import { findTemplate, loadTemplateNotebook, notebookTemplates, templateGroups } from './templates/catalog';
import { freeCopyPath } from './templates/copyName';
import { chooseTemplate } from './templates/templateDialog';

/** The launcher section and palette category of the suite. */
export const CATEGORY = 'ImmunoTwin';

/** The launcher sections of the lessons: one per level, e.g. "ImmunoTwin lessons · Beginner". */
export const LESSONS_CATEGORY = 'ImmunoTwin lessons';

/** Command ids of the launcher plugin. */
export namespace CommandIDs {
  /** A new notebook on a twin kernel: args `kernelName`, `displayName`, `cwd`. */
  export const newTwinNotebook = 'immunotwin:new-twin-notebook';
  /** A copy of a template, opened: args `file` (the template's file name), `cwd`. */
  export const openTemplate = 'immunotwin:open-template';
  /** Asks for a template, then opens a copy of it. */
  export const newFromTemplate = 'immunotwin:new-from-template';
}

/** The model a twin kernelspec runs (from its metadata). */
function modelOf(spec: KernelSpec.ISpecModel): string | undefined {
  const metadata = spec.metadata?.immunotwin as { model?: unknown } | undefined;
  return typeof metadata?.model === 'string' ? metadata.model : undefined;
}

/**
 * Whether a kernelspec is a headless twin kernel (the Python package's `immunotwin-headless-<model>`, a server
 * kernel, marked `headless` in its metadata): listed with the server's kernels, not in the ImmunoTwin section.
 */
function isHeadless(spec: KernelSpec.ISpecModel): boolean {
  return (spec.metadata?.immunotwin as { headless?: unknown } | undefined)?.headless === true;
}

/** The in-browser twin kernelspecs the kernelspec manager lists whose model is still registered, by display name. */
function listedTwinKernels(manager: KernelSpec.IManager, registry: IModelRegistry): KernelSpec.ISpecModel[] {
  const specs = Object.values(manager.specs?.kernelspecs ?? {}).filter(
    (spec): spec is KernelSpec.ISpecModel =>
      !!spec && spec.name.startsWith(KERNEL_NAME_PREFIX) && !isHeadless(spec) && registry.has(modelOf(spec) ?? ''),
  );
  return specs.sort((a, b) => a.display_name.localeCompare(b.display_name));
}

/** The folder new notebooks go in: the launcher's, else the file browser's, else the root. */
function targetFolder(args: ReadonlyPartialJSONObject, browser: IDefaultFileBrowser | null): string {
  return typeof args.cwd === 'string' ? args.cwd : (browser?.model.path ?? '');
}

/** Saves a copy of a template next to the user's files (never over one) and opens it. */
async function openTemplateCopy(app: JupyterFrontEnd, file: string, folder: string): Promise<void> {
  const template = findTemplate(file);
  if (!template) {
    const known = notebookTemplates.map((t) => t.file).join(', ');
    throw new Error(`ImmunoTwin has no template "${file}"; the templates are: ${known}`);
  }
  const contents = app.serviceManager.contents;
  const exists = async (path: string): Promise<boolean> => {
    try {
      await contents.get(path, { content: false });
      return true;
    } catch {
      return false;
    }
  };
  const path = await freeCopyPath(folder, template.file, exists);
  await contents.save(path, { type: 'notebook', format: 'json', content: await loadTemplateNotebook(template.file) });
  await app.commands.execute('docmanager:open', { path, factory: 'Notebook' });
}

/**
 * The "ImmunoTwin" launcher section (a new notebook on each twin kernel, and each template), the command
 * "New notebook from ImmunoTwin template" in the palette and the File › New menu.
 */
export const launcherPlugin: JupyterFrontEndPlugin<void> = {
  id: '@immunotwin/jupyterlab-extension:launcher',
  description: 'Adds the ImmunoTwin launcher section and the "New notebook from ImmunoTwin template" command.',
  autoStart: true,
  requires: [IModelRegistry],
  optional: [ILauncher, ICommandPalette, IMainMenu, IDefaultFileBrowser],
  activate: (
    app: JupyterFrontEnd,
    registry: IModelRegistry,
    launcher: ILauncher | null,
    palette: ICommandPalette | null,
    mainMenu: IMainMenu | null,
    browser: IDefaultFileBrowser | null,
  ): void => {
    const { commands, serviceManager } = app;

    commands.addCommand(CommandIDs.newTwinNotebook, {
      label: (args) => String(args.displayName ?? args.kernelName ?? 'Twin notebook'),
      caption: (args) => `A new notebook on the ${String(args.displayName ?? args.kernelName)} kernel`,
      icon: (args) => (args.isPalette ? undefined : immunoTwinIcon),
      execute: (args) =>
        commands.execute('notebook:create-new', { kernelName: args.kernelName, cwd: targetFolder(args, browser) }),
    });

    commands.addCommand(CommandIDs.openTemplate, {
      label: (args) => {
        const template = findTemplate(String(args.file));
        if (!template) return String(args.file);
        return template.lesson ? `${template.lesson.topic} · ${template.title}` : template.title;
      },
      caption: (args) => findTemplate(String(args.file))?.description ?? '',
      icon: (args) => (args.isPalette ? undefined : immunoTwinIcon),
      execute: (args) => openTemplateCopy(app, String(args.file), targetFolder(args, browser)),
    });

    commands.addCommand(CommandIDs.newFromTemplate, {
      label: 'New notebook from ImmunoTwin template',
      caption: 'Copies one of the ImmunoTwin notebook templates into the current folder and opens it',
      icon: (args) => (args.isPalette ? undefined : immunoTwinIcon),
      isEnabled: () => notebookTemplates.length > 0,
      execute: async (args) => {
        const file = await chooseTemplate(notebookTemplates);
        if (file) await openTemplateCopy(app, file, targetFolder(args, browser));
      },
    });

    palette?.addItem({ command: CommandIDs.newFromTemplate, category: CATEGORY });
    mainMenu?.fileMenu.newMenu.addGroup([{ command: CommandIDs.newFromTemplate }], 40);
    if (!launcher) return;

    // The notebooks in the ImmunoTwin section; the lessons in a section per level, by topic, in course order.
    let rank = 100;
    for (const group of templateGroups(notebookTemplates)) {
      for (const template of group.templates) {
        launcher.add({
          command: CommandIDs.openTemplate,
          args: { file: template.file },
          category: group.level ? `${LESSONS_CATEGORY} · ${group.level}` : CATEGORY,
          rank: rank++,
        });
      }
    }

    // Kernel cards follow the kernelspec manager, so a model registered later appears once its kernel does
    // (the registry's change refreshes the listing), and goes when its model is taken out.
    let kernelCards: IDisposable[] = [];
    const showKernels = (): void => {
      kernelCards.forEach((card) => card.dispose());
      kernelCards = listedTwinKernels(serviceManager.kernelspecs, registry).map((spec, rank) =>
        launcher.add({
          command: CommandIDs.newTwinNotebook,
          args: { kernelName: spec.name, displayName: spec.display_name },
          category: CATEGORY,
          rank,
        }),
      );
    };
    serviceManager.kernelspecs.specsChanged.connect(showKernels);
    // A model registered later: refresh the listing until its kernel is in it (a few tries, a second apart).
    const listed = (): boolean =>
      twinKernelSpecs(registry.list()).every((spec) => !!serviceManager.kernelspecs.specs?.kernelspecs[spec.name]);
    const refreshUntilListed = async (tries: number): Promise<void> => {
      await serviceManager.kernelspecs.refreshSpecs();
      showKernels();
      if (!listed() && tries > 1) setTimeout(() => void refreshUntilListed(tries - 1), 1000);
    };
    registry.changed.connect(() => void refreshUntilListed(5));
    void serviceManager.kernelspecs.ready.then(showKernels);
  },
};
