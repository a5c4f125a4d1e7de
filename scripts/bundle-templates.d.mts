// Types of scripts/bundle-templates.mjs, for the tests that import it.

/** A bundled template: its file name, title, description, kernel and the notebook itself. */
export interface TemplateEntry {
  file: string;
  title: string;
  description: string;
  kernelName: string;
  kernelDisplayName: string;
  /** A lesson's level, topic and order within its topic (lessons only). */
  lesson?: { level: string; topic: string; order: number };
  notebook: { cells: { cell_type: string; source: string | string[] }[]; metadata: Record<string, unknown> };
}
export declare const NOTEBOOKS_DIR: string;
export declare const CATALOG_FILE: string;
export declare const LESSONS_DIR: string;
export declare function describeNotebook(notebook: unknown, file: string): { title: string; description: string };
export declare function readTemplates(dir?: string, lessonsDir?: string): TemplateEntry[];
export declare function notebooksFileOf(catalogFile: string): string;
export declare function writeCatalog(dir?: string, file?: string): boolean;
