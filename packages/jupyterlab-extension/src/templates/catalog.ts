import type { INotebookContent } from '@jupyterlab/nbformat';
import catalog from './catalog.json';

import type { INotebookTemplate } from './template';

export { templateGroups, type ILessonInfo, type INotebookTemplate, type ITemplateGroup } from './template';

/** Every bundled template, in file-name order (written by `scripts/bundle-templates.mjs`). */
export const notebookTemplates: readonly INotebookTemplate[] = catalog as unknown as INotebookTemplate[];

/**
 * A template's notebook. The notebooks are a chunk of their own (`catalogNotebooks.json`), fetched the first time one
 * is opened, so they add nothing to the page's first load.
 */
export async function loadTemplateNotebook(file: string): Promise<INotebookContent> {
  const notebooks = (await import('./catalogNotebooks.json')).default as unknown as Record<string, INotebookContent>;
  if (!Object.hasOwn(notebooks, file)) throw new Error(`ImmunoTwin has no template notebook "${file}"`);
  return notebooks[file];
}

/** The template with this file name, or undefined. */
export function findTemplate(file: string): INotebookTemplate | undefined {
  return notebookTemplates.find((template) => template.file === file);
}
