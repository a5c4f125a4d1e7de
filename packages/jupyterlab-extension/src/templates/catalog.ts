import type { INotebookContent } from '@jupyterlab/nbformat';
import catalog from './catalog.json';

/** A notebook template: one of the notebooks in the repository's `notebooks/`, bundled at build time. */
export interface INotebookTemplate {
  /** File name in `notebooks/` (also the name a copy starts from). */
  readonly file: string;
  /** The first heading of its first markdown cell. */
  readonly title: string;
  /** The paragraph under that heading, as plain text. */
  readonly description: string;
  /** The kernel it runs on. */
  readonly kernelName: string;
  /** That kernel's display name. */
  readonly kernelDisplayName: string;
  /** The notebook itself. */
  readonly notebook: INotebookContent;
}

/** Every bundled template, in file-name order (written by `scripts/bundle-templates.mjs`). */
export const notebookTemplates: readonly INotebookTemplate[] = catalog as unknown as INotebookTemplate[];

/** The template with this file name, or undefined. */
export function findTemplate(file: string): INotebookTemplate | undefined {
  return notebookTemplates.find((template) => template.file === file);
}
